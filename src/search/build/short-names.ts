/**
 * Build time: the records and index chunks of a Pagefind bundle renamed short
 * (src/search/record-names.ts says why), in its metadata and on disk.
 *
 * The metadata (`pagefind.<language hash>.pf_meta`, CBOR in a Pagefind file: pagefind-files.ts)
 * is, in Pagefind 1.6 (`MetaIndex`, pagefind/src/index/index_metadata.rs): the version; the pages,
 * each [hash, word count, fragment group]; the index chunks, each [first word, last word, hash];
 * the filters, each [name, hash]; the sorts. A chunk names pages by their place in the list of
 * pages, which the renaming keeps. A format other than this one stops the build: its names would
 * not be the files'. Written anew, the metadata gets a name of its own content's hash, as
 * Pagefind's did, and the entry file (`pagefind-entry.json`) is told it.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decode, encode } from 'cborg';
import { BUNDLE_TAG_CHARS, recordName } from '../record-names';
import { readFragment } from './fragments';
import { readPagefindFile, writePagefindFile } from './pagefind-files';

interface Entry {
  version: string;
  languages: Record<string, { hash: string; [field: string]: unknown }>;
  [field: string]: unknown;
}
type MetaPage = [hash: string, wordCount: number, group: string];
type MetaChunk = [from: string, to: string, hash: string];
type Meta = [version: string, pages: MetaPage[], chunks: MetaChunk[], ...rest: unknown[]];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A tag of BUNDLE_TAG_CHARS base-36 characters from a hash of the bundle's metadata. */
export function bundleTag(meta: Uint8Array): string {
  return BigInt(`0x${sha256(meta)}`).toString(36).padStart(BUNDLE_TAG_CHARS, '0').slice(0, BUNDLE_TAG_CHARS);
}

function checkedMeta(value: unknown, path: string): Meta {
  const shaped = (row: unknown, types: string) =>
    Array.isArray(row) && row.length === types.length && row.every((field, i) => typeof field === (types[i] === 's' ? 'string' : 'number'));
  const [version, pages, chunks] = Array.isArray(value) ? value : [];
  const known =
    Array.isArray(value) &&
    value.length >= 4 &&
    typeof version === 'string' &&
    Array.isArray(pages) &&
    pages.every((page) => shaped(page, 'sns')) &&
    Array.isArray(chunks) &&
    chunks.every((chunk) => shaped(chunk, 'sss'));
  if (!known) throw new Error(`search index: ${path} is not Pagefind 1.6's metadata (version, pages, chunks, filters, sorts): its names cannot be shortened`);
  const grouped = (pages as MetaPage[]).find(([, , group]) => group !== '');
  if (grouped) throw new Error(`search index: ${path} puts record ${grouped[0]} in a fragment group, which this build does not rename`);
  return value as Meta;
}

/**
 * Renames each record's fragment to its place in the text (`placeOf`: by the record's URL) and each
 * index chunk to its place in the list of chunks, for every language of the bundle. Returns the tags.
 */
export async function shortenNames(bundle: string, placeOf: ReadonlyMap<string, number>): Promise<string[]> {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as Entry;
  const tags: string[] = [];
  for (const [language, index] of Object.entries(entry.languages ?? {})) {
    const metaPath = join(bundle, `pagefind.${index.hash}.pf_meta`);
    const original = await readPagefindFile(metaPath, 'metadata');
    const meta = checkedMeta(decode(original), metaPath);
    const tag = bundleTag(original);
    const [, pages, chunks] = meta;

    const names = new Set<string>();
    for (const page of pages) {
      const from = join(bundle, 'fragment', `${page[0]}.pf_fragment`);
      const { url } = await readFragment(from);
      const place = placeOf.get(url);
      if (place === undefined) throw new Error(`search index: ${from} is the record of ${url}, which the build did not write`);
      const name = recordName(tag, place);
      if (names.has(name)) throw new Error(`search index: two records at place ${place} (${url})`);
      names.add(name);
      await rename(from, join(bundle, 'fragment', `${name}.pf_fragment`));
      page[0] = name;
    }
    for (const [place, chunk] of chunks.entries()) {
      const name = recordName(tag, place);
      await rename(join(bundle, 'index', `${chunk[2]}.pf_index`), join(bundle, 'index', `${name}.pf_index`));
      chunk[2] = name;
    }

    const renamed = encode(meta);
    const hash = `${language}_${sha256(renamed).slice(0, 10)}`;
    await writePagefindFile(join(bundle, `pagefind.${hash}.pf_meta`), renamed);
    if (hash !== index.hash) await rm(metaPath);
    index.hash = hash;
    tags.push(tag);
  }
  await writeFile(entryPath, JSON.stringify(entry));
  return tags;
}
