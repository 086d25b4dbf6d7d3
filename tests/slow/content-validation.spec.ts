/**
 * A broken content file stops the build with a message that names the file and the field.
 *
 * Each case copies the project's config, sources and content (node_modules linked) to
 * its own temporary folder, breaks one file, and runs `astro sync`, which loads and validates
 * every content collection exactly as `astro build` does, in a few seconds. The cases
 * share no files, so they run in parallel. A control case syncs an unbroken copy, so a
 * failure can only come from the break.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  mkdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../support/essay-content';

const run = promisify(execFile);

// astro sync takes a few seconds alone, longer on a busy machine.
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

/**
 * What `astro sync` reads: the config and what it imports, the sources, the content.
 * Nothing else is copied (no build output or work files that happen to lie around);
 * the control case fails if this list misses something the config needs.
 */
const COPIED = ['package.json', 'tsconfig.json', 'astro.config.ts', 'src', 'content', 'public', 'scripts'];

/**
 * A copy of the project whose node_modules holds links to each installed package. A
 * single link to the whole folder would make the copies share Vite's cache in
 * node_modules/.vite, which `astro sync` rewrites.
 */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'essay-content-'));
  for (const entry of COPIED) {
    if (existsSync(join(PROJECT_ROOT, entry))) {
      cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
    }
  }
  const modules = join(PROJECT_ROOT, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (entry === '.vite' || entry === '.astro') continue;
    symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

/** The environment without settings that would point the copy at shared folders or another site. */
function syncEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  for (const name of ['ASTRO_CACHE_DIR', 'SITE_URL', 'BASE_PATH']) delete env[name];
  return env;
}

/** Runs `astro sync` in `dir`; returns its exit code and everything it printed. */
async function astroSync(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'node_modules/.bin/astro'), 'sync'], {
      cwd: dir,
      env: syncEnvironment(),
      timeout: 90_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      output: `${failed.stdout}${failed.stderr}`,
    };
  }
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

const SECOND = 'content/sections/2-us-china-tech.md';
const FIRST = 'content/sections/1-why-deepseek.md';

interface Case {
  name: string;
  break: (dir: string) => void;
  /** Every one must appear in the output. */
  says: Array<string | RegExp>;
}

const cases: Case[] = [
  {
    name: 'a section without `slug`',
    break: (dir) => edit(dir, SECOND, (text) => text.replace(/^slug: .*\n/m, '')),
    says: [SECOND, /slug: missing; add `slug: …` to the frontmatter/],
  },
  {
    name: '`order` written as a string',
    break: (dir) => edit(dir, SECOND, (text) => text.replace(/^order: 2$/m, 'order: "2"')),
    says: [SECOND, /order: must be the position of the section as a whole number.*not "2" \(a string\)/],
  },
  {
    name: 'two sections with the same `slug`',
    break: (dir) => edit(dir, SECOND, (text) => text.replace(/^slug: .*$/m, 'slug: why-deepseek')),
    says: [SECOND, FIRST, /field "slug" is "why-deepseek", the same as in/],
  },
  {
    name: 'two sections with the same `order`',
    break: (dir) => edit(dir, SECOND, (text) => text.replace(/^order: 2$/m, 'order: 1')),
    says: [SECOND, FIRST, /field "order" is 1, the same as in/],
  },
];

for (const testCase of cases) {
  test(`${testCase.name} stops astro sync with a message naming the file and the field`, async () => {
    const dir = copyProject();
    try {
      testCase.break(dir);
      const { code, output } = await astroSync(dir);
      expect(code, output).not.toBe(0);
      for (const expected of testCase.says) {
        if (typeof expected === 'string') expect(output).toContain(expected);
        else expect(output).toMatch(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('control: an unbroken copy of the project syncs without error', async () => {
  const dir = copyProject();
  try {
    const { code, output } = await astroSync(dir);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/error/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
