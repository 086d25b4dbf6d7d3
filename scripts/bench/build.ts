/**
 * The build: wall time and peak memory of `npm run build`, as a developer or CI runs it,
 * and the size of what it writes. Each run builds into a folder of its own outside the
 * repository, with its own Astro cache, so that builds others run in this checkout at the
 * same time (the tests build into dist-test/) neither disturb nor are disturbed by it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildRun {
  seconds: number;
  /** Sum over npm, Astro's node and Pagefind's binary: what the machine must hold at once. */
  treeRssBytes?: number;
  /** The largest single process, exact where GNU time is installed. */
  largestRssBytes?: number;
}

export interface BuildResult {
  runs: BuildRun[];
  largestFrom: 'GNU time' | 'sampled VmHWM';
  distBytes: number;
  /** Search bundles (`pagefind/` folders), their size and records, all editions together. */
  indexes: number;
  indexBytes: number;
  indexRecords: number;
}

const GNU_TIME = '/usr/bin/time';
// Sampling more often costs the build CPU on a 2-core machine; a peak shorter than this
// is not what decides how much memory a build machine needs.
const SAMPLE_MS = 100;

/** Builds the project in `root` (the checkout, or a snapshot of a commit). */
export async function measureBuilds(root: string, runs: number, outDir: string, cacheDir: string, log: (line: string) => void) {
  const results: BuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(outDir, { recursive: true, force: true });
    const run = await buildOnce(root, outDir, cacheDir);
    log(`build ${i + 1}/${runs}: ${run.seconds.toFixed(1)} s`);
    results.push(run);
  }
  // Each edition (Simplified at the root, Traditional below it) has a search bundle of its own.
  const indexes = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === 'pagefind')
    .map((entry) => join(entry.parentPath, entry.name));
  const result: BuildResult = {
    runs: results,
    largestFrom: existsSync(GNU_TIME) ? 'GNU time' : 'sampled VmHWM',
    distBytes: folderSize(outDir),
    indexes: indexes.length,
    indexBytes: indexes.reduce((sum, dir) => sum + folderSize(dir), 0),
    indexRecords: indexes.reduce((sum, dir) => sum + readdirSync(join(dir, 'fragment')).length, 0),
  };
  return result;
}

async function buildOnce(root: string, outDir: string, cacheDir: string): Promise<BuildRun> {
  const timeFile = `${outDir}.time`;
  const npm = ['npm', 'run', 'build', '--', '--outDir', outDir];
  // GNU time's %M is the largest process it waited for, not the sum of the tree; it is
  // kept for that exact figure, and the tree is sampled from /proc for the sum.
  const command = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M', '-o', timeFile, ...npm] : npm;
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...process.env, ASTRO_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  let treePeak = 0;
  const highWater = new Map<number, number>();
  const sample = () => {
    if (!child.pid || !existsSync('/proc')) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      const status = procStatus(pid);
      sum += status.rss;
      highWater.set(pid, Math.max(highWater.get(pid) ?? 0, status.hwm));
    }
    treePeak = Math.max(treePeak, sum);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.slice(-3000)}`);

  let largest = Math.max(0, ...highWater.values());
  if (existsSync(timeFile)) {
    largest = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) * 1024;
    rmSync(timeFile);
  }
  return {
    seconds,
    ...(treePeak > 0 && { treeRssBytes: treePeak }),
    ...(largest > 0 && { largestRssBytes: largest }),
  };
}

/** The process and all of its descendants, from each process's parent in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it exited between the listing and the read
    }
    // The command name may hold spaces and parentheses; the fields after its last ')' do not.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function procStatus(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}
