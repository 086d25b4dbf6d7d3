/** Where the reader's copy is kept in localStorage: small on its own, as the first view's script reads it. */
export const HIGHLIGHTS_KEY = 'essay-highlights';
/** The version of the 划线's stored format and of an exported file (a later one migrates it: ./marks.ts). */
export const HIGHLIGHTS_VERSION = 1;
export const PLACE_KEY = 'essay-place';
/** The User Timing measure of showing the kept 划线 on a page (read by the bench). */
export const RENDER_MEASURE = 'readers-copy: show 划线';
