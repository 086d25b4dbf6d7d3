/**
 * The site's two editions as the tests see them, from content/ and OpenCC directly
 * (not from the site's own modules): the essay in Simplified at the root, and in
 * Traditional (OpenCC `cn` → `tw`) under /zh-hant/.
 */
import * as OpenCC from 'opencc-js';
import { readEssayContent } from './essay-content';

export interface TestEdition {
  name: 'Simplified' | 'Traditional';
  /** Its home, under the site's base. */
  home: '/' | '/zh-hant/';
  lang: 'zh-CN' | 'zh-Hant';
  /** Text of the Simplified edition as this edition shows it. */
  script: (text: string) => string;
}

const openccTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
/** OpenCC's conversion with the edition's documented overrides (src/core/traditional-script.ts), written out again here. */
export const toTraditional = (text: string): string => openccTaiwan(text).replaceAll('迴歸', '回歸');

export const SIMPLIFIED: TestEdition = { name: 'Simplified', home: '/', lang: 'zh-CN', script: (text) => text };
export const TRADITIONAL: TestEdition = { name: 'Traditional', home: '/zh-hant/', lang: 'zh-Hant', script: toTraditional };
export const EDITIONS = [SIMPLIFIED, TRADITIONAL] as const;

const { sections } = readEssayContent();

/** The full essay and each section page of an edition. */
export const essayPages = (edition: TestEdition): string[] => [
  edition.home,
  ...sections.map((section) => `${edition.home}${section.slug}/`),
];

export const ALL_ESSAY_PAGES = EDITIONS.flatMap(essayPages);

export const editionOf = (path: string): TestEdition => (path.startsWith(TRADITIONAL.home) ? TRADITIONAL : SIMPLIFIED);
