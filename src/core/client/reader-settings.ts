/**
 * The reader's settings as one record in localStorage, shared by the features that remember a
 * choice "with the other reader settings": the reading settings (src/reader/: theme, text size,
 * layout) and listening (src/listening/: speed and voice). Each feature reads its own fields and
 * writes only those, keeping the others' as they are, so neither drops what the other keeps.
 */
export const READER_SETTINGS_KEY = 'essay-reader-settings';

/** The stored record, or {} when there is none, it is not an object, or storage cannot be read. */
export function readReaderSettings(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(READER_SETTINGS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Writes `fields` into the record, the other fields kept; false when storage is unavailable or full. */
export function updateReaderSettings(fields: Record<string, unknown>): boolean {
  try {
    localStorage.setItem(READER_SETTINGS_KEY, JSON.stringify({ ...readReaderSettings(), ...fields }));
    return true;
  } catch {
    return false; // not remembered, but applied for this page
  }
}
