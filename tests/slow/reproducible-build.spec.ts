/**
 * Two clean builds of the same sources give the same site, byte for byte: the site is
 * built again, into a temporary folder with its own Astro cache, and every file (its
 * path and its bytes) is compared with the suite's own build at the root (ROOT_BUILD).
 * HTML, scripts and styles, the search index, share images, sitemap: no exceptions.
 * (In the `slow` project only, so it runs once per suite.)
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ROOT_BUILD, builtPath } from '../support/builds';
import { listFiles } from '../support/built-files';
import { PROJECT_ROOT } from '../support/essay-content';

/** Files allowed to differ between two builds, each with its reason. None so far. */
const MAY_DIFFER: ReadonlyMap<string, string> = new Map();

function fingerprints(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => {
      const bytes = readFileSync(join(dir, file));
      return [file, `${bytes.byteLength} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`];
    }),
  );
}

test('a second clean build, elsewhere and with its own cache, gives the same files byte for byte', async () => {
  // A full build (share images, search index) on a busy 2-core machine, beside the other tests.
  test.setTimeout(360_000);
  const tmp = mkdtempSync(join(tmpdir(), 'essay-rebuild-'));
  try {
    const outDir = join(tmp, 'dist');
    // The same command and environment as the suite's build of ROOT_BUILD (playwright.config.ts).
    await promisify(execFile)('npm', ['run', 'build', '--', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ASTRO_CACHE_DIR: join(tmp, 'cache') },
      maxBuffer: 64 * 1024 * 1024,
    });

    const first = fingerprints(builtPath(ROOT_BUILD));
    const second = fingerprints(outDir);
    // The sources must not change between the two builds: without CI=true, Playwright may reuse a
    // server whose build is older than the sources.
    const hint = `${ROOT_BUILD.outDir} against a fresh build (if the sources changed since ${ROOT_BUILD.outDir} was built, run with CI=true)`;
    expect([...second.keys()], `the files of ${hint}`).toEqual([...first.keys()]);
    expect(first.size).toBeGreaterThan(20);

    const differing = [...first]
      .filter(([file, fingerprint]) => second.get(file) !== fingerprint && !MAY_DIFFER.has(file))
      .map(([file, fingerprint]) => `${file}: ${fingerprint}, then ${second.get(file)}`);
    expect(differing, `the bytes of ${hint}`).toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
