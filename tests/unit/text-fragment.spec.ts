/**
 * src/core/text-fragment.ts: the `:~:text=` directive of a quote link, checked
 * against a real Chinese word segmenter (ICU's dictionary, as the browser uses).
 */
import { expect, test } from '@playwright/test';
import { textDirective } from '../../src/core/text-fragment';
import { applyTypography } from '../../src/core/typography';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// From the essay, with its full-width marks as escapes: \uFF0C , \u3002 .
const TEXT =
  '\u8FD9\u79CD\u6027\u4EF7\u6BD4\uFF0C\u4E0D\u4EC5\u5BF9\u4E8E\u7528\u6237\u6765\u8BF4\u610F\u5473\u7740\u66F4\u597D\u7684\u4F53\u9A8C\uFF0C' +
  '\u66F4\u662F\u5BF9\u4E8E\u4E1A\u754C\u5E26\u6765\u4E86\u5168\u65B0\u51B2\u51FB\u3002';

/** Word boundaries of `text` by the segmenter: offsets where a word starts or ends. */
function wordBoundaries(text: string): Set<number> {
  const cuts = new Set([0, text.length]);
  for (const { index, segment } of segmenter.segment(text)) {
    cuts.add(index);
    cuts.add(index + segment.length);
  }
  return cuts;
}

interface Directive {
  prefix?: string;
  start: string;
  /** The end of a range (`start,end`), absent where the quote is written out whole. */
  end?: string;
  suffix?: string;
  /** The directive as written, after `:~:text=`. */
  raw: string;
}

/** Reads a `:~:text=[prefix-,]start[,end][,-suffix]` directive back into its decoded parts. */
function parse(directive: string): Directive {
  expect(directive.startsWith(':~:text=')).toBe(true);
  const raw = directive.slice(':~:text='.length);
  const parts = raw.split(',');
  const result: Directive = { start: '', raw };
  if (parts[0]!.endsWith('-')) result.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
  if (parts.at(-1)!.startsWith('-')) result.suffix = decodeURIComponent(parts.pop()!.slice(1));
  expect(parts.length, `one or two text parts in ${raw}`).toBeGreaterThanOrEqual(1);
  expect(parts.length, `one or two text parts in ${raw}`).toBeLessThanOrEqual(2);
  result.start = decodeURIComponent(parts[0]!);
  if (parts[1]) result.end = decodeURIComponent(parts[1]);
  return result;
}

/**
 * Where a browser's text-fragment search lands in `page` (the spec's order, word boundaries
 * aside): the first place where the prefix, white space, then the start stand; from there, the
 * first place where the end stands (followed by the suffix); null where nothing matches.
 */
function resolve(page: string, { prefix, start, end, suffix }: Directive): [number, number] | null {
  const lower = page.toLowerCase();
  const followedBy = (at: number, text: string) => {
    const from = at + (/^\s*/.exec(page.slice(at))![0].length);
    return lower.startsWith(text.toLowerCase(), from) ? from : -1;
  };
  for (let at = 0; at < page.length; at++) {
    let from = at;
    if (prefix !== undefined) {
      if (!lower.startsWith(prefix.toLowerCase(), at)) continue;
      from = followedBy(at + prefix.length, start);
      if (from < 0) continue;
    } else if (!lower.startsWith(start.toLowerCase(), at)) continue;
    let to = from + start.length;
    if (end !== undefined) {
      for (let j = to; ; j++) {
        j = lower.indexOf(end.toLowerCase(), j);
        if (j < 0) return null;
        if (suffix === undefined || followedBy(j + end.length, suffix) >= 0) {
          to = j + end.length;
          break;
        }
      }
    } else if (suffix !== undefined && followedBy(to, suffix) < 0) continue;
    return [from, to];
  }
  return null;
}

/** The essay's blocks as the pages show them, and as one page's text. */
const BLOCKS = allEssayTexts(readEssayContent()).map(applyTypography);
const PAGE = BLOCKS.join('\n');
/** A section page's address and a block's anchor, as the longest the essay's links get (its base path). */
const LINK_BASE = 'https://example.org/essay/us-china-tech/#us-china-tech-10';

/** The offsets of the first word that has at least `length` characters, to select inside it. */
function multiCharWord(text: string, minLength = 2): { index: number; length: number } {
  for (const { index, segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && segment.length >= minLength && index > 0) return { index, length: segment.length };
  }
  throw new Error('no long enough word');
}

test.describe('textDirective', () => {
  test('every 30-character quote of the essay opens on exactly its words, in a link under 160 characters', () => {
    let quotes = 0;
    const lengths: number[] = [];
    for (const block of BLOCKS) {
      const at = PAGE.indexOf(block);
      for (let start = 0; start + 30 <= block.length; start += 7) {
        const directive = textDirective(block, start, start + 30, segmenter, PAGE);
        const parsed = parse(directive);
        const found = resolve(PAGE, parsed);
        expect(found && PAGE.slice(found[0], found[1]), `${directive} for ${block.slice(start, start + 30)}`).toBe(block.slice(start, start + 30).trim());
        expect(found![0]).toBe(at + start + (block.slice(start).length - block.slice(start).trimStart().length));
        lengths.push(`${LINK_BASE}${directive}`.length);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(300);
    // Some 400 characters before: the quote written out, with three words either side.
    expect(Math.max(...lengths), 'the longest link').toBeLessThan(160);
  });

  test('a quote of every length, from anywhere, opens on exactly its words', () => {
    for (const block of BLOCKS.slice(0, 12)) {
      for (let start = 0; start < block.length; start += 11) {
        for (const length of [1, 2, 5, 13, 60]) {
          const end = Math.min(block.length, start + length);
          const quote = block.slice(start, end).trim();
          if (!quote) continue;
          const parsed = parse(textDirective(block, start, end, segmenter, PAGE));
          const found = resolve(PAGE, parsed);
          expect(found && PAGE.slice(found[0], found[1]), parsed.raw).toBe(quote);
        }
      }
    }
  });

  test('each part stands on word boundaries where the browser checks them: the prefix’s start (or the start’s), the suffix’s end (or the end’s)', () => {
    const cuts = wordBoundaries(TEXT);
    const word = multiCharWord(TEXT);
    for (const [start, end] of [
      [word.index + 1, word.index + word.length + 12], // starts inside a word
      [3, word.index + 1], // ends inside one
      [0, TEXT.length],
      [5, 30],
    ] as const) {
      const parsed = parse(textDirective(TEXT, start, end, segmenter));
      expect(cuts.has(parsed.prefix ? TEXT.lastIndexOf(parsed.prefix, start) : start), `${parsed.raw}: its first part starts on a boundary`).toBe(true);
      const to = parsed.suffix ? TEXT.indexOf(parsed.suffix, end) + parsed.suffix.length : end;
      expect(cuts.has(to), `${parsed.raw}: its last part ends on a boundary`).toBe(true);
      if (!cuts.has(start)) expect(parsed.prefix!.endsWith(TEXT.slice(TEXT.lastIndexOf(parsed.prefix!, start), start))).toBe(true);
      expect(resolve(TEXT, parsed)).toEqual([start, end]);
    }
  });

  test('a quote on word boundaries, unique where it is, needs no context; the whole block is written out', () => {
    const whole = parse(textDirective(TEXT, 0, TEXT.length, segmenter));
    expect(whole.prefix).toBeUndefined();
    expect(whole.suffix).toBeUndefined();
    expect(resolve(TEXT, whole)).toEqual([0, TEXT.length]);
    expect(whole.raw.length).toBeLessThan(encodeURIComponent(TEXT).length);
  });

  test('a start that stands elsewhere in the page takes a prefix, so the browser does not stop at the other place', () => {
    // A second block saying 更是对于业界… after other words (归根结底): its quote stands in TEXT too.
    const second = `\u5F52\u6839\u7ED3\u5E95${TEXT.slice(TEXT.indexOf('\u66F4\u662F'))}`;
    const page = `${TEXT}\n${second}`;
    const start = 4;
    const directive = parse(textDirective(second, start, start + 8, segmenter, page));
    expect(directive.prefix, directive.raw).toBeTruthy();
    expect(resolve(page, directive)).toEqual([TEXT.length + 1 + start, TEXT.length + 1 + start + 8]);
  });

  test('percent-encodes "-", "," and "&" in the parts, so only the directive syntax is bare', () => {
    const text = '\u4EF7\u683C-\u6210\u672C GPT-4o & o1 \u6A21\u578B,\u4E00\u534A';
    for (const [from, to] of [
      [text.indexOf('GPT'), text.indexOf('4o') + 2],
      [text.indexOf('&'), text.indexOf('\u4E00')],
      [text.indexOf('\u6210'), text.length],
      [0, text.length],
    ] as const) {
      const directive = parse(textDirective(text, from, to, segmenter));
      // The parts read back (split at the bare "," and "-") find the words.
      expect(resolve(text, directive), directive.raw).toEqual([from, to]);
      expect(directive.raw).not.toContain('&');
      // A bare "-" only ends the prefix or starts the suffix.
      for (const part of directive.raw.split(',')) expect(part.replace(/^-|-$/g, ''), directive.raw).not.toContain('-');
    }
  });

  test('leaves the white space around a selection out of the quoted text', () => {
    const text = 'Sputnik 1 \u53F7 and more';
    const directive = parse(textDirective(text, 7, 12, segmenter));
    expect(resolve(text, directive)).toEqual([8, 11]);
    expect(`${directive.start}${directive.end ?? ''}`.startsWith('1')).toBe(true);
  });
});
