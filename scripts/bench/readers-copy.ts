/**
 * The reader's own copy with many 划线: 200 kept on `/` (eight in each paragraph), how long the
 * page takes to show them (the code's own User Timing measure, src/readers-copy/client/state.ts),
 * and how smoothly it scrolls with them drawn (frame intervals while scrolling the whole essay).
 */
import type { Browser } from '@playwright/test';
import { HIGHLIGHTS_KEY, HIGHLIGHTS_VERSION } from '../../src/readers-copy/keys.ts';
import { RENDER_MEASURE } from '../../src/readers-copy/timing.ts';

export const MARKS = 200;

export interface ReadersCopyRun {
  marks: number;
  drawn: number;
  renderMs: number;
  /** The 95th percentile and the longest frame interval while scrolling, ms. */
  frameP95Ms: number;
  frameMaxMs: number;
}

/** 200 划线 in the stored format, made from the page's own paragraphs: eight short spans each, apart. */
function storedMarks(win: Window, count: number, version: number): string {
  const paragraphs = Array.from(win.document.querySelectorAll<HTMLElement>('.essay .prose p[id]'));
  const marks = [];
  for (let i = 0; marks.length < count; i++) {
    const block = paragraphs[i % paragraphs.length]!;
    const text = block.textContent ?? '';
    const slot = Math.floor(i / paragraphs.length);
    const start = Math.min(text.length - 6, slot * Math.max(8, Math.floor(text.length / 9)));
    const end = start + 4;
    marks.push({
      id: `bench-${i}`,
      block: block.id,
      edition: 'hans',
      quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 8), start), suffix: text.slice(end, end + 8) },
      position: { type: 'TextPositionSelector', start, end },
      length: text.length,
      created: i,
      updated: i,
    });
  }
  return JSON.stringify({ v: version, data: marks });
}

export async function measureReadersCopy(browser: Browser, origin: string, runs: number): Promise<ReadersCopyRun[]> {
  const results: ReadersCopyRun[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const stored = await page.evaluate(`(${storedMarks.toString()})(window, ${MARKS}, ${HIGHLIGHTS_VERSION})`);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [HIGHLIGHTS_KEY, stored as string]);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const renderMs = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.duration, RENDER_MEASURE).then((handle) => handle.jsonValue() as Promise<number>);
    const drawn = await page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('reader-highlight');
      return highlight ? highlight.size : document.querySelectorAll('mark[data-mark="reader-highlight"]').length;
    });
    const frames = await page.evaluate(async () => {
      const intervals: number[] = [];
      let last = performance.now();
      const end = document.documentElement.scrollHeight - innerHeight;
      await new Promise<void>((done) => {
        const step = (now: number) => {
          intervals.push(now - last);
          last = now;
          scrollBy(0, 40);
          if (scrollY >= end - 1) done();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return intervals.slice(1).sort((a, b) => a - b);
    });
    results.push({ marks: MARKS, drawn, renderMs, frameP95Ms: frames[Math.floor(frames.length * 0.95)] ?? 0, frameMaxMs: frames.at(-1) ?? 0 });
    await context.close();
  }
  return results;
}
