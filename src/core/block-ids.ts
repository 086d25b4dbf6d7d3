/**
 * Stable, readable anchors for the essay's blocks.
 *
 * A paragraph's id is its part's slug and its position in that part
 * (`why-deepseek-2`, `lede-1`, `note-1`), so a shared link keeps pointing at the
 * same words for as long as the part keeps its paragraphs. Ids are the same on
 * the full essay and on the section's own page.
 */
export function paragraphId(partSlug: string, position: number): string {
  return `${partSlug}-${position}`;
}

/** Splits a part's Markdown body into its paragraphs (blank-line separated), as written. */
export function markdownParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
