/**
 * Pagefind's files as it writes them (1.x): gzip of a 12-byte signature, `pagefind_dcd`, then the
 * content (JSON for a fragment, CBOR for the metadata and index chunks). The build reads and
 * rewrites some of them (fragments.ts, short-names.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd', 'utf8');

/** The content of a Pagefind file, without its signature; an error naming the file if it has none. */
export async function readPagefindFile(path: string, what: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(await readFile(path));
  } catch (error) {
    throw new Error(`search index: ${path} is not a Pagefind ${what} (${(error as Error).message})`);
  }
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`search index: ${path} is not a Pagefind ${what}`);
  return bytes.subarray(SIGNATURE.length);
}

export async function writePagefindFile(path: string, content: Uint8Array): Promise<void> {
  await writeFile(path, gzipSync(Buffer.concat([SIGNATURE, content]), { level: 9 }));
}
