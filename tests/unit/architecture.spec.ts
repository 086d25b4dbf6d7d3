/**
 * The shape of src/ (CONTRIBUTING.md): core/ imports nothing else in src/; a feature imports
 * core/ and its own files; only pages, the site's layout (src/site/) and the config put
 * features together; no import cycle; breakpoints the scripts and the stylesheets share agree.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../src/core/brand';
import { WIDE_CONTENTS_QUERY } from '../../src/core/breakpoints';
import { PROJECT_ROOT } from '../support/essay-content';

const SRC = join(PROJECT_ROOT, 'src');
const FEATURES = ['essay', 'editions', 'search', 'sharing', 'reader', 'readers-copy', 'listening', 'offline'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.\.?\/[^'"]+)['"]/gm;

const TYPE_ONLY = /^\s*import\s+type\s[^;]*?from\s+['"][^'"]+['"];?/gm;

/** The files of src/ a file imports, as paths relative to src/ (`runtime`: without `import type`, which the build erases). */
function importsOf(file: string, runtime = false): string[] {
  const source = readFileSync(file, 'utf8');
  const text = runtime ? source.replace(TYPE_ONLY, '') : source;
  return Array.from(text.matchAll(SPECIFIER), (match) => {
    // A query (`?inline`: a stylesheet's text) names the same file.
    const target = resolve(dirname(file), match[1]!.replace(/\?.*$/, ''));
    const found = ['', '.ts', '.astro'].map((ext) => target + ext).find((path) => existsSync(path) && statSync(path).isFile());
    if (!found) throw new Error(`${relative(SRC, file)}: cannot resolve ${match[1]}`);
    return relative(SRC, found);
  });
}

const graph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file)]));
const runtimeGraph = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file, true)]));
const area = (path: string) => path.split('/')[0]!;

test('core/ imports nothing else in src/', () => {
  expect(graph.get('site/BaseLayout.astro')).toContain('core/strings.ts'); // the graph sees imports at all
  const wrong = [...graph].flatMap(([from, to]) =>
    area(from) === 'core' ? to.filter((path) => area(path) !== 'core').map((path) => `${from} → ${path}`) : [],
  );
  expect(wrong).toEqual([]);
});

test('a feature imports core/ and its own files only', () => {
  const wrong = [...graph].flatMap(([from, to]) =>
    FEATURES.includes(area(from))
      ? to.filter((path) => area(path) !== 'core' && area(path) !== area(from)).map((path) => `${from} → ${path}`)
      : [],
  );
  expect(wrong).toEqual([]);
});

test('nothing imports a page, and site/ imports no page either', () => {
  const wrong = [...graph].flatMap(([from, to]) => to.filter((path) => area(path) === 'pages').map((path) => `${from} → ${path}`));
  expect(wrong).toEqual([]);
});

test('browser code (client/) imports no build-time code (build/), but for its types', () => {
  const wrong = [...runtimeGraph].flatMap(([from, to]) =>
    from.includes('/client/') ? to.filter((path) => path.includes('/build/')).map((path) => `${from} → ${path}`) : [],
  );
  expect(wrong).toEqual([]);
});

test('no import cycle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
});

test('the wide-contents breakpoint of the scripts is the stylesheet’s', () => {
  const css = readFileSync(join(SRC, 'reader/reader.css'), 'utf8');
  expect(css).toContain(`@media ${WIDE_CONTENTS_QUERY} {`);
});

test('the colours code draws with are the stylesheet’s light scheme', () => {
  const css = readFileSync(join(SRC, 'site/global.css'), 'utf8');
  for (const [name, colour] of Object.entries(LIGHT_PALETTE)) {
    const property = name === 'paper' ? '--page' : `--${name}`;
    expect(css, property).toContain(`${property}: ${colour};`);
    expect(css, property).toContain(`${property}: light-dark(${colour},`);
  }
});

test('the dark colours code states (the installed app’s, src/offline/) are the stylesheet’s dark scheme', () => {
  const css = readFileSync(join(SRC, 'site/global.css'), 'utf8');
  for (const [name, colour] of Object.entries(DARK_PALETTE)) {
    const property = name === 'paper' ? '--page' : `--${name}`;
    expect(css, property).toContain(`${property}: light-dark(${LIGHT_PALETTE[name as keyof typeof LIGHT_PALETTE]}, ${colour});`);
  }
  const layout = readFileSync(join(SRC, 'site/BaseLayout.astro'), 'utf8');
  expect(layout).toContain(`<meta name="theme-color" content="${LIGHT_PALETTE.paper}" media="(prefers-color-scheme: light)" />`);
  expect(layout).toContain(`<meta name="theme-color" content="${DARK_PALETTE.paper}" media="(prefers-color-scheme: dark)" />`);
});

test('the service worker is browser code of its own: no page script imports it, and it imports Workbox and offline/ only', () => {
  const worker = 'offline/client/service-worker.ts';
  const importers = [...graph].filter(([, to]) => to.includes(worker)).map(([from]) => from);
  expect(importers).toEqual([]);
  expect(graph.get(worker)).toEqual(['offline/messages.ts']);
});
