/**
 * The reader's browser storage (localStorage), guarded once for every feature that keeps
 * something there: a value is stored in an envelope with its format's version (`{ v, data }`),
 * read through the feature's migrations when an earlier version is found, and written with
 * the outcome told (`'saved'`, `'full'` when the quota is reached, `'unavailable'` when storage
 * is disabled, blocked or missing, as in some private windows and sandboxed WebViews), so a
 * feature can tell the reader once and go on. A change made in another tab of the site arrives
 * through the `storage` event (`onStoredChange`).
 *
 * Nothing here deletes or overwrites a value it cannot read: a newer version than the code knows,
 * or text that is not JSON, is reported as `unreadable` with its raw text, for the feature to keep.
 */

export type WriteResult = 'saved' | 'full' | 'unavailable';

export interface Versioned<T> {
  /** The key in localStorage. */
  key: string;
  /** The current format's version (a positive integer). */
  version: number;
  /** Turns the data of an earlier version (by its number; 0 for a value stored without an envelope) into the current one. */
  migrate?: (data: unknown, from: number) => T;
}

export type ReadResult<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; data: T; migrated: boolean }
  | { kind: 'unreadable'; raw: string }
  | { kind: 'unavailable' };

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a SecurityError: storage disabled for this site
  }
}

/** The raw stored text, or null when none is stored or storage cannot be read. */
export function readRaw(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The envelope's data, migrated to the current version; pure, for the tests and for imported files. */
export function openEnvelope<T>(format: Versioned<T>, raw: string): ReadResult<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', raw };
  }
  const envelope = parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'v' in parsed ? (parsed as { v: unknown; data: unknown }) : null;
  const from = envelope ? envelope.v : 0;
  const data = envelope ? envelope.data : parsed;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || from > format.version) return { kind: 'unreadable', raw };
  if (from === format.version) return { kind: 'ok', data: data as T, migrated: false };
  if (!format.migrate) return { kind: 'unreadable', raw };
  try {
    return { kind: 'ok', data: format.migrate(data, from), migrated: true };
  } catch {
    return { kind: 'unreadable', raw };
  }
}

export function readStored<T>(format: Versioned<T>): ReadResult<T> {
  const store = storage();
  if (!store) return { kind: 'unavailable' };
  let raw: string | null;
  try {
    raw = store.getItem(format.key);
  } catch {
    return { kind: 'unavailable' };
  }
  return raw === null ? { kind: 'empty' } : openEnvelope(format, raw);
}

/** The text stored for `data` in the current version. */
export function envelope<T>(format: Versioned<T>, data: T): string {
  return JSON.stringify({ v: format.version, data });
}

export function writeStored<T>(format: Versioned<T>, data: T): WriteResult {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    store.setItem(format.key, envelope(format, data));
    return 'saved';
  } catch (error) {
    const name = (error as DOMException | undefined)?.name ?? '';
    // QuotaExceededError everywhere now; Firefox named it NS_ERROR_DOM_QUOTA_REACHED.
    return /quota/i.test(name) || (error as DOMException | undefined)?.code === 22 ? 'full' : 'unavailable';
  }
}

export function removeStored(key: string): WriteResult {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    store.removeItem(key);
    return 'saved';
  } catch {
    return 'unavailable';
  }
}

/** Calls `listener` when another tab of the site changes (or clears) `key`. */
export function onStoredChange(key: string, listener: () => void): void {
  addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) listener();
  });
}
