/**
 * The scripts (`npm run bench`, `measure:typography`, `eval:search`, `serve`) run their TypeScript
 * with Node's own type stripping, which rejects syntax that needs transforming (parameter
 * properties, enums, namespaces). Playwright transforms that syntax, so the tests would pass while
 * a script fails to start: every file a script may import is checked here as Node strips it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../support/essay-content';

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

test('every TypeScript file under scripts/, src/ and tests/support/ runs with Node\u2019s type stripping', () => {
  const files = ['scripts', 'src', 'tests/support'].flatMap((dir) => tsFiles(join(PROJECT_ROOT, dir)));
  expect(files.length).toBeGreaterThan(50);
  const rejected = files.flatMap((file) => {
    try {
      stripTypeScriptTypes(readFileSync(file, 'utf8'));
      return [];
    } catch (error) {
      return [`${relative(PROJECT_ROOT, file)}: ${(error as Error).message.split('\n')[0]}`];
    }
  });
  expect(rejected).toEqual([]);
});
