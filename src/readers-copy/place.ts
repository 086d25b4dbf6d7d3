/**
 * The last place read (继续阅读): the block at the top of the screen and how far into it, the
 * page and edition it was read on, the sections read to their end, and whether the essay was
 * read to its end. One place for both editions and both kinds of page: block ids are the same
 * on a section's page and the full essay, in 简体 and 繁體.
 */
import type { EditionId } from '../core/editions';
import { PLACE_KEY } from './keys';

export interface Place {
  block: string;
  /** How far the top of the screen was into the block, 0–1 of its height. */
  within: number;
  edition: EditionId;
  /** The page's path when it was read. */
  path: string;
  /** The section (its slug) the block is in, '' for the opening or the author's note. */
  section: string;
  at: number;
  /** Sections whose last paragraph the reader reached. */
  read: string[];
  finished: boolean;
}

export const PLACE_FORMAT = { key: PLACE_KEY, version: 1 };

export function isPlace(value: unknown): value is Place {
  if (!value || typeof value !== 'object') return false;
  const p = value as Partial<Place>;
  return (
    typeof p.block === 'string' && p.block !== '' && typeof p.within === 'number' && p.within >= 0 && p.within <= 1 &&
    (p.edition === 'hans' || p.edition === 'hant') && typeof p.path === 'string' && typeof p.section === 'string' &&
    Number.isFinite(p.at) && Array.isArray(p.read) && p.read.every((slug) => typeof slug === 'string') && typeof p.finished === 'boolean'
  );
}
