/**
 * The names of a search bundle's records and index chunks, as the build renames them
 * (src/search/build/short-names.ts) and the search reads them (src/search/client/engine.ts).
 *
 * Pagefind names each record (its fragment file) and each index chunk by a hash of its own, seven
 * hex digits after the language. Random to gzip, those names were most of the metadata that every
 * first search loads, and what grew with the text (14 bytes a record, docs/search-scale.md). The
 * build renames them: the bundle's tag, then the record's place in the text (a chunk's, in the
 * metadata's list of chunks), in base 36. The tag comes from a hash of Pagefind's metadata, so
 * that, as with Pagefind's own names, every name changes when the index does: the offline cache
 * (src/offline/build/service-worker.ts) and HTTP caches keep these files by their names. And a
 * record's name tells its place, so the search puts results in the text's order itself, without a
 * Pagefind sort (whose list of every record the metadata would carry too).
 */

/** Characters of the bundle's tag: 36⁴, 1.7 million tags, for builds that must not share names. */
export const BUNDLE_TAG_CHARS = 4;

export function recordName(tag: string, place: number): string {
  if (tag.length !== BUNDLE_TAG_CHARS || !/^[0-9a-z]+$/.test(tag)) throw new Error(`search index: "${tag}" is not a bundle tag`);
  return tag + place.toString(36);
}

/** A record's place in the text, from its name; NaN for a name the build did not give. */
export function placeOfRecord(name: string): number {
  const named = new RegExp(`^[0-9a-z]{${BUNDLE_TAG_CHARS}}([0-9a-z]+)$`).exec(name);
  return named ? Number.parseInt(named[1]!, 36) : Number.NaN;
}

/** Results in the text's order: by the places their names tell. */
export function inTextOrder<T extends { id: string }>(results: readonly T[]): T[] {
  return results.toSorted((a, b) => placeOfRecord(a.id) - placeOfRecord(b.id));
}
