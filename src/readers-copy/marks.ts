/**
 * The reader's 划线 as kept: their stored format (versioned, src/core/client/storage.ts), adding
 * one (merged with those it overlaps or touches), and the exports: a JSON file to move them to
 * another device by hand, and Markdown to keep them. Pure: the tests run it in Node.
 */
import { describe, mergeSpans, type Anchor } from './anchoring';
import type { EditionId } from '../core/editions';
import { HIGHLIGHTS_KEY, HIGHLIGHTS_VERSION } from './keys';

export interface Mark extends Anchor {
  id: string;
  /** The block's id (the same on the section's page and the full essay, in both editions). */
  block: string;
  /** The edition it was made in: its quote is in that script. */
  edition: EditionId;
  /** The reader's 想法. */
  note?: string;
  /** Shared by the 划线 one selection across paragraphs made. */
  group?: string;
  created: number;
  updated: number;
}

export interface Saved {
  marks: Mark[];
  /** Entries that could not be read: never shown, never dropped, exported as they are. */
  unreadable: unknown[];
}

/** What an exported file says it is. */
export const EXPORT_FORMAT = 'essay-highlights-export';

const isString = (value: unknown): value is string => typeof value === 'string';
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Whether a stored entry is a 划线 this code can show. */
export function isMark(value: unknown): value is Mark {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<Mark>;
  const q = m.quote;
  const p = m.position;
  return (
    isString(m.id) && isString(m.block) && (m.edition === 'hans' || m.edition === 'hant') &&
    !!q && isString(q.exact) && q.exact.length > 0 && isString(q.prefix) && isString(q.suffix) &&
    !!p && isOffset(p.start) && isOffset(p.end) && p.end > p.start && isOffset(m.length) &&
    (m.note === undefined || isString(m.note)) && (m.group === undefined || isString(m.group)) &&
    Number.isFinite(m.created) && Number.isFinite(m.updated)
  );
}

/** Splits stored entries into those to show and those kept unread. */
export function sortEntries(entries: unknown): Saved {
  const list = Array.isArray(entries) ? entries : [];
  return { marks: list.filter(isMark), unreadable: list.filter((entry) => !isMark(entry)) };
}

/**
 * Version 0 is a bare array of `{ block, text, start, end, note? }` (what a store written before
 * the envelope would hold): each becomes a 划线 of the Simplified edition whose context is not known.
 */
function migrate(data: unknown, from: number): unknown[] {
  if (from !== 0 || !Array.isArray(data)) throw new Error(`no migration from version ${from}`);
  return data.map((entry: unknown) => {
    const old = entry as { block?: unknown; text?: unknown; start?: unknown; end?: unknown; note?: unknown };
    if (!isString(old.block) || !isString(old.text) || !isOffset(old.start) || !isOffset(old.end)) return entry;
    const now = Date.now();
    const mark: Mark = {
      id: `m0-${old.block}-${old.start}`,
      block: old.block,
      edition: 'hans',
      quote: { type: 'TextQuoteSelector', exact: old.text, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: old.start, end: old.end },
      length: 0,
      ...(isString(old.note) && old.note ? { note: old.note } : {}),
      created: now,
      updated: now,
    };
    return mark;
  });
}

/** The stored format (core/client/storage.ts): `{ v: 1, data: [entries] }`. */
export const HIGHLIGHTS_FORMAT = { key: HIGHLIGHTS_KEY, version: HIGHLIGHTS_VERSION, migrate };

export function newId(): string {
  return `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `marks` with a new 划线 over `start`–`end` of a block whose text is `text`: merged with the
 * block's 划线 it overlaps or touches (their notes kept, one after the other).
 */
export function addMark(marks: readonly Mark[], text: string, block: string, edition: EditionId, start: number, end: number, at: { id: string; now: number; group?: string | undefined }, positions: ReadonlyMap<string, { start: number; end: number }>): Mark[] {
  const here = marks.filter((mark) => mark.block === block && positions.has(mark.id));
  const spans = [...here.map((mark) => ({ ...positions.get(mark.id)!, mark })), { start, end, mark: undefined }];
  const merged = mergeSpans(spans).find((span) => span.parts.some((part) => !part.mark))!;
  const joined = merged.parts.flatMap((part) => (part.mark ? [part.mark] : []));
  const notes = joined.map((mark) => mark.note).filter((note): note is string => !!note);
  const first = joined.sort((a, b) => a.created - b.created)[0];
  const group = first?.group ?? at.group;
  const mark: Mark = {
    id: first?.id ?? at.id,
    block,
    edition,
    ...describe(text, merged.start, merged.end),
    ...(notes.length ? { note: notes.join('\n') } : {}),
    ...(group ? { group } : {}),
    created: first?.created ?? at.now,
    updated: at.now,
  };
  const gone = new Set(joined.map((m) => m.id));
  return [...marks.filter((m) => !gone.has(m.id)), mark];
}

export interface EssayIdentity {
  /** The address of the essay's Simplified home (its x-default), the same from either edition. */
  id: string;
  title: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  v: number;
  essay: EssayIdentity;
  exported: string;
  marks: unknown[];
}

export function exportJson(essay: EssayIdentity, saved: Saved, now = new Date()): string {
  const file: ExportFile = { format: EXPORT_FORMAT, v: HIGHLIGHTS_VERSION, essay, exported: now.toISOString(), marks: [...saved.marks, ...saved.unreadable] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; marks: Mark[]; added: number; unreadable: number }
  | { ok: false; reason: 'not-an-export' | 'other-essay' | 'newer-version' };

/** What an import leaves: the current 划线 with the file's new ones; `current` is never changed. */
export function importJson(text: string, essay: EssayIdentity, current: readonly Mark[]): ImportResult {
  let file: Partial<ExportFile>;
  try {
    file = JSON.parse(text) as Partial<ExportFile>;
  } catch {
    return { ok: false, reason: 'not-an-export' };
  }
  if (!file || typeof file !== 'object' || file.format !== EXPORT_FORMAT || !Array.isArray(file.marks) || !file.essay || typeof file.essay !== 'object') {
    return { ok: false, reason: 'not-an-export' };
  }
  if (file.essay.id !== essay.id) return { ok: false, reason: 'other-essay' };
  if (typeof file.v !== 'number' || file.v > HIGHLIGHTS_VERSION) return { ok: false, reason: 'newer-version' };
  const entries = file.v === HIGHLIGHTS_VERSION ? file.marks : migrate(file.marks, file.v);
  const { marks, unreadable } = sortEntries(entries);
  const known = new Set(current.map((mark) => mark.id));
  const same = (a: Mark, b: Mark) => a.block === b.block && a.position.start === b.position.start && a.position.end === b.position.end && a.quote.exact === b.quote.exact;
  const fresh = marks.filter((mark) => !known.has(mark.id) && !current.some((other) => same(other, mark)));
  return { ok: true, marks: [...current, ...fresh], added: fresh.length, unreadable: unreadable.length };
}

export interface MarkdownEntry {
  quote: string;
  note?: string;
  section: string;
  link: string;
  found: boolean;
}

/** The Markdown export: a heading, then each 划线 as a quote, its note, its section and its link. */
export function markdown(title: string, entries: readonly MarkdownEntry[], labels: { note: string; section: string; open: string; notFound: string }): string {
  const lines = [`# ${title}`, ''];
  for (const entry of entries) {
    lines.push(...entry.quote.split('\n').map((line) => `> ${line}`), '');
    if (entry.note) lines.push(`${labels.note}${entry.note.replace(/\n/g, '  \n')}`, '');
    lines.push(`${labels.section}${entry.section}${entry.found ? '' : `\uFF08${labels.notFound}\uFF09`}`, '', `[${labels.open}](${entry.link})`, '', '---', '');
  }
  return lines.join('\n');
}
