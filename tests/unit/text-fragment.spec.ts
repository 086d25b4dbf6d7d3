/**
 * src/core/text-fragment.ts: the `:~:text=` directive of a quote link, checked
 * against a real Chinese word segmenter (ICU's dictionary, as the browser uses).
 */
import { expect, test } from '@playwright/test';
import { textDirective } from '../../src/core/text-fragment';

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
  suffix?: string;
  /** The directive as written, after `:~:text=`. */
  raw: string;
}

/** Reads a `:~:text=[prefix-,]start[,-suffix]` directive back into its decoded parts. */
function parse(directive: string): Directive {
  expect(directive.startsWith(':~:text=')).toBe(true);
  const raw = directive.slice(':~:text='.length);
  const parts = raw.split(',');
  const result: Directive = { start: '', raw };
  if (parts[0]!.endsWith('-')) result.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
  if (parts.at(-1)!.startsWith('-')) result.suffix = decodeURIComponent(parts.pop()!.slice(1));
  expect(parts, `one text part in ${raw}`).toHaveLength(1);
  result.start = decodeURIComponent(parts[0]!);
  return result;
}

/** The offsets of the first word that has at least `length` characters, to select inside it. */
function multiCharWord(text: string, minLength = 2): { index: number; length: number } {
  for (const { index, segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && segment.length >= minLength && index > 0) return { index, length: segment.length };
  }
  throw new Error('no long enough word');
}

test.describe('textDirective', () => {
  test('quotes a selection on word boundaries, with whole words of context either side', () => {
    const cuts = [...wordBoundaries(TEXT)].sort((a, b) => a - b);
    // A selection from the 3rd to the 6th boundary.
    const start = cuts[3]!;
    const end = cuts[6]!;
    const directive = parse(textDirective(TEXT, start, end, segmenter));
    expect(directive.start).toBe(TEXT.slice(start, end));
    expect(directive.prefix).toBeTruthy();
    expect(directive.suffix).toBeTruthy();
    // The context is the text right before and after the selection, and reaches out to word boundaries.
    expect(TEXT.slice(0, start).endsWith(directive.prefix!)).toBe(true);
    expect(TEXT.slice(end).startsWith(directive.suffix!)).toBe(true);
    expect(wordBoundaries(TEXT).has(start - directive.prefix!.length)).toBe(true);
    expect(wordBoundaries(TEXT).has(end + directive.suffix!.length)).toBe(true);
  });

  test('a selection starting inside a word carries the rest of that word in the prefix, which starts on a word boundary', () => {
    const word = multiCharWord(TEXT);
    const start = word.index + 1; // inside the word
    const end = word.index + word.length + 4;
    expect(wordBoundaries(TEXT).has(start)).toBe(false);
    const directive = parse(textDirective(TEXT, start, end, segmenter));
    expect(directive.start).toBe(TEXT.slice(start, end));
    expect(directive.prefix!.endsWith(TEXT.slice(word.index, start))).toBe(true);
    expect(TEXT.slice(0, start).endsWith(directive.prefix!)).toBe(true);
    expect(wordBoundaries(TEXT).has(start - directive.prefix!.length)).toBe(true);
  });

  test('a selection ending inside a word carries the rest of that word in the suffix, which ends on a word boundary', () => {
    const word = multiCharWord(TEXT.slice(10));
    const start = 10 + word.index - 3;
    const end = 10 + word.index + 1; // inside the word
    expect(wordBoundaries(TEXT).has(end)).toBe(false);
    const directive = parse(textDirective(TEXT, start, end, segmenter));
    expect(directive.start).toBe(TEXT.slice(start, end));
    expect(directive.suffix!.startsWith(TEXT.slice(end, 10 + word.index + word.length))).toBe(true);
    expect(TEXT.slice(end).startsWith(directive.suffix!)).toBe(true);
    expect(wordBoundaries(TEXT).has(end + directive.suffix!.length)).toBe(true);
  });

  test('takes at most three words of context on each side', () => {
    const directive = parse(textDirective(TEXT, 20, 24, segmenter));
    const words = (text: string) => [...segmenter.segment(text)].length;
    expect(words(directive.prefix!)).toBeLessThanOrEqual(3);
    expect(words(directive.suffix!)).toBeLessThanOrEqual(3);
  });

  test('a selection at the start of the block has no prefix; one at its end has no suffix', () => {
    const atStart = parse(textDirective(TEXT, 0, 5, segmenter));
    expect(atStart.prefix).toBeUndefined();
    expect(atStart.start).toBe(TEXT.slice(0, 5));
    expect(atStart.suffix).toBeTruthy();

    const atEnd = parse(textDirective(TEXT, TEXT.length - 5, TEXT.length, segmenter));
    expect(atEnd.suffix).toBeUndefined();
    expect(atEnd.start).toBe(TEXT.slice(-5));
    expect(atEnd.prefix).toBeTruthy();

    const whole = parse(textDirective(TEXT, 0, TEXT.length, segmenter));
    expect(whole).toEqual({ start: TEXT, raw: encodeURIComponent(TEXT) });
  });

  test('percent-encodes "-", "," and "&" in the quote and its context, so only the directive syntax is bare', () => {
    const text = '\u4EF7\u683C-\u6210\u672C GPT-4o & o1 \u6A21\u578B,\u4E00\u534A';
    const start = text.indexOf('GPT');
    const end = text.indexOf('o1') + 2;
    const directive = textDirective(text, start, end, segmenter);
    const { raw, prefix, start: quoted, suffix } = parse(directive);
    expect(quoted).toBe('GPT-4o & o1');
    expect(quoted).toContain('-');
    expect(quoted).toContain('&');
    expect(prefix).toContain('-');
    expect(suffix).toContain(',');
    // Every bare "-" and "," in the directive is its own syntax: one after the prefix, one before the suffix.
    expect(raw.match(/-/g)).toHaveLength(2);
    expect(raw.match(/,/g)).toHaveLength(2);
    expect(raw).not.toContain('&');
    expect(raw).toMatch(/^[^,-]+-,[^,-]+,-[^,-]+$/);
    expect(raw).toContain('%2D');
    expect(raw).toContain('%2C');
    expect(raw).toContain('%26');
  });

  test('leaves the white space around a selection out of the quoted text', () => {
    const text = 'Sputnik 1 \u53F7 and more';
    const directive = parse(textDirective(text, 7, 12, segmenter));
    expect(directive.start).toBe('1 \u53F7');
    expect(directive.prefix).toBe('Sputnik');
    expect(directive.suffix).toBe('and more');
  });
});
