/**
 * Checks, over a build's files on disk, that every reference a page makes to the site
 * itself resolves: `href`, `src`, `srcset`, `action`…, the absolute URLs of `<meta>`
 * tags (og:image, og:url…), of JSON-LD and of any other attribute (`data-share-url`),
 * mapped back from the site's URL (SITE_URL + BASE_PATH) to its files, and every
 * `#anchor` to an `id` of the target page (a text directive, `:~:text=…`, is ignored).
 *
 * Written by hand rather than with a link checker: linkinator (8.x) can check fragments,
 * but it is not a dependency here, it crawls through a server rather than reading files,
 * and it treats the site's own absolute URLs (canonical, og:image on SITE_URL, which is
 * not where the test builds are served) as external. Parsing with hast, already used by
 * the build, does all of it offline in a few dozen lines.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { listFiles } from './built-files';

/** hast property names that hold a URL (hast's names: `srcSet`, `formAction`). */
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'data', 'cite'];
/** `<meta>` tags whose content must be an absolute URL. */
const URL_METAS = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:url']);

export interface LinkReport {
  /** One line per broken reference: the page, where the reference is, the URL and what is wrong. */
  problems: string[];
  /** How many references to the site were checked, and how many of them had an anchor. */
  checked: number;
  anchors: number;
}

/**
 * The URL a built page is served at. The 404 page is served at any unknown address,
 * however deep: its references are resolved from one, so a relative link fails.
 */
function pageUrl(file: string, home: URL): URL {
  if (file === '404.html') return new URL('no/such/page/here/', home);
  return new URL(file.replace(/(^|\/)index\.html$/, '$1'), home);
}

/** The URLs of a `srcset`: hast gives its comma-separated candidates, each `url [descriptor]`. */
function srcsetUrls(value: unknown): string[] {
  const candidates = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return candidates.map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);
}

/** Every string in a JSON value. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The text of an element with only text inside (a script). */
function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function isAbsoluteHttp(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * Checks every HTML file under `dir`, a build of the site whose home page is `siteHome`
 * (the site's URL with its base path, e.g. `https://example.org/essay/`).
 */
export function checkLinks(dir: string, siteHome: string): LinkReport {
  const home = new URL(siteHome);
  const files = listFiles(dir);
  const pages = files.filter((file) => file.endsWith('.html'));
  const trees = new Map<string, Root>(pages.map((file) => [file, fromHtml(readFileSync(join(dir, file), 'utf8'))]));
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set();
      visit(trees.get(file)!, 'element', (element: Element) => {
        if (typeof element.properties.id === 'string') ids!.add(element.properties.id);
      });
      idCache.set(file, ids);
    }
    return ids;
  };

  const report: LinkReport = { problems: [], checked: 0, anchors: 0 };

  for (const page of pages) {
    const base = pageUrl(page, home);
    const problem = (where: string, url: string, what: string) => report.problems.push(`${page}: ${where} ${url}: ${what}`);

    const check = (where: string, raw: string) => {
      let target: URL;
      try {
        target = new URL(raw, base);
      } catch {
        problem(where, raw, 'not a URL');
        return;
      }
      if (target.origin !== home.origin) return; // another site, or mailto:, data:…
      report.checked++;
      // `#id` alone is this page, wherever it is served (the 404 page's skip link).
      let file = page;
      if (!raw.startsWith('#')) {
        if (!target.pathname.startsWith(home.pathname)) {
          problem(where, raw, `outside the site's base path ${home.pathname}`);
          return;
        }
        const path = decodeURIComponent(target.pathname.slice(home.pathname.length));
        file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        const full = join(dir, file);
        if (!existsSync(full) || !statSync(full).isFile()) {
          problem(where, raw, `no file ${file} in the build`);
          return;
        }
      }

      if (target.hash.length > 1) {
        // `#id:~:text=…`: the browser looks for the text; only the id before the directive must exist.
        const fragment = decodeURIComponent(target.hash.slice(1)).split(':~:')[0]!;
        if (!fragment || fragment === 'top') return; // a text directive alone, or the top of the page
        report.anchors++;
        if (!trees.has(file)) {
          problem(where, raw, `an anchor into ${file}, which is not a page`);
          return;
        }
        if (!idsOf(file).has(fragment)) problem(where, raw, `no id="${fragment}" in ${file}`);
      }
    };

    visit(trees.get(page)!, 'element', (element: Element) => {
      const { tagName, properties } = element;
      const at = (name: string) => `<${tagName} ${name}>`;
      for (const [name, value] of Object.entries(properties)) {
        if (value === undefined || value === null || typeof value === 'boolean') continue;
        if (name === 'srcSet') {
          for (const url of srcsetUrls(value)) check(at('srcset'), url);
        } else if (URL_PROPERTIES.includes(name)) {
          check(at(name), String(value));
        } else if (typeof value === 'string' && isAbsoluteHttp(value)) {
          // Any other attribute holding an absolute URL (meta content, data-share-url): checked if it is the site's.
          check(at(name), value);
        }
      }
      if (tagName === 'meta') {
        const key = String(properties.property ?? properties.name ?? '');
        const content = String(properties.content ?? '');
        if (URL_METAS.has(key) && !isAbsoluteHttp(content)) problem(`<meta ${key}>`, content, 'not an absolute URL');
      }
      if (tagName === 'script' && properties.type === 'application/ld+json') {
        for (const value of jsonStrings(JSON.parse(textOf(element)))) if (isAbsoluteHttp(value)) check('JSON-LD', value);
      }
    });
  }
  return report;
}
