/**
 * The site's two editions: the essay as written, in Simplified Chinese, at the
 * root, and the same site in Traditional Chinese under `zh-hant/`, converted at
 * build time (src/editions/build/traditional.ts). Each edition has its own pages, search
 * bundle and share cards; the pages link to each other's counterparts.
 */
export type EditionId = 'hans' | 'hant';

export interface Edition {
  id: EditionId;
  /** The `lang` of its pages, and the `hreflang` of links to them. */
  lang: string;
  /** Its folder under the site's base path: '' for the edition at the root. */
  folder: '' | 'zh-hant/';
  /** How a link to this edition names it, in its own script (a reader of the other edition must still recognise it). */
  name: string;
  /** `og:locale`. */
  locale: string;
}

export const SIMPLIFIED: Edition = { id: 'hans', lang: 'zh-CN', folder: '', name: '简体', locale: 'zh_CN' };
export const TRADITIONAL: Edition = { id: 'hant', lang: 'zh-Hant', folder: 'zh-hant/', name: '繁體', locale: 'zh_TW' };
export const EDITIONS: readonly Edition[] = [SIMPLIFIED, TRADITIONAL];

/** The other edition, which the edition switch links to. */
export const otherEdition = (edition: Edition): Edition => (edition.id === 'hans' ? TRADITIONAL : SIMPLIFIED);

/** The `[...edition]` route parameter of an edition's pages: its folder, none at the root. */
export const editionParam = (edition: Edition): string | undefined => edition.folder.replace(/\/$/, '') || undefined;

/** For `getStaticPaths` of a page shown in both editions (`src/pages/[...edition]/`). */
export const editionParams = () => EDITIONS.map((edition) => ({ params: { edition: editionParam(edition) } }));
