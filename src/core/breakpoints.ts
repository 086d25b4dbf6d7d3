/**
 * Where the table of contents stays beside the essay and marks the section being read:
 * screens this wide (the stylesheet's own breakpoint, src/reader/reader.css).
 */
export const WIDE_CONTENTS_QUERY = '(min-width: 76rem)';
