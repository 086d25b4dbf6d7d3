/** Where the reader's copy is kept in localStorage: small on its own, as the first view's script reads it. */
export const HIGHLIGHTS_KEY = 'essay-highlights';
/** The version of the 划线's stored format and of an exported file (a later one migrates it: ./marks.ts). */
export const HIGHLIGHTS_VERSION = 1;
export const PLACE_KEY = 'essay-place';
