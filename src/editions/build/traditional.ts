/**
 * The Traditional Chinese edition, converted at build time with OpenCC.
 *
 * Which conversion: OpenCC `cn` → `tw`, that is Simplified to Traditional
 * characters by phrase (OpenCC's STPhrases tell 发布 → 發佈 from 头发 → 頭髮, 干净
 * → 乾淨 from 干部 → 幹部), then Taiwan's standard character forms (台 → 臺 stays
 * 台, 着 → 著, 里 → 裡). Taiwan, not Hong Kong: it is the larger Traditional
 * readership, and its forms are the Ministry of Education's standard ones.
 *
 * Not `twp`, Taiwan's *vocabulary*: it would swap the author's words for
 * others (人工智能 → 人工智慧, 性价比 → 價效比, 信息 → 資訊, and even the idiom
 * 不胜枚举 → 不勝列舉). The site never rewords the author; a Traditional reader
 * reads the same words in Traditional characters. The conversion is also one
 * character for one, so every paragraph keeps its length, and search can map a
 * match in one script onto the other.
 *
 * The whole page is converted: the essay, the interface, titles, descriptions and
 * structured data. An element marked with a `lang` of another script (the switch
 * back to 简体) keeps its text.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Edition } from '../../core/editions';
import { toTraditional } from '../../core/traditional-script';

/** A text as an edition shows it: for what the page conversion does not reach (share card images, the scripts' interface text). */
export const inEditionScript = (edition: Edition, text: string): string =>
  edition.id === 'hant' ? toTraditional(text) : text;

const TRADITIONAL_LANG = /^zh-(hant|tw|hk|mo)\b/i;

function convertTree(node: Root | Element) {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text') child.value = toTraditional(child.value);
    if (child.type !== 'element') continue;
    const lang = child.properties.lang;
    if (typeof lang === 'string' && !TRADITIONAL_LANG.test(lang)) continue;
    for (const [name, value] of Object.entries(child.properties)) {
      if (typeof value === 'string') child.properties[name] = toTraditional(value);
      else if (Array.isArray(value)) child.properties[name] = value.map((v) => (typeof v === 'string' ? toTraditional(v) : v));
    }
    convertTree(child);
    if (child.tagName === 'template' && child.content) convertTree(child.content as unknown as Root);
  }
}

/** A whole HTML page in Traditional characters (see above for what is kept). */
export function toTraditionalHtml(html: string): string {
  const tree = fromHtml(html);
  convertTree(tree);
  // Written as Astro writes the Simplified pages (`<!DOCTYPE html>`, `popover` without a value): valid by html-validate's rules.
  return toHtml(tree, { allowDangerousHtml: true, upperDoctype: true, collapseEmptyAttributes: true });
}
