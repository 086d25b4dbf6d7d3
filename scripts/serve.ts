/**
 * A static server for a built site, as a static host serves it: the site under
 * its base path, `404.html` with status 404 for anything unknown. Tests, the
 * search evaluation and the benchmark use it; unlike `astro preview`, several can
 * run at once, on any output folder.
 *
 * Usage: node scripts/serve.ts [--dir dist] [--port 4329] [--base /]
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export function serve(dir: string, port: number, base = '/') {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = sirv(dir, { dev: true, etag: true });
  const notFound = () => readFileSync(join(dir, '404.html'));
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const fail = () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound());
    };
    if (!url.startsWith(prefix)) return fail();
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
