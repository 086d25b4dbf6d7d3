/**
 * The interface text that scripts show, compiled into the scripts that show it:
 * `import t from 'virtual:client-strings/search'` gives the `search` group of
 * `clientStrings` (src/core/strings.ts) in the page's edition.
 *
 * Each group is its own module, holding both editions (typeset, and converted to
 * Traditional here at build time, as the pages are by src/middleware.ts), and picks
 * the page's by its `<html data-edition>` (src/site/BaseLayout.astro), which,
 * unlike `lang`, no page translator rewrites. So a page carries none of this text in its HTML, and the
 * code that loads on first use (search, sharing) brings its own words, in the same
 * file, even offline after loading. The declarations are in src/env.d.ts.
 */
import type { Plugin } from 'vite';
import { EDITIONS, SIMPLIFIED } from '../../core/editions';
import { inEditionScript } from '../../editions/build/traditional';
import { clientStrings } from '../../core/strings';

const PREFIX = 'virtual:client-strings/';
// Vite's convention for virtual modules: the resolved id starts with \0, so no other plugin reads it as a file.
const RESOLVED_PREFIX = `\0${PREFIX}`;

/** The module for one group: its text in each edition, keyed by edition id, the page's one as default export. */
export function groupModule(group: keyof typeof clientStrings): string {
  const json = JSON.stringify(clientStrings[group]);
  const byEdition = Object.fromEntries(EDITIONS.map((edition) => [edition.id, JSON.parse(inEditionScript(edition, json))]));
  return [
    `const byEdition = ${JSON.stringify(byEdition)};`,
    `export default byEdition[document.documentElement.dataset.edition] ?? byEdition[${JSON.stringify(SIMPLIFIED.id)}];`,
  ].join('\n');
}

function isGroup(name: string): name is keyof typeof clientStrings {
  return Object.hasOwn(clientStrings, name);
}

/** The Vite plugin that serves `virtual:client-strings/<group>` (astro.config.ts). */
export function clientStringsPlugin(): Plugin {
  return {
    name: 'essay-client-strings',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return undefined;
      const group = id.slice(RESOLVED_PREFIX.length);
      if (!isGroup(group)) {
        this.error(`${PREFIX}${group}: no such group of clientStrings in src/core/strings.ts (there are ${Object.keys(clientStrings).join(', ')})`);
      }
      return groupModule(group);
    },
  };
}
