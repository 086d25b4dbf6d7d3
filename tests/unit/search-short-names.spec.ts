/**
 * src/search/build/short-names.ts and src/search/record-names.ts: a Pagefind bundle's records and
 * index chunks renamed to the bundle's tag and their places, on a bundle Pagefind itself writes
 * (its Node API, a second or so), and what a bundle the renaming does not know gets.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { BUNDLE_TAG_CHARS, inTextOrder, placeOfRecord, recordName } from '../../src/search/record-names';
import { shortenNames } from '../../src/search/build/short-names';
import { readPagefindFile, writePagefindFile } from '../../src/search/build/pagefind-files';
import { readFragment } from '../../src/search/build/fragments';

const RECORDS = ['/a/#p1', '/a/#p2', '/b/#p3', '/b/#p4', '/c/#p5'];

/** A bundle of RECORDS written by Pagefind, each record's content its own words; returns its folder. */
async function writeBundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'short-names-'));
  const { index } = await pagefind.createIndex({});
  for (const [i, url] of RECORDS.entries()) {
    await index!.addCustomRecord({ url, content: `word${i} shared ${'filler '.repeat(i)}`, language: 'zh' });
  }
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  return dir;
}

const entryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
const metaPath = (dir: string) => join(dir, `pagefind.${entryOf(dir).languages.zh.hash}.pf_meta`);
const names = (dir: string, folder: string) => readdirSync(join(dir, folder)).sort();

test.describe('short record names', () => {
  test.afterAll(() => pagefind.close());

  test('each fragment is named by its record’s place, each chunk by its place in the list, and the metadata says so under a new name', async () => {
    const dir = await writeBundle();
    const before = metaPath(dir);
    const placeOf = new Map(RECORDS.map((url, i) => [url, i]));
    const [tag] = await shortenNames(dir, placeOf);
    expect(tag).toMatch(new RegExp(`^[0-9a-z]{${BUNDLE_TAG_CHARS}}$`));

    expect(names(dir, 'fragment')).toEqual(RECORDS.map((_, i) => `${recordName(tag!, i)}.pf_fragment`).sort());
    for (const [i, url] of RECORDS.entries()) {
      expect((await readFragment(join(dir, 'fragment', `${recordName(tag!, i)}.pf_fragment`))).url).toBe(url);
    }
    const meta = decode(await readPagefindFile(metaPath(dir), 'metadata')) as [string, Array<[string, number, string]>, Array<[string, string, string]>];
    expect(metaPath(dir)).not.toBe(before);
    expect(readdirSync(dir).filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
    // Each page keeps its place in the list (the chunks name pages by it), under its record's name.
    for (const [hash] of meta[1]) expect(RECORDS[placeOfRecord(hash)]).toBeDefined();
    expect(meta[2].map(([, , hash]) => `${hash}.pf_index`)).toEqual(names(dir, 'index'));
    rmSync(dir, { recursive: true });
  });

  test('the tag changes with the index, so that caches keep no file of an older build under its name', async () => {
    const dir = await writeBundle();
    const other = await writeBundle();
    // The same records in another order of places: another index, another tag.
    const [tag] = await shortenNames(dir, new Map(RECORDS.map((url, i) => [url, i])));
    const meta = await readPagefindFile(metaPath(other), 'metadata');
    const [version, pages, ...rest] = decode(meta) as [string, Array<[string, number, string]>, ...unknown[]];
    pages[0]![1] += 1; // one record's word count: a changed text
    await writePagefindFile(metaPath(other), encode([version, pages, ...rest]));
    const [otherTag] = await shortenNames(other, new Map(RECORDS.map((url, i) => [url, i])));
    expect(otherTag).not.toBe(tag);
    rmSync(dir, { recursive: true });
    rmSync(other, { recursive: true });
  });

  test('a record the build did not write, metadata of another format and a file that is not Pagefind’s stop the build with what is wrong', async () => {
    const dir = await writeBundle();
    await expect(shortenNames(dir, new Map(RECORDS.slice(1).map((url, i) => [url, i])))).rejects.toThrow(/record of \/a\/#p1, which the build did not write/);

    const foreign = await writeBundle();
    await writePagefindFile(metaPath(foreign), encode(['2.0.0', { pages: [] }]));
    await expect(shortenNames(foreign, new Map())).rejects.toThrow(/is not Pagefind 1\.6's metadata/);

    const grouped = await writeBundle();
    const [version, pages, ...rest] = decode(await readPagefindFile(metaPath(grouped), 'metadata')) as [string, Array<[string, number, string]>, ...unknown[]];
    pages[0]![2] = 'group1';
    await writePagefindFile(metaPath(grouped), encode([version, pages, ...rest]));
    await expect(shortenNames(grouped, new Map())).rejects.toThrow(/fragment group/);

    const corrupt = await writeBundle();
    writeFileSync(metaPath(corrupt), gzipSync('not pagefind'));
    await expect(shortenNames(corrupt, new Map())).rejects.toThrow(/is not a Pagefind metadata/);
    for (const each of [dir, foreign, grouped, corrupt]) rmSync(each, { recursive: true });
  });
});

test.describe('record places', () => {
  test('a name tells its place, and results go in the text’s order by it', () => {
    expect(placeOfRecord(recordName('ab12', 0))).toBe(0);
    expect(placeOfRecord(recordName('ab12', 8319))).toBe(8319);
    expect(placeOfRecord('zh_90bda8f')).toBeNaN(); // a name Pagefind gave, not the build
    expect(() => recordName('abc', 1)).toThrow(/not a bundle tag/);
    const results = [12, 3, 36, 0].map((place) => ({ id: recordName('k3f0', place) }));
    expect(inTextOrder(results).map(({ id }) => placeOfRecord(id))).toEqual([0, 3, 12, 36]);
  });
});
