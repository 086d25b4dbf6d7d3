/**
 * Typeset text as hast, the build's markup (core/typeset-markup.ts decides the classes; the
 * scripts build the same markup as DOM, core/client/typeset.ts).
 */
import type { Element, ElementContent } from 'hast';
import { piecesAt } from './line-breaking';
import { typesetRuns } from './typography';
import { runMarkup } from './typeset-markup';

/**
 * Hast for text the character rules have set (core/typography.ts `applyTypography`): its marked
 * runs (Latin next to Han, Chinese quotes, squeezed marks) as elements (core/typeset-markup.ts),
 * and a `<wbr>` at each of `breaks` (a title's phrase breaks, core/phrase-breaks.ts), which falls
 * in plain text or between runs, never inside a marked one. Used by the Markdown plugin (src/essay/build/rehype-essay.ts) and
 * core/Typeset.astro.
 */
export function runsHast(typeset: string, breaks: readonly number[] = []): ElementContent[] {
  const wbr: Element = { type: 'element', tagName: 'wbr', properties: {}, children: [] };
  const nodes: ElementContent[] = [];
  let offset = 0;
  for (const run of typesetRuns(typeset)) {
    const start = offset;
    offset += run.text.length;
    if (breaks.includes(start) && start > 0) nodes.push(structuredClone(wbr));
    const markup = runMarkup(run);
    if (!markup) {
      piecesAt(run.text, breaks.filter((at) => at > start && at < offset).map((at) => at - start)).forEach((piece, i) => {
        if (i > 0) nodes.push(structuredClone(wbr));
        nodes.push({ type: 'text', value: piece });
      });
      continue;
    }
    const children: ElementContent[] = markup.digitCells
      ? Array.from(run.text, (digit) => ({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: digit }] }))
      : [{ type: 'text', value: run.text }];
    nodes.push({ type: 'element', tagName: 'span', properties: { className: markup.className }, children });
  }
  return nodes;
}
