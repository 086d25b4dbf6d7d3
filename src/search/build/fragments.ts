/**
 * Build time: Pagefind's fragment files, read and lightened.
 *
 * A fragment is what a search fetches for each record it shows: gzip of a 12-byte signature
 * (`pagefind_dcd`) and the record as JSON. Pagefind keeps in it the record's whole `content`, for
 * the excerpts its own UI cuts from it; here that content is the record's tokens (tokens.ts),
 * about six times the weight of the text, and the site makes its excerpts from the text in the
 * record's data (src/search/client/engine.ts). So the build empties it: only the fragment's file
 * changes, which Pagefind names by the record, not by its bytes, and reads without checking them
 * (figures in docs/search-scale.md).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  content: string;
  [field: string]: unknown;
}

export async function readFragment(path: string): Promise<Fragment> {
  const bytes = gunzipSync(await readFile(path));
  if (bytes.subarray(0, SIGNATURE.length).toString('utf8') !== SIGNATURE) throw new Error(`search index: ${path} is not a Pagefind fragment`);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
}

/** Empties the `content` of each fragment in the folder. */
export async function emptyFragmentContent(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  for (const name of names) {
    const path = join(dir, name);
    const fragment = await readFragment(path);
    if (typeof fragment.content !== 'string') throw new Error(`search index: ${path} holds no content: a fragment group, or a format this build does not know`);
    const emptied = Buffer.concat([Buffer.from(SIGNATURE, 'utf8'), Buffer.from(JSON.stringify({ ...fragment, content: '' }), 'utf8')]);
    await writeFile(path, gzipSync(emptied, { level: 9 }));
  }
}
