/**
 * A static server for a built site, as a static host serves it: the site under
 * its base path, `404.html` with status 404 for anything unknown, and the headers
 * of the build's `_headers` file (the security headers, as Netlify or Cloudflare
 * Pages send them). Tests, the search evaluation and the benchmark use it; unlike
 * `astro preview`, several can run at once, on any output folder.
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4329] [--base /]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { withTrailingSlash } from '../src/core/urls.ts';

/**
 * `_headers` in the format static hosts read: a path pattern (`/*`, `/essay/*`) on
 * its own line, then its headers indented, `Name: value`. Hand-parsed: the format is
 * this small, and no maintained package reads it.
 */
export function readHeadersFile(text: string): Array<{ pattern: string; headers: Array<[string, string]> }> {
  const rules: Array<{ pattern: string; headers: Array<[string, string]> }> = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;

export function serve(dir: string, port: number, base = '/') {
  const prefix = withTrailingSlash(base);
  const headersFile = join(dir, '_headers');
  const rules = existsSync(headersFile) ? readHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const files = sirv(dir, { dev: true, etag: true });
  const notFound = () => readFileSync(join(dir, '404.html'));
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = new URL(url, 'http://localhost').pathname;
    for (const rule of rules) {
      if (matches(rule.pattern, path)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    const fail = () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound());
    };
    // The headers file is the host's configuration, not a page of the site.
    if (!url.startsWith(prefix) || path.endsWith('/_headers')) return fail();
    request.url = `/${url.slice(prefix.length)}`;
    files(request, response, fail);
  });
  return new Promise<typeof server>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4329' },
      base: { type: 'string', default: '/' },
    },
  });
  await serve(values.dir, Number(values.port), values.base);
  console.log(`Serving ${values.dir} at http://127.0.0.1:${values.port}${values.base}`);
}
