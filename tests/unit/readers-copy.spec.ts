/**
 * The reader's own copy, its pure parts (src/readers-copy/): anchoring a 划线 again (found, moved
 * within its block, in the other edition, not found), merging, the stored format's migration and
 * its corrupt entries, and the exports: JSON round trip, Markdown, a foreign or corrupt file.
 */
import { expect, test } from '@playwright/test';
import { anchor, describe, mergeSpans } from '../../src/readers-copy/anchoring';
import { addMark, exportJson, importJson, markdown, sortEntries, HIGHLIGHTS_FORMAT, type Mark } from '../../src/readers-copy/marks';
import { isPlace } from '../../src/readers-copy/place';
import { envelope, openEnvelope } from '../../src/core/client/storage';
import { toTraditional } from '../../src/core/traditional-script';
import { allEssayTexts, readEssayContent } from '../support/essay-content';

const TEXT = '这种性价比，不仅对于用户来说意味着更好的体验，更是对于业界带来了全新冲击。';
const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

function mark(text: string, words: string, extra: Partial<Mark> = {}): Mark {
  const { start, end } = at(text, words);
  return { id: `id-${words}`, block: 'why-deepseek-3', edition: 'hans', ...describe(text, start, end), created: 1, updated: 1, ...extra };
}

test.describe('anchoring a 划线', () => {
  test('found where it was', () => {
    expect(anchor(TEXT, mark(TEXT, '更好的体验'))).toEqual({ status: 'found', ...at(TEXT, '更好的体验') });
  });

  test('moved within its block: words added before it', () => {
    const changed = `据说，${TEXT}`;
    expect(anchor(changed, mark(TEXT, '更好的体验'))).toEqual({ status: 'moved', ...at(changed, '更好的体验') });
  });

  test('of two occurrences, the one whose context matches', () => {
    const text = '对于用户来说，对于业界来说。';
    const second = { start: text.lastIndexOf('对于'), end: text.lastIndexOf('对于') + 2 };
    const kept = { id: 'x', block: 'b', edition: 'hans' as const, ...describe(text, second.start, second.end), created: 1, updated: 1 };
    expect(anchor(`从前，${text}`, kept)).toEqual({ status: 'moved', start: second.start + 3, end: second.end + 3 });
  });

  test('not found when the words are gone; never a guess', () => {
    expect(anchor(TEXT.replace('体验', '感受'), mark(TEXT, '更好的体验'))).toEqual({ status: 'not-found' });
    expect(anchor('', mark(TEXT, '更好的体验'))).toEqual({ status: 'not-found' });
    // Other Han characters of the same length are a conversion only between the editions.
    expect(anchor(TEXT.replace('体验', '感受'), mark(TEXT, '更好的体验'), true)).toMatchObject({ status: 'found' });
  });

  test('in the other edition: every paragraph of the essay, a 划线 made in 简体 found on the same words in 繁體', () => {
    let converted = 0;
    for (const text of allEssayTexts(readEssayContent())) {
      const traditional = toTraditional(text);
      const start = Math.floor(text.length / 3);
      const end = Math.min(text.length, start + 12);
      const found = anchor(traditional, { ...describe(text, start, end) }, true);
      expect(found, text.slice(start, end)).toEqual({ status: 'found', start, end });
      if (traditional.slice(start, end) !== text.slice(start, end)) converted++;
    }
    expect(converted).toBeGreaterThan(10); // the test would pass on unconverted text alone otherwise
  });

  test('in the other edition, not found when the Latin or punctuation there differs', () => {
    const traditional = toTraditional(TEXT).replace('，', '、');
    expect(anchor(traditional, mark(TEXT, '，不仅对于'), true)).toEqual({ status: 'not-found' });
  });
});

test.describe('merging', () => {
  test('overlapping and touching spans merge; apart ones stay', () => {
    const merged = mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 8, end: 12 }, { start: 20, end: 22 }]);
    expect(merged.map(({ start, end }) => [start, end])).toEqual([[0, 4], [5, 12], [20, 22]]);
  });

  test('a new 划线 over two kept ones becomes one, with both notes and the first one’s id', () => {
    const a = mark(TEXT, '意味着', { note: '一', created: 1 });
    const b = mark(TEXT, '的体验', { note: '二', created: 2 });
    const positions = new Map([[a.id, at(TEXT, '意味着')], [b.id, at(TEXT, '的体验')]]);
    const span = at(TEXT, '着更好的');
    const marks = addMark([a, b], TEXT, 'why-deepseek-3', 'hans', span.start, span.end, { id: 'new', now: 5 }, positions);
    expect(marks).toHaveLength(1);
    expect(marks[0]!).toMatchObject({ id: a.id, note: '一\n二', created: 1, updated: 5, quote: { exact: '意味着更好的体验' } });
  });

  test('in another block, nothing merges', () => {
    const a = mark(TEXT, '意味着');
    const marks = addMark([a], TEXT, 'why-deepseek-4', 'hans', 0, 3, { id: 'new', now: 5 }, new Map([[a.id, at(TEXT, '意味着')]]));
    expect(marks.map((m) => m.id)).toEqual([a.id, 'new']);
  });
});

test.describe('the stored format', () => {
  test('the current version reads back as written', () => {
    const entries = [mark(TEXT, '更好的体验')];
    expect(openEnvelope(HIGHLIGHTS_FORMAT, envelope(HIGHLIGHTS_FORMAT, entries))).toEqual({ kind: 'ok', data: entries, migrated: false });
  });

  test('version 0 (a bare array) migrates: its words, block, offsets and note kept', () => {
    const read = openEnvelope(HIGHLIGHTS_FORMAT, JSON.stringify([{ block: 'why-deepseek-3', text: '更好的体验', ...at(TEXT, '更好的体验'), note: '想' }]));
    expect(read.kind).toBe('ok');
    const { marks, unreadable } = sortEntries(read.kind === 'ok' ? read.data : []);
    expect(unreadable).toEqual([]);
    expect(marks[0]).toMatchObject({ block: 'why-deepseek-3', edition: 'hans', quote: { exact: '更好的体验' }, position: at(TEXT, '更好的体验'), note: '想' });
    expect(anchor(TEXT, marks[0]!)).toEqual({ status: 'found', ...at(TEXT, '更好的体验') });
  });

  test('a newer version, or text that is not JSON, is unreadable and kept raw, never emptied', () => {
    expect(openEnvelope(HIGHLIGHTS_FORMAT, '{"v": 9, "data": []}')).toEqual({ kind: 'unreadable', raw: '{"v": 9, "data": []}' });
    expect(openEnvelope(HIGHLIGHTS_FORMAT, '{"v": 1, "da')).toEqual({ kind: 'unreadable', raw: '{"v": 1, "da' });
  });

  test('a corrupt entry is skipped for the page and kept apart, to be exported', () => {
    const good = mark(TEXT, '更好的体验');
    const { marks, unreadable } = sortEntries([good, { block: 'x' }, null, { ...good, position: { start: 5, end: 2 } }]);
    expect(marks).toEqual([good]);
    expect(unreadable).toHaveLength(3);
  });

  test('a place is checked before use', () => {
    const place = { block: 'facing-ai-3', within: 0.2, edition: 'hant', path: '/', section: 'facing-ai', at: 1, read: ['why-deepseek'], finished: false };
    expect(isPlace(place)).toBe(true);
    expect(isPlace({ ...place, within: 2 })).toBe(false);
    expect(isPlace({ ...place, read: 'x' })).toBe(false);
  });
});

test.describe('export and import', () => {
  const essay = { id: 'https://example.org/', title: '如何看待DeepSeek热潮' };
  const kept = [mark(TEXT, '更好的体验', { note: '想法' })];

  test('JSON round trip: every 划线, its note, and the unreadable entries too', () => {
    const file = exportJson(essay, { marks: kept, unreadable: ['{"broken'] });
    const result = importJson(file, essay, []);
    expect(result).toEqual({ ok: true, marks: kept, added: 1, unreadable: 1 });
    // Imported again: nothing twice.
    expect(importJson(file, essay, kept)).toEqual({ ok: true, marks: kept, added: 0, unreadable: 1 });
  });

  test('a file of another essay, of something else, or corrupt, is refused and changes nothing', () => {
    const current = [mark(TEXT, '这种性价比')];
    const file = exportJson(essay, { marks: kept, unreadable: [] });
    expect(importJson(file, { ...essay, id: 'https://example.org/other/' }, current)).toEqual({ ok: false, reason: 'other-essay' });
    expect(importJson('{"marks": []}', essay, current)).toEqual({ ok: false, reason: 'not-an-export' });
    expect(importJson(file.slice(0, 40), essay, current)).toEqual({ ok: false, reason: 'not-an-export' });
    expect(importJson(file.replace('"v": 1', '"v": 7'), essay, current)).toEqual({ ok: false, reason: 'newer-version' });
    expect(current).toHaveLength(1);
  });

  test('Markdown: the quote, its note, its section and a link that opens on the words', () => {
    const text = markdown('我的划线：题', [{ quote: '更好的体验', note: '一\n二', section: 'DeepSeek为何那么惊艳', link: 'https://example.org/why-deepseek/#why-deepseek-3:~:text=x', found: true }, { quote: '旧词', section: '开篇', link: 'https://example.org/#lede-1', found: false }], {
      note: '想法：',
      section: '出处：',
      open: '打开原文',
      notFound: '页面上找不到这段文字',
    });
    expect(text).toContain('# 我的划线：题\n');
    expect(text).toContain('> 更好的体验\n');
    expect(text).toContain('想法：一  \n二');
    expect(text).toContain('出处：DeepSeek为何那么惊艳\n');
    expect(text).toContain('[打开原文](https://example.org/why-deepseek/#why-deepseek-3:~:text=x)');
    expect(text).toContain('出处：开篇（页面上找不到这段文字）');
  });
});
