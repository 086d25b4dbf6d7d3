/**
 * How Astro's process hands the rest of the build over to scripts/build.ts (after-pages.ts says
 * why): the file named by AFTER_PAGES_ENV says where the pages are. Node's own, without other
 * imports, so that the script reads it before it loads the build's code.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The environment variable naming the hand-over file; without it, Astro's process finishes the build. */
export const AFTER_PAGES_ENV = 'ESSAY_AFTER_PAGES';

export interface HandOver {
  /** The folder Astro wrote the pages to. */
  outDir: string;
  /** The site's base path, with its trailing slash. */
  base: string;
}

export async function writeHandOver(file: string, handOver: HandOver): Promise<void> {
  await writeFile(file, JSON.stringify(handOver));
}

export async function readHandOver(file: string): Promise<HandOver> {
  let handOver: Partial<HandOver>;
  try {
    handOver = JSON.parse(await readFile(file, 'utf8')) as Partial<HandOver>;
  } catch (error) {
    throw new Error(`build: Astro's build ended without saying where it wrote the pages (${(error as Error).message})`);
  }
  if (typeof handOver.outDir !== 'string' || typeof handOver.base !== 'string') throw new Error(`build: ${file} does not say where Astro wrote the pages`);
  return handOver as HandOver;
}
