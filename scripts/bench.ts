/**
 * The site's benchmark: build, first view, layout shift, Lighthouse and search, printed as one Markdown
 * table of medians (min–max) over several runs. Exits non-zero when a budget is missed.
 * The timings move with other work on the machine (the table's heading prints the load):
 * the budgets are for this 2-core machine when it is quiet.
 *
 * It builds into a temporary folder (never dist/), serves the result as a compressing static
 * host would (scripts/serve.ts behind gzip) and measures that, in the Chromium the tests use.
 *
 * Usage: npm run bench [-- --runs 3] [--ref HEAD | --dir dist] [--only build,first-view,layout-shift,lighthouse,offline,search,readers-copy,listening,scale]
 *   --runs  runs of each measure (the default keeps a whole bench to a few minutes on 2 cores)
 *   --ref   build a commit (its `git archive`) instead of the working tree, whose edits in
 *           progress may not build, or not be what is to be measured
 *   --dir   measure an existing build instead of building (the build is then not measured)
 *   --only  measure only these parts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { measureBuilds, type BuildResult } from './bench/build.ts';
import { KINDS, measureFirstView, total, type Fetched, type FirstView } from './bench/first-view.ts';
import { host } from './bench/host.ts';
import { CATEGORIES, measureLighthouse, type LighthouseRun } from './bench/lighthouse.ts';
import { SHIFT_PATH, SHIFT_VIEWPORTS, measureLayoutShift, type LayoutShiftRun } from './bench/layout-shift.ts';
import { COLD_QUERY, WARM_QUERIES, measureSearch, type SearchRun } from './bench/search.ts';
import { kb, mb, median, stat } from './bench/stats.ts';
import { measureScale, type ScaleResult } from './bench/scale.ts';
import { MARKS, measureReadersCopy, type ReadersCopyRun } from './bench/readers-copy.ts';
import { measureListening, type ListeningRun } from './bench/listening.ts';
import { keptTotal, measureOffline, type OfflineRun } from './bench/offline.ts';

/** What a change may not make worse: missing one fails the bench. */
const BUDGETS = {
  /** Gzip bytes of a page's first view, fonts and share images aside. */
  firstViewKB: 15,
  /** Layout shift of `/search/?q=软阶层` as its results arrive, every shift summed (scripts/bench/layout-shift.ts). */
  searchLayoutShift: 0.05,
  /** Each of Lighthouse's four mobile category scores. */
  lighthouseScore: 100,
  /**
   * The first search on a page, nothing loaded before its keystroke, from that keystroke to its
   * results drawn: what the reader waits, the search code's and Pagefind's loading and the typing
   * pause (during which they load) included.
   */
  coldSearchMs: 300,
  /** Showing 200 划线 on `/` (anchoring each, then marking), and a frame while scrolling with them: no jank. */
  readersCopyRenderMs: 50,
  readersCopyFrameMs: 34,
  /** A search after the first, from its start to its results drawn. */
  warmSearchMs: 30,
  /** Everything the first search fetches. */
  firstSearchKB: 150,
  /** The scale run (every size): build wall time, peak memory of the build's processes, found@1 on random phrases. */
  scaleBuildS: 60,
  scalePeakMB: 1536,
  scaleFoundAt1: 0.99,
  /** From the tap on 「听全文」 (a fresh page: the player's code loads with it) to the first utterance queued. */
  listenQueuedMs: 100,
};
/** The listening row's runs: each a fresh page and a tap, about a second. */
const LISTENING_RUNS = 9;
const PAGES = ['/', '/why-deepseek/'];
/** Each edition's home: each has its own service worker, manifest and kept files. */
const OFFLINE_PAGES = ['/', '/zh-hant/'];
const PARTS = ['build', 'first-view', 'layout-shift', 'lighthouse', 'offline', 'search', 'readers-copy', 'listening', 'scale'] as const;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    dir: { type: 'string' },
    ref: { type: 'string' },
    only: { type: 'string', default: PARTS.join(',') },
  },
});
const RUNS = Number(values.runs);
const only = new Set(values.only.split(','));
const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
if (!(RUNS >= 1) || unknown.length || (values.ref && values.dir)) {
  console.error(`Usage: npm run bench -- [--runs N ≥ 1] [--ref HEAD | --dir dist] [--only ${PARTS.join(',')}]`);
  process.exit(2);
}
const log = (line: string) => console.error(`  … ${line}`);
// Other work on the machine moves every timing here; the load before and after says how much.
const loadBefore = loadavg()[0]!;

type Verdict = 'pass' | 'FAIL' | '';
const rows: Array<{ measure: string; result: string; limit: string; verdict: Verdict }> = [];
const notes: string[] = [];
const row = (measure: string, result: string, limit = '', verdict: Verdict = '') => rows.push({ measure, result, limit, verdict });
const budget = (ok: boolean): Verdict => (ok ? 'pass' : 'FAIL');

const temp = values.dir ? undefined : mkdtempSync('/tmp/bench-');
const cache = values.dir ? undefined : mkdtempSync('/tmp/bench-cache-');
const measured = values.dir ?? (values.ref ? `commit ${git('rev-parse', '--short', values.ref)}` : 'the working tree');
const root = temp && values.ref ? snapshot(values.ref, join(temp, 'src')) : process.cwd();
// A snapshot's output stays inside it: Astro's prerender step imports packages from beside its
// output, and only inside the snapshot does Node find them (through its node_modules link).
const dist = values.dir ?? join(values.ref ? root : temp!, 'dist');
try {
  if (!values.dir) {
    const build = await measureBuilds(root, only.has('build') ? RUNS : 1, dist, cache!, log);
    if (only.has('build')) buildRows(build);
  }
  const { origin, close } = await host(dist);
  try {
    if (['first-view', 'layout-shift', 'search', 'readers-copy', 'listening'].some((part) => only.has(part))) {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        if (only.has('first-view')) for (const path of PAGES) firstViewRows(await measureFirstView(browser, origin, path));
        if (only.has('layout-shift')) layoutShiftRows(await measureLayoutShift(browser, origin, RUNS));
        if (only.has('search')) searchRows(await measureSearch(browser, origin, dist, RUNS), 'search: ', { first: `"${COLD_QUERY}"`, later: `${WARM_QUERIES.length} queries a run` });
        if (only.has('readers-copy')) readersCopyRows(await measureReadersCopy(browser, origin, RUNS));
        if (only.has('listening')) listeningRows(await measureListening(browser, origin, dist, Math.max(LISTENING_RUNS, RUNS)));
      } finally {
        await browser.close();
      }
    }
    if (only.has('lighthouse')) for (const path of PAGES) lighthouseRows(path, await measureLighthouse(`${origin}${path}`, RUNS, log));
    if (only.has('offline')) for (const path of OFFLINE_PAGES) offlineRows(await measureOffline(origin, path));
    if (only.has('scale')) {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        for (const result of await measureScale(browser, values.ref ? root : process.cwd(), RUNS, log)) scaleRows(result);
      } finally {
        await browser.close();
      }
    }
  } finally {
    close();
  }
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
  if (cache) rmSync(cache, { recursive: true, force: true });
}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8' }).trim();
}

/** The commit's files, with the checkout's node_modules: what a clean clone of it would build. */
function snapshot(ref: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', ref], { maxBuffer: 1 << 30 }) });
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function readersCopyRows(runs: ReadersCopyRun[]) {
  const at = `reader's copy, ${MARKS} 划线 on \`/\``;
  row(`${at}: drawn`, `${Math.min(...runs.map((r) => r.drawn))} of ${MARKS}`, `${MARKS}`, budget(runs.every((r) => r.drawn === MARKS)));
  const render = runs.map((r) => r.renderMs);
  row(`${at}: shown, anchoring and marking (phone)`, stat(render, 'ms'), `< ${BUDGETS.readersCopyRenderMs} ms`, budget(median(render) < BUDGETS.readersCopyRenderMs));
  const p95 = runs.map((r) => r.frameP95Ms);
  row(`${at}: scrolling the essay, frame interval p95 / longest`, `${stat(p95, 'ms')} / ${stat(runs.map((r) => r.frameMaxMs), 'ms')}`, `p95 ≤ ${BUDGETS.readersCopyFrameMs} ms`, budget(median(p95) <= BUDGETS.readersCopyFrameMs));
}

function buildRows(build: BuildResult) {
  const runs = build.runs;
  row('build: `npm run build`, wall time', stat(runs.map((r) => r.seconds), 's'));
  const tree = runs.flatMap((r) => (r.treeRssBytes ? [mb(r.treeRssBytes)] : []));
  if (tree.length) row('build: peak memory, whole process tree (RSS summed, sampled every 100 ms)', stat(tree, 'MB', 0));
  const largest = runs.flatMap((r) => (r.largestRssBytes ? [mb(r.largestRssBytes)] : []));
  if (largest.length) row(`build: peak memory, largest process (${build.largestFrom})`, stat(largest, 'MB', 0));
  row('build output (`dist/`)', `${kb(build.distBytes).toFixed(1)} KB`);
  const bundles = build.indexes === 1 ? '`pagefind/`' : `${build.indexes} \`pagefind/\` folders, one per edition`;
  row(`search index (${bundles}, ${build.indexRecords} records)`, `${kb(build.indexBytes).toFixed(1)} KB`);
}

function firstViewRows(view: FirstView) {
  const page = `first view \`${view.path}\``;
  const all = total(view.files);
  const counted = view.files.filter((file) => !file.exempt);
  const budgeted = total(counted);
  const byKind = KINDS.map((kind) => [kind, total(view.files, (file) => file.kind === kind)] as const).filter(([, sizes]) => sizes.raw > 0);
  row(`${page}: requests`, String(view.requests));
  row(`${page}: transferred, gzip / Brotli (uncompressed)`, `${kb(all.gzip).toFixed(1)} / ${kb(all.brotli).toFixed(1)} KB (${kb(all.raw).toFixed(1)} KB)`);
  row(`${page}: gzip by type`, byKind.map(([kind, sizes]) => `${kind} ${kb(sizes.gzip).toFixed(1)}`).join(', ') + ' KB');
  const withinBudget = kb(budgeted.gzip) <= BUDGETS.firstViewKB;
  row(`${page}: gzip without fonts and share images`, `${kb(budgeted.gzip).toFixed(1)} KB`, `≤ ${BUDGETS.firstViewKB} KB`, budget(withinBudget));
  row(
    `${page}: text shown without JavaScript`,
    view.readsWithoutJs ? `yes, all ${view.paragraphs} paragraphs, same text` : `no: ${view.withoutJsProblem}`,
    'needed',
    budget(view.readsWithoutJs),
  );
  if (!withinBudget) {
    const files = [...counted].sort((a, b) => b.gzip - a.gzip).map((file: Fetched) => `${file.path} ${kb(file.gzip).toFixed(1)} KB`);
    notes.push(`${page} is ${kb(budgeted.gzip - BUDGETS.firstViewKB * 1024).toFixed(1)} KB over its budget; gzip per file: ${files.join(', ')}.`);
  }
}

function layoutShiftRows(runs: LayoutShiftRun[]) {
  for (const { width } of SHIFT_VIEWPORTS) {
    const at = runs.filter((r) => r.width === width);
    const all = at.map((r) => r.all);
    row(
      `layout shift \`${decodeURIComponent(SHIFT_PATH)}\` at ${width} px, results arriving: every shift summed; Lighthouse's count (no input)`,
      `${stat(all, '', 3)}; ${stat(at.map((r) => r.withoutInput), '', 3)}`,
      `≤ ${BUDGETS.searchLayoutShift}`,
      budget(median(all) <= BUDGETS.searchLayoutShift),
    );
  }
}

function offlineRows(run: OfflineRun) {
  const at = `offline \`${run.path}\``;
  const kept = keptTotal(run);
  // Not part of the first view: the worker registers after the load and fetches in the background.
  row(`${at}: cache after the first visit, fetched by the service worker after the load (gzip, as stored)`, `${run.kept.length} files, ${kb(kept.gzip).toFixed(1)} KB (${kb(kept.raw).toFixed(1)} KB)`);
  row(`${at}: the worker registers after the load event`, run.registeredAfterLoad ? 'yes' : 'no', 'needed', budget(run.registeredAfterLoad));
  const installable = run.installabilityErrors.length === 0;
  row(`${at}: installable (Chromium's installability check)`, installable ? 'yes' : run.installabilityErrors.join('; '), 'needed', budget(installable));
  const valid = run.manifestProblems.length === 0;
  row(`${at}: manifest (fields, 192/512/maskable icons, their files and sizes)`, valid ? 'complete' : run.manifestProblems.join('; '), 'needed', budget(valid));
}

function lighthouseRows(path: string, runs: LighthouseRun[]) {
  for (const category of CATEGORIES) {
    const scores = runs.map((r) => r.scores[category]);
    row(`Lighthouse mobile \`${path}\`: ${category}`, stat(scores, '', 0), `${BUDGETS.lighthouseScore}`, budget(median(scores) >= BUDGETS.lighthouseScore));
  }
  row(
    `Lighthouse mobile \`${path}\`: LCP / CLS / TBT`,
    `${stat(runs.map((r) => r.lcpMs / 1000), 's', 2)} / ${stat(runs.map((r) => r.cls), '', 3)} / ${stat(runs.map((r) => r.tbtMs), 'ms', 0)}`,
  );
  const failed = Map.groupBy(runs.flatMap((r) => r.failed), (failure) => failure.audit);
  if (failed.size) {
    const list = [...failed].map(([audit, failures]) => {
      const values = [...new Set(failures.flatMap((f) => (f.value ? [f.value] : [])))].join(', ');
      const scores = failures.map((f) => f.score);
      return `${audit} ${values ? `${values}, ` : ''}score ${stat(scores, '', 2)} in ${failures.length} of ${runs.length} runs`;
    });
    notes.push(`Lighthouse \`${path}\`, audits below full marks: ${list.join('; ')}.`);
  }
  runs.forEach((r, i) => {
    if (r.scores.performance < BUDGETS.lighthouseScore)
      notes.push(`Lighthouse \`${path}\` run ${i + 1}, performance ${r.scores.performance}: main thread ${r.mainThread}.`);
  });
  const speeds = runs.map((r) => r.benchmarkIndex);
  notes.push(`Lighthouse \`${path}\`: this machine's benchmark index was ${stat(speeds, '', 0)} (below 1000 Lighthouse's CLI warns that the CPU is slower than its 4× slowdown assumes: tasks take longer, and its simulation counts them as blocking time and later paints).`);
}

function scaleRows(result: ScaleResult) {
  const at = `scale ${result.label}, ${result.chars.toLocaleString('en')} characters in ${result.sections} sections`;
  const seconds = result.build.runs.map((r) => r.seconds);
  const peak = result.build.runs.map((r) => r.treeRssBytes ?? 0);
  row(`${at}: build, wall time`, stat(seconds, 's', 1), `< ${BUDGETS.scaleBuildS} s`, budget(median(seconds) < BUDGETS.scaleBuildS));
  row(`${at}: build, peak memory (process tree)`, stat(peak.map(mb), 'MB', 0), `< ${BUDGETS.scalePeakMB} MB`, budget(median(peak.map(mb)) < BUDGETS.scalePeakMB));
  searchRows(result.search, `${at}: `, { first: 'a random phrase', later: '10 random phrases' });
  const share = result.found / result.asked;
  row(`${at}: found@1, ${result.asked} random phrases (a third in Traditional)`, `${(share * 100).toFixed(1)}%`, `≥ ${BUDGETS.scaleFoundAt1 * 100}%`, budget(share >= BUDGETS.scaleFoundAt1));
  const { query, status, bytes, chunks } = result.common;
  row(`${at}: \`${query}\` on /search/: the status / its search files fetched, gzip (index chunks)`, `「${status}」 / ${kb(bytes).toFixed(1)} KB (${chunks})`);
  const off = result.offline;
  row(`${at}: offline cache after the first visit of \`/\` (gzip, as stored)`, `${off.files} files, ${kb(off.gzip).toFixed(1)} KB (${kb(off.raw).toFixed(1)} KB)`);
  row(`${at}: offline, after ${off.online} searches online: those found again / ${off.asked} other random phrases found`, `${off.again}/${off.online} / ${off.others}/${off.asked}`);
}

function listeningRows(runs: ListeningRun[]) {
  const queued = runs.map((r) => r.clickToQueuedMs);
  row(
    `listening: tap on 「听全文」 → first utterance queued, player code loading with the tap (${runs.length} fresh pages)`,
    stat(queued, 'ms', 0),
    `≤ ${BUDGETS.listenQueuedMs} ms`,
    budget(median(queued) <= BUDGETS.listenQueuedMs),
  );
  row('listening: the same from the tap’s pointerdown, where the player starts loading', stat(runs.map((r) => r.pointerdownToQueuedMs), 'ms', 0));
  row('listening: fetched on first use (gzip)', `${stat(runs.map((r) => kb(r.firstUseBytes)), 'KB')} in ${median(runs.map((r) => r.firstUseFiles))} files`);
}

/** The search's rows, for this site and for each size of the scale run; `what` names the queries. */
function searchRows(runs: SearchRun[], prefix: string, what: { first: string; later: string }) {
  const cold = runs.map((r) => r.coldFromKeystrokeMs);
  const warm = runs.map((r) => r.warmMs);
  const bytes = runs.map((r) => kb(r.firstSearchBytes));
  row(
    `${prefix}first search, ${what.first} on a fresh page, keystroke → results drawn (the search code and Pagefind loading, the typing pause)`,
    stat(cold, 'ms', 0),
    `≤ ${BUDGETS.coldSearchMs} ms`,
    budget(median(cold) <= BUDGETS.coldSearchMs),
  );
  row(`${prefix}the same, from the search's start (after the typing pause)`, stat(runs.map((r) => r.coldMs), 'ms', 0), '', '');
  row(`${prefix}later search, start → results drawn (${what.later})`, stat(warm, 'ms'), `≤ ${BUDGETS.warmSearchMs} ms`, budget(median(warm) <= BUDGETS.warmSearchMs));
  row(
    `${prefix}bytes fetched by the first search (gzip)`,
    `${stat(bytes, 'KB')} in ${median(runs.map((r) => r.firstSearchFiles))} files`,
    `≤ ${BUDGETS.firstSearchKB} KB`,
    budget(median(bytes) <= BUDGETS.firstSearchKB),
  );
}

// Debian's chromium wrapper complains on stderr about its own shell test; only the version matters.
const version = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const load = `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`\nBenchmark of ${measured}, ${RUNS} run${RUNS > 1 ? 's' : ''} each, ${new Date().toISOString().slice(0, 10)}, ${version}, ${load}\n`);
const header: Record<keyof (typeof rows)[number], string> = { measure: 'measure', result: 'median (min–max)', limit: 'budget', verdict: 'status' };
const width = (key: keyof typeof header) => Math.max(...[header, ...rows].map((r) => r[key].length));
const line = (r: typeof header) => `| ${(['measure', 'result', 'limit', 'verdict'] as const).map((key) => r[key].padEnd(width(key))).join(' | ')} |`;
console.log(line(header));
console.log(`| ${(['measure', 'result', 'limit', 'verdict'] as const).map((key) => '-'.repeat(Math.max(3, width(key)))).join(' | ')} |`);
for (const r of rows) console.log(line(r));
if (notes.length) console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
const missed = rows.filter((r) => r.verdict === 'FAIL');
console.log(missed.length ? `\n${missed.length} budget${missed.length > 1 ? 's' : ''} missed: ${missed.map((r) => r.measure).join('; ')}` : '\nAll budgets met.');
process.exitCode = missed.length ? 1 : 0;
