/** Where the reader's copy is kept in localStorage: small on its own, as the first view's script reads it. */
export const HIGHLIGHTS_KEY = 'essay-highlights';
export const PLACE_KEY = 'essay-place';
