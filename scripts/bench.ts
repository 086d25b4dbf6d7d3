/**
 * The site's benchmark: build, first view, layout shift, Lighthouse and search, printed as one Markdown
 * table of medians (min–max) over several runs. Exits non-zero when a budget is missed.
 * The timings move with other work on the machine (the table's heading prints the load):
 * the budgets are for this 2-core machine when it is quiet.
 *
 * It builds into a temporary folder (never dist/), serves the result as a compressing static
 * host would (scripts/serve.ts behind gzip) and measures that, in the Chromium the tests use.
 *
 * Usage: npm run bench [-- --runs 3] [--ref HEAD | --dir dist] [--only build,first-view,layout-shift,lighthouse,offline,search,readers-copy,listening,scale] [--scale 1,48,50,150]
 *   --runs  runs of each measure (the default keeps a whole bench to a few minutes on 2 cores)
 *   --ref   build a commit (its `git archive`) instead of the working tree, whose edits in
 *           progress may not build, or not be what is to be measured
 *   --dir   measure an existing build instead of building (the build is then not measured)
 *   --only  measure only these parts
 *   --scale the scale part's sizes, as multiples of this essay's length (scripts/bench/scale.ts)
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
import { COLD_QUERY, FILE_KINDS, WARM_QUERIES, measureSearch, type FileKind, type FirstSearch, type SearchFile, type SearchRun } from './bench/search.ts';
import { kb, mb, median, stat } from './bench/stats.ts';
import { FIRST_SEARCHES, LATER_SEARCHES, SCALE_SIZES, measureScale, type ScaleResult, type ScaleSize } from './bench/scale.ts';
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
  /**
   * The scale run (scripts/bench/scale.ts): the build's wall time at each size, by its multiple of this
   * essay's length. This essay, 古文观止 (48×) and the 50× book build within a minute; the 150× book, three
   * times as long, within two.
   */
  scaleBuildS: { 1: 60, 48: 60, 50: 60, 150: 120 } satisfies Record<ScaleSize, number>,
  /** At every size: peak memory of the build's process tree, and found@1 on random phrases of the text. */
  scalePeakMB: 1536,
  scaleFoundAt1: 0.99,
  /**
   * What the first search fetches at 150× beyond what it fetches at 50× (medians): a first search must not
   * grow with the text. The first-search budgets above hold at every size too.
   */
  scaleGrowthKB: 10,
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
    scale: { type: 'string', default: Object.keys(SCALE_SIZES).join(',') },
  },
});
const RUNS = Number(values.runs);
const only = new Set(values.only.split(','));
const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
const scaleSizes = values.scale.split(',').map(Number) as ScaleSize[];
const unknownSizes = scaleSizes.filter((size) => !(size in SCALE_SIZES));
if (!(RUNS >= 1) || unknown.length || unknownSizes.length || (values.ref && values.dir)) {
  console.error(`Usage: npm run bench -- [--runs N ≥ 1] [--ref HEAD | --dir dist] [--only ${PARTS.join(',')}] [--scale ${Object.keys(SCALE_SIZES).join(',')}]`);
  process.exit(2);
}
const log = (line: string) => console.error(`  … ${line}`);
// Other work on the machine moves every timing here; the load before and after says how much.
const loadBefore = loadavg()[0]!;

type Verdict = 'pass' | 'FAIL' | '';
const rows: Array<{ measure: string; result: string; limit: string; verdict: Verdict }> = [];
const notes: string[] = [];
/** Tables of their own, printed after the main one (Markdown, with their heading). */
const tables: string[] = [];
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
        const results = await measureScale(browser, values.ref ? root : process.cwd(), RUNS, scaleSizes, log);
        for (const result of results) scaleRows(result);
        scaleGrowthRow(results);
        scaleFileTable(results);
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
  // The text is described once, on its first row; the others name its size alone.
  const text = `scale ${result.label}, ${result.chars.toLocaleString('en')} characters in ${result.sections} sections`;
  const at = `scale ${result.size}×`;
  const seconds = result.build.runs.map((r) => r.seconds);
  const peak = result.build.runs.map((r) => mb(r.treeRssBytes ?? 0));
  const buildS = BUDGETS.scaleBuildS[result.size];
  row(`${text}: build, wall time`, stat(seconds, 's', 1), `≤ ${buildS} s`, budget(median(seconds) <= buildS));
  row(`${at}: build, peak memory (process tree)`, stat(peak, 'MB', 0), `≤ ${BUDGETS.scalePeakMB} MB`, budget(median(peak) <= BUDGETS.scalePeakMB));
  // Beside the tree's sum: whether one process (Astro's node, or Pagefind's binary after it) holds most of it.
  const largest = result.build.runs.flatMap((r) => (r.largestRssBytes ? [mb(r.largestRssBytes)] : []));
  if (largest.length) row(`${at}: build, peak memory of the largest process (${result.build.largestFrom})`, stat(largest, 'MB', 0));
  searchRows(result.search, `${at}: `, { first: `${FIRST_SEARCHES} random phrases, each`, later: `${LATER_SEARCHES} random phrases` });
  const share = result.found / result.asked;
  row(`${at}: found@1, ${result.asked} random phrases (a quarter typed in Traditional)`, `${(share * 100).toFixed(1)}%`, `≥ ${BUDGETS.scaleFoundAt1 * 100}%`, budget(share >= BUDGETS.scaleFoundAt1));
  const { query, status, bytes, chunks } = result.common;
  row(`${at}: \`${query}\` on /search/: the status / its search files fetched, gzip (index chunks)`, `「${status}」 / ${kb(bytes).toFixed(1)} KB (${chunks})`);
  const off = result.offline;
  row(`${at}: offline cache after the first visit of \`/\` (gzip, as stored)`, `${off.files} files, ${kb(off.gzip).toFixed(1)} KB (${kb(off.raw).toFixed(1)} KB)`);
  row(`${at}: offline, after ${off.online} searches online: those found again / ${off.asked} other random phrases found`, `${off.again}/${off.online} / ${off.others}/${off.asked}`);
}

/** Every first search of the runs, each cold query of each run one. */
function firstSearches(runs: SearchRun[]): FirstSearch[] {
  return runs.flatMap((r) => r.first);
}

/** What a first search fetched, of one kind or all. */
function bytesOf(search: FirstSearch, kind?: FileKind): number {
  return search.files.reduce((sum, file) => sum + (!kind || file.kind === kind ? file.bytes : 0), 0);
}

/** The first search on the 150× book against the 50× one, which it holds: what the added text costs it. */
function scaleGrowthRow(results: ScaleResult[]) {
  const [shorter, longer] = ([50, 150] as const).map((size) => results.find((result) => result.size === size));
  if (!shorter || !longer) return;
  const [from, to] = [shorter, longer].map((result) => median(firstSearches(result.search).map((search) => kb(bytesOf(search)))));
  const growth = to! - from!;
  row(
    `scale 50× → 150×: growth of the first search's bytes (medians over each size's phrases and runs)`,
    `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} KB (${from!.toFixed(1)} → ${to!.toFixed(1)} KB)`,
    `≤ ${BUDGETS.scaleGrowthKB} KB`,
    budget(growth <= BUDGETS.scaleGrowthKB),
  );
}

/** The first search's files at each size, a row per kind (fileCell), in KB as a compressing host sends them. */
function scaleFileTable(results: ScaleResult[]) {
  const kinds: Array<{ kind: FileKind; what: string }> = [...FILE_KINDS, { kind: 'other', what: 'other (the favicon)' }];
  const columns = results.map((result) => firstSearches(result.search));
  const body = kinds
    .map(({ kind, what }) => [what, ...columns.map((searches) => fileCell(searches, kind))])
    .filter(([, ...cells]) => cells.some((cell) => cell !== '–'));
  body.push([
    '**all**: KB in files',
    ...columns.map((searches) => `${stat(searches.map((search) => kb(bytesOf(search))), '')} in ${stat(searches.map((search) => search.files.length), '', 0)}`),
  ]);
  const heading = `The scale run's first search, file by file: KB as a compressing host sends them (text gzip -6, Pagefind's binary files as they are), over ${FIRST_SEARCHES} phrases × ${RUNS} run${RUNS > 1 ? 's' : ''} at each size`;
  tables.push(`${heading}:\n\n${markdownTable(['file', ...results.map((result) => result.label)], body)}`);
}

/**
 * The files of one kind that first searches fetched. Files every search fetched alike (the code, the
 * settings, the metadata) are given one by one; those that depend on the query (index chunks, fragments)
 * by their count and bytes a search, median (min–max), then one by one when there are few.
 */
function fileCell(searches: FirstSearch[], kind: FileKind): string {
  const fetched = searches.map((search) => search.files.filter((file) => file.kind === kind));
  if (fetched.every((files) => files.length === 0)) return '–';
  const paths = (files: SearchFile[]) => files.map((file) => file.path).sort().join(' ');
  if (fetched.every((files) => paths(files) === paths(fetched[0]!))) {
    const each = fetched[0]!.map((file) => ({
      name: file.path.split('/').at(-1)!.replace(/\.[\w-]+\.js$/, ''), // `ui.CssbWQOZ.js` → `ui`
      kb: median(fetched.map((files) => kb(files.find((other) => other.path === file.path)!.bytes))),
    }));
    if (each.length === 1) return each[0]!.kb.toFixed(1);
    return `${each.map((file) => `${file.name} ${file.kb.toFixed(1)}`).join(' + ')} = ${each.reduce((sum, file) => sum + file.kb, 0).toFixed(1)}`;
  }
  const counts = fetched.map((files) => files.length);
  const perSearch = `${stat(counts, median(counts) === 1 ? 'file' : 'files', 0)} a search, ${stat(searches.map((search) => kb(bytesOf(search, kind))), '')}`;
  const distinct = [...new Map(fetched.flat().map((file) => [file.path, file.bytes])).values()].sort((x, y) => x - y);
  return distinct.length > 6 ? perSearch : `${perSearch}; the ${distinct.length} files: ${distinct.map((bytes) => kb(bytes).toFixed(1)).join(', ')}`;
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

/**
 * The search's rows, for this site and for each size of the scale run; `what` names the queries. The first
 * search's figures are over every first search: each cold query of each run.
 */
function searchRows(runs: SearchRun[], prefix: string, what: { first: string; later: string }) {
  const first = firstSearches(runs);
  const cold = first.map((search) => search.coldFromKeystrokeMs);
  const warm = runs.map((r) => r.warmMs);
  const bytes = first.map((search) => kb(bytesOf(search)));
  row(
    `${prefix}first search, ${what.first} on a fresh page, keystroke → results drawn (the search code and Pagefind loading, the typing pause)`,
    stat(cold, 'ms', 0),
    `≤ ${BUDGETS.coldSearchMs} ms`,
    budget(median(cold) <= BUDGETS.coldSearchMs),
  );
  row(`${prefix}the same, from the search's start (after the typing pause)`, stat(first.map((search) => search.coldMs), 'ms', 0), '', '');
  row(`${prefix}later search, start → results drawn (${what.later})`, stat(warm, 'ms'), `≤ ${BUDGETS.warmSearchMs} ms`, budget(median(warm) <= BUDGETS.warmSearchMs));
  row(
    `${prefix}bytes fetched by the first search (gzip)`,
    `${stat(bytes, 'KB')} in ${stat(first.map((search) => search.files.length), 'files', 0)}`,
    `≤ ${BUDGETS.firstSearchKB} KB`,
    budget(median(bytes) <= BUDGETS.firstSearchKB),
  );
  row(`${prefix}requests for Pagefind's files in the first search`, stat(first.map((search) => search.files.filter((file) => file.path.includes('/pagefind/')).length), '', 0));
}

/** A Markdown table, its columns padded to line up in the terminal. */
function markdownTable(header: readonly string[], body: ReadonlyArray<readonly string[]>): string {
  const width = header.map((_, i) => Math.max(3, ...[header, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i]!)).join(' | ')} |`;
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

// Debian's chromium wrapper complains on stderr about its own shell test; only the version matters.
const version = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const load = `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`\nBenchmark of ${measured}, ${RUNS} run${RUNS > 1 ? 's' : ''} each, ${new Date().toISOString().slice(0, 10)}, ${version}, ${load}\n`);
console.log(markdownTable(['measure', 'median (min–max)', 'budget', 'status'], rows.map((r) => [r.measure, r.result, r.limit, r.verdict])));
for (const table of tables) console.log(`\n${table}`);
if (notes.length) console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
const missed = rows.filter((r) => r.verdict === 'FAIL');
console.log(missed.length ? `\n${missed.length} budget${missed.length > 1 ? 's' : ''} missed: ${missed.map((r) => r.measure).join('; ')}` : '\nAll budgets met.');
process.exitCode = missed.length ? 1 : 0;
