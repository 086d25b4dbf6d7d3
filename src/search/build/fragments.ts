/**
 * Build time: Pagefind's fragment files, read and lightened.
 *
 * A fragment is what a search fetches for each record it shows: the record as JSON
 * (pagefind-files.ts). Pagefind keeps in it the record's whole `content`, for the excerpts its own
 * UI cuts from it; here that content is the record's tokens (tokens.ts), about six times the
 * weight of the text, and the site makes its excerpts from the text in the record's data
 * (src/search/client/engine.ts). So the build empties it: only the fragment's file changes, which
 * Pagefind reads without checking its bytes (figures in docs/search-scale.md).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readPagefindFile, writePagefindFile } from './pagefind-files';

export interface Fragment {
  url: string;
  content: string;
  [field: string]: unknown;
}

export async function readFragment(path: string): Promise<Fragment> {
  const fragment: unknown = JSON.parse((await readPagefindFile(path, 'fragment')).toString('utf8'));
  if (typeof fragment !== 'object' || fragment === null || typeof (fragment as Fragment).url !== 'string') {
    throw new Error(`search index: ${path} has no record URL: a fragment group, or a format this build does not know`);
  }
  return fragment as Fragment;
}

/** Empties the `content` of each fragment in the folder. */
export async function emptyFragmentContent(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  for (const name of names) {
    const path = join(dir, name);
    const fragment = await readFragment(path);
    if (typeof fragment.content !== 'string') throw new Error(`search index: ${path} holds no content: a fragment group, or a format this build does not know`);
    await writePagefindFile(path, Buffer.from(JSON.stringify({ ...fragment, content: '' }), 'utf8'));
  }
}
