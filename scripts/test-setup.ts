/**
 * Run before the browser tests (package.json's pretest hooks, and .ci/run): finds the browsers,
 * X server and Chinese font a run needs, and installs with apt-get those the machine lacks, as
 * `npx playwright install --with-deps` does for Playwright's own browsers; or, where it cannot,
 * stops with one message that says how. The decisions are scripts/test-setup/plan.ts's; this file
 * only looks at the machine and carries them out. With everything there it says nothing and costs
 * a few file checks and one `fc-list`.
 *
 *   node scripts/test-setup.ts [all|e2e|slow|engines]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { FIREFOX, MINIBROWSER, SYSTEM_CHROMIUMS, WEBKIT_DRIVER, onPath } from '../tests/support/system-programs.ts';
import { NEEDS, parseOsRelease, plan, type Machine, type Need, type Tier } from './test-setup/plan.ts';

const tier = process.argv[2] ?? 'all';
if (!isTier(tier)) {
  console.error(`usage: node scripts/test-setup.ts [${Object.keys(NEEDS).join('|')}]`);
  process.exit(2);
}

function isTier(name: string): name is Tier {
  return Object.hasOwn(NEEDS, name);
}

const fcList = onPath('fc-list');

async function isPresent(need: Need): Promise<boolean> {
  switch (need) {
    case 'chromium':
      return [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUMS].some((path) => path && existsSync(path)) || (await playwrightsChromium());
    case 'firefox':
      return existsSync(FIREFOX);
    case 'webkit-driver':
      return existsSync(WEBKIT_DRIVER);
    case 'minibrowser':
      return existsSync(MINIBROWSER);
    case 'x-server':
      // As tests/support/engines.ts: its own Xvfb only when no display is set.
      return Boolean(process.env.DISPLAY) || onPath('Xvfb');
    case 'fc-list':
      return fcList;
    case 'speech-dispatcher':
      return existsSync('/usr/bin/speech-dispatcher');
    case 'espeak-ng':
      return existsSync('/usr/bin/espeak-ng');
    case 'speechd-espeak-ng':
      return existsSync('/usr/lib/speech-dispatcher-modules/sd_espeak-ng');
    case 'cjk-font':
      // The face the stylesheets name for Linux and the measurements were made in.
      return fcList && spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout.includes('Noto Sans CJK');
  }
}

/**
 * Whether the tests find a Chromium of Playwright's own (`npx playwright install`), asked last:
 * loading Playwright to find it takes most of a second.
 */
async function playwrightsChromium(): Promise<boolean> {
  try {
    const { findChromium } = await import('../tests/support/chromium.ts');
    return Boolean(findChromium());
  } catch {
    return false;
  }
}

function machine(): Machine {
  const uid = process.getuid?.() ?? -1;
  const osRelease = ['/etc/os-release', '/usr/lib/os-release'].find((path) => existsSync(path));
  return {
    uid,
    sudo: uid !== 0 && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    os: osRelease ? parseOsRelease(readFileSync(osRelease, 'utf8')) : undefined,
    aptGet: onPath('apt-get'),
  };
}

const present = new Set<Need>();
for (const need of NEEDS[tier]) if (await isPresent(need)) present.add(need);

const decided = plan(tier, present, machine);
if (decided.action === 'stop') {
  console.error(decided.message);
  process.exit(1);
}
if (decided.action === 'install') {
  console.log(decided.message);
  for (const [command, ...args] of decided.commands) {
    if (spawnSync(command!, args, { stdio: 'inherit' }).status !== 0) {
      console.error(decided.failed);
      process.exit(1);
    }
  }
}
