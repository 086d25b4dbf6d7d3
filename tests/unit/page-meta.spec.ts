/** src/sharing/build/page-meta.ts: the description a page gives search engines and link cards. */
import { expect, test } from '@playwright/test';
import { describe as describeText } from '../../src/sharing/build/page-meta';
import { applyTypography } from '../../src/core/typography';
import { readEssayContent } from '../support/essay-content';

// Full-width marks as escapes (typed ones may turn into ASCII on the way to the file).
const FULL_STOP = '\u3002';
const COMMA = '\uFF0C';
const ELLIPSIS = '\u2026';
const CLOSE_QUOTE = '\u201D';
const OPEN_QUOTE = '\u201C';

/** `n` Han characters without punctuation, cycling through a few so no two runs look alike by accident. */
const han = (n: number) => Array.from({ length: n }, (_, i) => '\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B'[i % 8]).join('');
const length = (text: string) => Array.from(text).length;

test.describe('describe', () => {
  test('returns a text of up to 120 characters whole, with its white space collapsed', () => {
    expect(describeText(`  ${han(10)}\n\n${han(10)}  `)).toBe(`${han(10)} ${han(10)}`);
    const exact = `${han(119)}${FULL_STOP}`;
    expect(describeText(exact)).toBe(exact);
  });

  test('cuts a longer text after a full stop between 80 and 120 characters', () => {
    const text = `${han(59)}${FULL_STOP}${han(40)}${FULL_STOP}${han(50)}`;
    expect(describeText(text)).toBe(`${han(59)}${FULL_STOP}${han(40)}${FULL_STOP}`);
    expect(length(describeText(text))).toBe(101);
  });

  test('prefers a full stop to a later comma', () => {
    const text = `${han(84)}${FULL_STOP}${han(20)}${COMMA}${han(40)}`;
    expect(describeText(text)).toBe(`${han(84)}${FULL_STOP}`);
  });

  test('ignores a full stop before 80 characters and cuts at the last comma in reach, ending with an ellipsis', () => {
    const text = `${han(30)}${FULL_STOP}${han(59)}${COMMA}${han(15)}${COMMA}${han(40)}`;
    const description = describeText(text);
    expect(description).toBe(`${han(30)}${FULL_STOP}${han(59)}${COMMA}${han(15)}${ELLIPSIS}`);
    expect(description).not.toContain(`${COMMA}${ELLIPSIS}`);
    expect(length(description)).toBe(107);
  });

  test('never cuts later than 120 characters, even at a full stop', () => {
    const text = `${han(90)}${COMMA}${han(30)}${FULL_STOP}${han(30)}`;
    // The full stop would make 122 characters: the comma at 91 is the cut.
    expect(describeText(text)).toBe(`${han(90)}${ELLIPSIS}`);
  });

  test('keeps a closing quotation mark with the full stop it follows', () => {
    const text = `${han(70)}${OPEN_QUOTE}${han(20)}${FULL_STOP}${CLOSE_QUOTE}${han(50)}`;
    expect(describeText(text)).toBe(`${han(70)}${OPEN_QUOTE}${han(20)}${FULL_STOP}${CLOSE_QUOTE}`);
  });

  test('does not take an ASCII comma or colon inside a number for a clause end', () => {
    // 1,000 and 10:30 are numbers; the only real clause end in reach is the full-width comma.
    const text = `${han(85)}${COMMA}${han(10)}1,000${han(5)}10:30${han(50)}`;
    expect(describeText(text)).toBe(`${han(85)}${ELLIPSIS}`);
  });

  test('without punctuation in reach, cuts between Han characters, never inside a Latin word or a number', () => {
    for (const word of ['DeepSeek', 'GPT-4o', '0.28', 'ChatGPT', '2025']) {
      for (let before = 105; before <= 119; before++) {
        const text = `${han(before)}${word}${han(60)}`;
        const description = describeText(text);
        const at = `${word} after ${before} characters: \u2026${description.slice(-12)}`;
        expect(description.endsWith(ELLIPSIS), at).toBe(true);
        expect(length(description), at).toBeLessThanOrEqual(120);
        const kept = description.slice(0, -1);
        expect(text.startsWith(kept), at).toBe(true);
        // Either the whole word is kept or none of it.
        const wordStart = before;
        const wordEnd = before + word.length;
        expect(kept.length <= wordStart || kept.length >= wordEnd, at).toBe(true);
      }
    }
  });

  test('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const astral = '\u{20000}'.repeat(130);
    const description = describeText(astral);
    expect(length(description)).toBe(120);
    expect(description).toBe(`${'\u{20000}'.repeat(119)}${ELLIPSIS}`);
  });

  test("gives every part of the essay an 80 to 120 character description cut after a punctuation mark", () => {
    const essay = readEssayContent();
    const parts = [essay.lede, ...essay.sections].map((part) => part.paragraphs.map(applyTypography).join(''));
    for (const text of parts) {
      const description = describeText(text);
      expect(length(description), description).toBeGreaterThanOrEqual(80);
      expect(length(description), description).toBeLessThanOrEqual(120);
      const kept = description.endsWith(ELLIPSIS) ? description.slice(0, -1) : description;
      expect(text.startsWith(kept), description).toBe(true);
      // What follows the cut in the text is punctuation (dropped for the ellipsis) or a new sentence.
      const after = text.slice(kept.length, kept.length + 1);
      if (description.endsWith(ELLIPSIS)) expect(after, description).toMatch(/[\uFF0C\u3001\uFF1B\uFF1A]/u);
      else expect(kept.slice(-2), description).toMatch(/[\u3002\uFF01\uFF1F][\u201D\u300D\uFF09]?$/u);
    }
  });
});
