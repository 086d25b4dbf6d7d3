/**
 * `npm run build`: `astro build --force` (with this script's arguments, `--outDir dist-test` say),
 * then, once Astro's process has ended, the search index and the service workers in this one
 * (src/site/build/after-pages.ts says why: the two together held 2.6 GB on a book).
 *
 * The build's code is TypeScript that imports without extensions, as Vite resolves it: it is
 * loaded through Vite's module runner, after Astro's build, so that this process stays small
 * while Astro's runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AFTER_PAGES_ENV, readHandOver } from '../src/site/build/hand-over.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** Astro's build, then the rest in this process; the exit code of the first step that failed, or 0. */
async function build(): Promise<number> {
  const handOverDir = mkdtempSync(join(tmpdir(), 'essay-build-'));
  const handOverFile = join(handOverDir, 'hand-over.json');
  try {
    const code = await new Promise<number>((resolve, reject) => {
      spawn(process.execPath, [astro, 'build', '--force', ...process.argv.slice(2)], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, [AFTER_PAGES_ENV]: handOverFile },
      })
        .on('error', reject)
        .on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0) return code; // Astro has said why

    const handOver = await readHandOver(handOverFile);
    const { runnerImport } = await import('vite');
    const { module } = await runnerImport<typeof import('../src/site/build/after-pages.ts')>(join(root, 'src/site/build/after-pages.ts'));
    const time = () => new Date().toTimeString().slice(0, 8);
    await module.afterPages(handOver, {
      info: (message) => console.log(`${time()} [essay-after-pages] ${message}`),
      warn: (message) => console.warn(`${time()} [WARN] [essay-after-pages] ${message}`),
    });
    return 0;
  } finally {
    rmSync(handOverDir, { recursive: true, force: true });
  }
}

process.exitCode = await build();
