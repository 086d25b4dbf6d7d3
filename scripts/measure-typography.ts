/**
 * The typography table of the README, measured in each engine from glyph rectangles: the same
 * probe as the cross-engine tests (tests/support/typography-probes.ts), on a built site.
 *
 * Usage: node scripts/measure-typography.ts [--dir dist] [--width 600] [--pages /,/zh-hant/]
 *        [--engines chromium,firefox,webkit]
 * Prints a Markdown table: for each rule, how many boundaries hold out of those measured, and
 * the range of the figures (em).
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { openEngine, type EngineName } from '../tests/support/engines.ts';
import { measureTypography, type Boundary, type TypographyMeasure } from '../tests/support/typography-probes.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    width: { type: 'string', default: '600' },
    pages: { type: 'string', default: '/' },
    engines: { type: 'string', default: 'chromium,firefox,webkit' },
  },
});

const server = await serve(values.dir, 0);
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

interface Row {
  label: string;
  pick: (ragged: TypographyMeasure, flush: TypographyMeasure) => Boundary[];
  min: number;
  max: number;
}
const ROWS: Row[] = [
  { label: 'space between Han and a following Latin/number run (1/8–1/4 em)', pick: (m) => m.hanLatin, min: 0.125, max: 0.25 },
  { label: 'space between a Latin/number run and the following Han', pick: (m) => m.latinHan, min: 0.125, max: 0.25 },
  { label: 'lines starting with a Latin run after Han, flush (0 em)', pick: (m) => m.latinLineStarts, min: 0, max: 0.02 },
  { label: 'lines ending where Han meets Latin, flush (0 em)', pick: (_, f) => f.lineEndShortfalls, min: 0, max: 0.02 },
  { label: 'full-width comma mid-line (1 em)', pick: (m) => m.commas, min: 0.94, max: 1.01 },
  { label: 'curly quotes “ ” in Chinese text (1 em)', pick: (m) => m.chineseQuotes, min: 0.94, max: 1.01 },
  { label: 'adjacent punctuation such as 。” (1.5 em)', pick: (m) => m.adjacentPairs, min: 1.44, max: 1.56 },
  { label: 'opening mark at a line start, trimmed (0.5 em)', pick: (m) => m.openingLineStarts, min: 0.44, max: 0.51 },
];

const engines = values.engines.split(',') as EngineName[];
const columns: string[][] = [];
const versions: string[] = [];
for (const engine of engines) {
  const page = await openEngine(engine, { browser, baseURL, builtDir: values.dir });
  const totals = ROWS.map(() => [] as Boundary[]);
  for (const path of values.pages.split(',')) {
    await page.open(path, { width: Number(values.width), height: 800 });
    const ragged = await page.run(measureTypography, { align: 'start' });
    const flush = await page.run(measureTypography, { align: 'end' });
    ROWS.forEach((row, i) => totals[i]!.push(...row.pick(ragged, flush)));
  }
  versions.push(await page.run((win) => win.navigator.userAgent));
  columns.push(
    ROWS.map((row, i) => {
      const figures = totals[i]!;
      if (!figures.length) return 'none on these pages';
      const held = figures.filter(({ gap }) => gap >= row.min - 0.005 && gap <= row.max + 0.005).length;
      const gaps = figures.map(({ gap }) => gap);
      const range = `${Math.min(...gaps).toFixed(2)}–${Math.max(...gaps).toFixed(2)} em`;
      return `${held}/${figures.length} (${range})`;
    }),
  );
  await page.close();
}
await browser.close();
server.close();

console.log(`| on ${values.pages}, ${values.width} px, ragged | ${engines.join(' | ')} |`);
console.log(`| --- | ${engines.map(() => '---').join(' | ')} |`);
ROWS.forEach((row, i) => console.log(`| ${row.label} | ${columns.map((column) => column[i]).join(' | ')} |`));
console.log();
engines.forEach((engine, i) => console.log(`- ${engine}: ${versions[i]}`));
