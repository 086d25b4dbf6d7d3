/**
 * Lighthouse's mobile audit (its default: a mid-range phone on a slow 4G network, simulated),
 * run through its Node API in the Chromium the tests use.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Lighthouse's measure of the CPU at the time: other work on the machine lowers it. */
  benchmarkIndex: number;
  /** Where the main thread's time went, and its long tasks: what blocking time is made of. */
  mainThread: string;
  /** Audits that cost a category points, with what Lighthouse says of them. */
  failed: Array<{ audit: string; score: number; value?: string }>;
}

export async function measureLighthouse(url: string, runs: number, log: (line: string) => void): Promise<LighthouseRun[]> {
  const chrome = await launch({
    chromePath: findChromium(),
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
  const results: LighthouseRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Lighthouse clears the cache and storage before each run, so one browser serves them all.
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const audit = (id: string) => lhr.audits[id]!;
      const failed = CATEGORIES.flatMap((category) =>
        lhr.categories[category]!.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => audit(ref.id))
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => ({ audit: `${category}: ${a.id}`, score: a.score!, ...(a.displayValue && { value: a.displayValue }) })),
      );
      const run: LighthouseRun = {
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]!.score ?? 0) * 100)])) as Record<Category, number>,
        lcpMs: audit('largest-contentful-paint').numericValue ?? NaN,
        cls: audit('cumulative-layout-shift').numericValue ?? NaN,
        tbtMs: audit('total-blocking-time').numericValue ?? NaN,
        benchmarkIndex: lhr.environment.benchmarkIndex,
        mainThread: mainThread(lhr),
        failed,
      };
      log(`lighthouse ${new URL(url).pathname} ${i + 1}/${runs}: ${CATEGORIES.map((c) => run.scores[c]).join(' ')}`);
      results.push(run);
    }
  } finally {
    chrome.kill();
  }
  return results;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function mainThread(lhr: Lhr): string {
  const rows = (id: string) => ((lhr.audits[id]?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []);
  const groups = rows('mainthread-work-breakdown')
    .filter((item) => Number(item['duration']) >= 10)
    .map((item) => `${item['groupLabel']} ${Math.round(Number(item['duration']))} ms`);
  const tasks = rows('long-tasks').map((item) => `${Math.round(Number(item['duration']))} ms (${String(item['url']).replace(/^https?:\/\/[^/]+/, '')})`);
  return `${groups.join(', ')}; long tasks: ${tasks.join(', ') || 'none'}`;
}
