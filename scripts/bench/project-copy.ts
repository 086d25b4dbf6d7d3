/**
 * A copy of the project with another essay in its content/: what a user who replaces
 * content/ builds. The config, sources and public files are copied, node_modules is a
 * folder of links to each installed package (one link to the whole folder would make
 * copies share Vite's cache in node_modules/.vite), and content/ is written anew.
 * Used by the bench's scale run and by tests/e2e/other-essay.spec.ts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const COPIED = ['package.json', 'tsconfig.json', 'astro.config.ts', 'src', 'public', 'scripts'];

/** `files`: paths inside content/ and their text. Returns the copy's folder. */
export function copyProjectWithContent(projectRoot: string, files: Record<string, string>, prefix = 'essay-copy-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of COPIED) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  const modules = join(projectRoot, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (entry === '.vite' || entry === '.astro' || entry.startsWith('.astro-')) continue;
    symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
  }
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, 'content', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
