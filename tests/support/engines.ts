/**
 * The three browser engines readers use, behind one small interface, so that a cross-engine test
 * is written once and runs in each:
 *
 * - **chromium**: the suite's own Playwright Chromium (Chrome, Edge, Android WebView and XWeb);
 * - **firefox**: Debian's `firefox-esr`, driven over WebDriver BiDi by `puppeteer-core` (Playwright
 *   can drive only its own patched Firefox, which cannot be downloaded here);
 * - **webkit**: Debian's `webkit2gtk-driver`, a W3C WebDriver server (`WebKitWebDriver`) that drives
 *   WebKitGTK's `MiniBrowser` (Safari's engine, and WeChat's on the iPhone), through
 *   `selenium-webdriver`. It needs an X display: the harness starts its own `Xvfb` when `DISPLAY`
 *   is unset. Its window cannot be narrower than about 450 px, so narrower widths load the page in
 *   an iframe of that width, and probes measure the iframe's document. The site forbids framing
 *   (`frame-ancestors 'none'` in its headers), so those pages come from a second server over the
 *   same build that sends no headers; the page's own <meta> policy still applies.
 *
 * A probe is a function run in the page. It receives the window it measures (the page's, or the
 * iframe's) and JSON arguments, and returns JSON. It is sent as source text, so it may not close
 * over anything in the test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import sirv from 'sirv';
import type { Browser as PlaywrightBrowser } from '@playwright/test';
import type { WebDriver } from 'selenium-webdriver';
import { FIREFOX, MINIBROWSER, WEBKIT_DRIVER, onPath } from './system-programs.ts';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

// A probe's arguments and result cross a process boundary as JSON.
export type Probe<A extends unknown[], R> = (win: Window, ...args: A) => R | Promise<R>;

export interface Point {
  x: number;
  y: number;
}

export interface OpenOptions {
  /** Viewport width in CSS px (default 1024). */
  width?: number;
  height?: number;
}

export interface EnginePage {
  readonly engine: EngineName;
  /** Loads a URL (absolute, or a path on the site under test) at the given width. */
  open(url: string, options?: OpenOptions): Promise<void>;
  /** Runs a probe in the page (or in the iframe that stands in for a narrow window). */
  run<A extends unknown[], R>(probe: Probe<A, R>, ...args: A): Promise<R>;
  /** Real input: clicks the first element matching a selector. */
  click(selector: string): Promise<void>;
  /** Real input: types into the focused element. */
  type(text: string): Promise<void>;
  /** Real input: presses the primary button at `from` and moves it to `to` (the window's viewport px), then releases it. */
  drag(from: Point, to: Point): Promise<void>;
  /** Real input: presses keys in turn, each a key name or a chord like `Shift+ArrowRight`. */
  press(...keys: string[]): Promise<void>;
  /** The page's URL. */
  url(): Promise<string>;
  /** A PNG of the window's viewport. */
  screenshot(): Promise<Buffer>;
  /** Uncaught errors in the page's scripts so far (Chromium and Firefox; WebDriver classic cannot see them). */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Firefox preferences, e.g. to switch a CSS feature off (Firefox only). */
  firefoxPrefs?: Record<string, unknown>;
  /** Script run in every document before its own scripts (Chromium and Firefox). */
  initScript?: string;
  /** The environment Firefox runs in (Firefox only): the listening test's own speech-dispatcher. */
  env?: Record<string, string>;
}

/** What to install when an engine is missing (Debian package names). */
const MISSING: Record<Exclude<EngineName, 'chromium'>, () => string | undefined> = {
  firefox: () =>
    existsSync(FIREFOX)
      ? undefined
      : `Firefox is not installed (${FIREFOX}). Debian: apt-get install -y firefox-esr fonts-noto-cjk ` +
        `(or set FIREFOX_PATH).`,
  webkit: () => {
    if (!existsSync(WEBKIT_DRIVER) || !existsSync(MINIBROWSER)) {
      return (
        `WebKit is not installed (${WEBKIT_DRIVER}, ${MINIBROWSER}). Debian: apt-get install -y ` +
        `webkit2gtk-driver xvfb fonts-noto-cjk (or set WEBKIT_DRIVER_PATH and MINIBROWSER_PATH).`
      );
    }
    if (!process.env.DISPLAY && !onPath('Xvfb')) {
      return 'WebKit needs an X display and none is set: apt-get install -y xvfb (or set DISPLAY).';
    }
    return undefined;
  },
};

/** Throws, naming the package to install, when an engine cannot be started on this machine. */
export function assertInstalled(engine: EngineName): void {
  if (engine === 'chromium') return;
  const message = MISSING[engine]();
  if (message) throw new Error(message);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function serialise(probe: Probe<unknown[], unknown>): string {
  return probe.toString();
}

/**
 * Resolves once a change made to the page has been painted: two animation frames, then a moment
 * for engines whose screenshot comes from the compositor (WebKitGTK showed the frame before).
 */
const painted: Probe<[], boolean> = (win) =>
  new Promise((resolve) =>
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => setTimeout(() => resolve(true), 150))),
  );

/** The source run in the page: finds the window to measure, then calls the probe there. */
function inPage(probeSource: string, args: unknown[]): string {
  return (
    `const frame = document.querySelector('iframe[data-engine-viewport]');` +
    `const win = frame ? frame.contentWindow : window;` +
    `return Promise.resolve((${probeSource})(win, ...${JSON.stringify(args)}));`
  );
}

// ---------------------------------------------------------------------------------------------
// Chromium (a page of the suite's own Playwright browser) and Firefox (over WebDriver BiDi, with
// puppeteer-core): the two drivers' pages share their shape, and differ in these few calls.

/** What a Playwright or Puppeteer page is asked for. */
interface DriverPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  keyboard: { type(text: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  url(): string;
  screenshot(): Promise<Uint8Array>;
  on(event: 'pageerror', listener: (error: unknown) => void): unknown;
}

class DriverEnginePage implements EnginePage {
  readonly errors: string[] = [];
  readonly engine: 'chromium' | 'firefox';
  // Fields written out, not constructor parameter properties: scripts/measure-typography.ts runs
  // this file with Node's type stripping, which does not support them.
  private readonly page: DriverPage;
  private readonly baseURL: string;
  private readonly resize: (width: number, height: number) => Promise<void>;
  /** Chromium's page belongs to the suite's browser; Firefox's browser is this page's own. */
  private readonly closeAll: () => Promise<void>;
  constructor(
    engine: 'chromium' | 'firefox',
    page: DriverPage,
    baseURL: string,
    resize: (width: number, height: number) => Promise<void>,
    closeAll: () => Promise<void>,
  ) {
    this.engine = engine;
    this.page = page;
    this.baseURL = baseURL;
    this.resize = resize;
    this.closeAll = closeAll;
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }
  async open(url: string, { width = 1024, height = 800 }: OpenOptions = {}) {
    await this.resize(width, height);
    await this.page.goto(new URL(url, this.baseURL).href, { waitUntil: 'load' });
  }
  run<A extends unknown[], R>(probe: Probe<A, R>, ...args: A): Promise<R> {
    // A string is evaluated by the driver, outside the page's content security policy.
    const body = inPage(serialise(probe as Probe<unknown[], unknown>), args);
    return this.page.evaluate(`(async () => { ${body} })()`) as Promise<R>;
  }
  click(selector: string) {
    return this.page.click(selector);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  async drag(from: Point, to: Point) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 });
    await this.page.mouse.move(to.x, to.y, { steps: 4 });
    await this.page.mouse.up();
  }
  async press(...keys: string[]) {
    // Playwright and Puppeteer name keys alike (the DOM's key values).
    for (const chord of keys) {
      const [key, ...modifiers] = chord.split('+').reverse();
      for (const modifier of modifiers) await this.page.keyboard.down(modifier);
      await this.page.keyboard.press(key!);
      for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier);
    }
  }
  async url() {
    return this.page.url();
  }
  async screenshot() {
    await this.run(painted);
    return Buffer.from(await this.page.screenshot());
  }
  close() {
    return this.closeAll();
  }
}

async function launchFirefox(baseURL: string, options: LaunchOptions): Promise<EnginePage> {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: {
      // A closed network: no update checks, telemetry or captive-portal probes.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      ...options.firefoxPrefs,
    },
  });
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
  return new DriverEnginePage(
    'firefox',
    page,
    baseURL,
    (width, height) => page.setViewport({ width, height }),
    () => browser.close(),
  );
}

// ---------------------------------------------------------------------------------------------
// WebKit: WebKitWebDriver driving MiniBrowser (selenium-webdriver as the W3C client).

/** The narrowest window WebKitGTK's MiniBrowser opens; narrower widths use an iframe. */
const WEBKIT_MIN_WIDTH = 480;

class WebKitPage implements EnginePage {
  readonly engine = 'webkit' as const;
  readonly errors: string[] = [];
  private readonly driver: WebDriver;
  private readonly processes: ChildProcess[];
  private readonly baseURL: string;
  private readonly builtDir: string | undefined;
  private framing: Promise<{ server: Server; origin: string }> | undefined;
  constructor(driver: WebDriver, processes: ChildProcess[], baseURL: string, builtDir: string | undefined) {
    this.driver = driver;
    this.processes = processes;
    this.baseURL = baseURL;
    this.builtDir = builtDir;
  }
  /** The build served again, without the headers that forbid framing it. */
  private framingOrigin(): Promise<string> {
    if (!this.builtDir) throw new Error('A width under 480 px in WebKit needs the built folder (openEngine builtDir).');
    const dir = this.builtDir;
    this.framing ??= new Promise((resolve) => {
      const files = sirv(dir, { dev: true, extensions: ['html'] });
      const server = createHttpServer((request, response) => files(request, response));
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
      });
    });
    return this.framing.then(({ origin }) => origin);
  }
  async open(url: string, { width = 1024, height = 800 }: OpenOptions = {}) {
    const href = new URL(url, this.baseURL).href;
    const windowWidth = Math.max(width, WEBKIT_MIN_WIDTH);
    await this.setViewport(windowWidth, Math.max(height, 600));
    if (width >= WEBKIT_MIN_WIDTH) {
      await this.driver.get(href);
      return;
    }
    // A page of the same origin hosts an iframe of the width asked for: a phone's viewport.
    const origin = await this.framingOrigin();
    const framed = new URL(new URL(href).pathname + new URL(href).search + new URL(href).hash, origin).href;
    await this.driver.get(new URL('/404.html', origin).href);
    await this.driver.executeAsyncScript(
      `const [src, width, height, done] = arguments;
       document.body.replaceChildren();
       document.body.style.margin = '0';
       const frame = document.createElement('iframe');
       frame.dataset.engineViewport = '';
       frame.style.cssText = 'border:0;display:block';
       frame.width = String(width);
       frame.height = String(height);
       frame.addEventListener('load', () => done(true), { once: true });
       frame.src = src;
       document.body.append(frame);`,
      framed,
      width,
      height,
    );
  }
  /** Sizes the window so that its viewport (not its outer frame) has the given size. */
  private async setViewport(width: number, height: number) {
    const window = this.driver.manage().window();
    await window.setRect({ width, height });
    const inner = (await this.driver.executeScript('return [innerWidth, innerHeight]')) as number[];
    const rect = await window.getRect();
    if (inner[0] !== width || inner[1] !== height) {
      // Whole pixels: WebKitWebDriver refuses a fractional size ("Invalid width value"), which the
      // window's rectangle sometimes is between two resizes.
      await window.setRect({ width: Math.round(rect.width + (width - inner[0]!)), height: Math.round(rect.height + (height - inner[1]!)) });
    }
  }
  run<A extends unknown[], R>(probe: Probe<A, R>, ...args: A): Promise<R> {
    const body = inPage(serialise(probe as Probe<unknown[], unknown>), args);
    // executeAsyncScript resolves promises in every WebDriver server, whatever its version.
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       (async () => { ${body} })().then(done, (error) => done({ __probeError: String(error) + " " + String(error && error.stack) }));`,
    ).then((result) => {
      if (result && typeof result === 'object' && '__probeError' in result) {
        throw new Error(`probe failed in WebKit: ${(result as { __probeError: string }).__probeError}`);
      }
      return result as R;
    });
  }
  async click(selector: string) {
    const { By } = await import('selenium-webdriver');
    await this.driver.findElement(By.css(selector)).click();
  }
  async type(text: string) {
    await this.driver.switchTo().activeElement().then((element) => element.sendKeys(text));
  }
  async drag(from: Point, to: Point) {
    const { Origin } = await import('selenium-webdriver/lib/input.js');
    const at = (point: Point) => ({ x: Math.round(point.x), y: Math.round(point.y), origin: Origin.VIEWPORT });
    await this.driver
      .actions({ async: true })
      .move(at(from))
      .press()
      .move({ ...at({ x: (from.x + to.x) / 2, y: to.y }), duration: 100 })
      .move({ ...at(to), duration: 100 })
      .release()
      .perform();
  }
  async press(...keys: string[]) {
    const { Key } = await import('selenium-webdriver');
    const named = (key: string): string => ({ Shift: Key.SHIFT, Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: Key.SPACE, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Control: Key.CONTROL })[key] ?? key;
    for (const chord of keys) {
      const [key, ...modifiers] = chord.split('+').reverse();
      let actions = this.driver.actions({ async: true });
      for (const modifier of modifiers) actions = actions.keyDown(named(modifier));
      actions = actions.keyDown(named(key!)).keyUp(named(key!));
      for (const modifier of modifiers.reverse()) actions = actions.keyUp(named(modifier));
      await actions.perform();
    }
  }
  url() {
    return this.driver.getCurrentUrl();
  }
  async screenshot() {
    await this.run(painted);
    return Buffer.from(await this.driver.takeScreenshot(), 'base64');
  }
  async close() {
    await this.driver.quit().catch(() => undefined);
    for (const child of this.processes.reverse()) child.kill();
    if (this.framing) (await this.framing).server.close();
  }
}

async function launchWebKit(baseURL: string, builtDir: string | undefined): Promise<EnginePage> {
  const processes: ChildProcess[] = [];
  const env = { ...process.env };
  try {
    if (!env.DISPLAY) {
      // Our own X server, on a display number no other worker takes.
      const display = `:${90 + (Number(process.env.TEST_PARALLEL_INDEX ?? 0) % 50) + (process.pid % 100) * 50}`;
      const xvfb = spawn('Xvfb', [display, '-screen', '0', '1920x1400x24', '-nolisten', 'tcp'], {
        stdio: 'ignore',
      });
      processes.push(xvfb);
      env.DISPLAY = display;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const port = await freePort();
    const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env });
    processes.push(driverProcess);
    const server = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${server}/status`)).ok, 'WebKitWebDriver to start');
    const { Builder } = await import('selenium-webdriver');
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
    return new WebKitPage(driver, processes, baseURL, builtDir);
  } catch (error) {
    for (const child of processes) child.kill();
    throw error;
  }
}

/**
 * Opens a page in an engine. Chromium pages come from the suite's Playwright browser; Firefox and
 * WebKit are launched for the page and closed with it.
 */
export async function openEngine(
  engine: EngineName,
  context: { browser: PlaywrightBrowser; baseURL: string; /** The build's folder (WebKit's narrow widths). */ builtDir?: string },
  options: LaunchOptions = {},
): Promise<EnginePage> {
  assertInstalled(engine);
  if (engine === 'chromium') {
    const page = await context.browser.newPage({ locale: 'zh-CN' });
    if (options.initScript) await page.addInitScript(options.initScript);
    return new DriverEnginePage(
      'chromium',
      page,
      context.baseURL,
      (width, height) => page.setViewportSize({ width, height }),
      () => page.close(),
    );
  }
  if (engine === 'webkit' && options.initScript) throw new Error('WebDriver classic runs no script before a page’s own.');
  if (engine === 'firefox') return launchFirefox(context.baseURL, options);
  return launchWebKit(context.baseURL, context.builtDir);
}

/** Runs a probe until it returns something truthy, and returns that. */
export async function waitFor<A extends unknown[], R>(
  page: EnginePage,
  probe: Probe<A, R>,
  ...args: A
): Promise<NonNullable<Awaited<R>>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await page.run(probe, ...args).catch(() => undefined);
    if (value) return value as NonNullable<Awaited<R>>;
    if (Date.now() > deadline) throw new Error(`timed out waiting in ${page.engine} for ${probe.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
