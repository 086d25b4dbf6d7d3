/**
 * Screenshots of pages at phone and desktop sizes, light and dark, for a person to look at.
 * Usage: node scripts/screenshots.ts <base-url> <out-dir> [paths...]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';

const [baseUrl = 'http://127.0.0.1:4321', outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/why-deepseek/'];
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const path of pages) {
  for (const size of sizes) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: size, colorScheme, deviceScaleFactor: 1 });
      await page.goto(new URL(path, baseUrl).href);
      const name = `${path.replace(/\W+/g, '_') || 'root'}-${size.name}-${colorScheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}` });
      await page.close();
      console.log(`${outDir}/${name}`);
    }
  }
}
await browser.close();
