/**
 * What `npm test` must install before its browser tests, and whether it may: pure decisions over
 * what scripts/test-setup.ts found on the machine, so that tests/unit/test-setup.spec.ts can try
 * every case (root, sudo, neither, another system) without touching one.
 */

/** The test runs that need something from the system (`npm run test:unit` needs nothing). */
export type Tier = 'all' | 'e2e' | 'slow' | 'engines';

/** One thing the browser tests look for on the machine. */
export type Need =
  | 'chromium'
  | 'firefox'
  | 'webkit-driver'
  | 'minibrowser'
  | 'x-server'
  | 'fc-list'
  | 'cjk-font'
  | 'speech-dispatcher'
  | 'espeak-ng'
  | 'speechd-espeak-ng';

/** The Debian (and Ubuntu) package that provides each need, and how a message names it. */
export const PROVIDERS: Record<Need, { readonly pkg: string; readonly what: string }> = {
  chromium: { pkg: 'chromium', what: 'Chromium' },
  firefox: { pkg: 'firefox-esr', what: 'Firefox' },
  'webkit-driver': { pkg: 'webkit2gtk-driver', what: 'WebKit’s WebDriver' },
  minibrowser: { pkg: 'libwebkit2gtk-4.1-0', what: 'WebKit’s MiniBrowser' },
  'x-server': { pkg: 'xvfb', what: 'an X server for WebKit' },
  'fc-list': { pkg: 'fontconfig', what: 'fontconfig' },
  // Without a Chinese font every Han character is a box and every measured line is wrong.
  'cjk-font': { pkg: 'fonts-noto-cjk', what: 'a Chinese font' },
  // Firefox's real voices on Linux, for the listening test (tests/engines/listening.spec.ts).
  'speech-dispatcher': { pkg: 'speech-dispatcher', what: 'speech-dispatcher' },
  'espeak-ng': { pkg: 'espeak-ng', what: 'espeak-ng' },
  'speechd-espeak-ng': { pkg: 'speech-dispatcher-espeak-ng', what: 'speech-dispatcher’s espeak-ng module' },
};

const CHROMIUM_AND_FONT: readonly Need[] = ['chromium', 'fc-list', 'cjk-font'];
const EVERYTHING = Object.keys(PROVIDERS) as Need[];

/** What each run needs: e2e and slow use Chromium alone; the engine tests all three engines. */
export const NEEDS: Record<Tier, readonly Need[]> = {
  all: EVERYTHING,
  e2e: CHROMIUM_AND_FONT,
  slow: CHROMIUM_AND_FONT,
  engines: EVERYTHING,
};

/** What may install packages here, asked only when something is missing (sudo costs a process). */
export interface Machine {
  uid: number;
  /** `sudo -n true` succeeded: sudo without a password. */
  sudo: boolean;
  /** ID and ID_LIKE of /etc/os-release, if it could be read. */
  os: { id: string; idLike: string[] } | undefined;
  aptGet: boolean;
}

export type Plan =
  | { action: 'none' }
  | { action: 'install'; message: string; commands: string[][]; /** Said if apt-get fails. */ failed: string }
  | { action: 'stop'; message: string };

/** The fields of an os-release file that say which system this is. */
export function parseOsRelease(text: string): { id: string; idLike: string[] } {
  const field = (name: string) =>
    text.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
  return { id: field('ID'), idLike: field('ID_LIKE').split(/\s+/).filter(Boolean) };
}

const APT_SYSTEMS = ['debian', 'ubuntu'];

/**
 * Decides, from the needs a run has and those the machine meets, what to do before the tests:
 * nothing; install the missing packages through apt-get, as root or through sudo, and say so; or
 * stop with one message that names every missing package and the command that installs them.
 */
export function plan(tier: Tier, present: ReadonlySet<Need>, machine: () => Machine): Plan {
  const missing = NEEDS[tier].filter((need) => !present.has(need));
  if (missing.length === 0) return { action: 'none' };
  const packages = [...new Set(missing.map((need) => PROVIDERS[need].pkg))];
  const whats = list(missing.map((need) => PROVIDERS[need].what));
  const { uid, sudo, os, aptGet } = machine();
  const aptSystem = os !== undefined && [os.id, ...os.idLike].some((id) => APT_SYSTEMS.includes(id));
  const asRoot = uid === 0 ? [] : ['sudo', '-n'];
  const manual = `${uid === 0 ? '' : 'sudo '}apt-get update && ${uid === 0 ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
  if (!aptSystem || !aptGet) {
    const system = os?.id ? `this system (${os.id})` : 'this system';
    return {
      action: 'stop',
      message:
        `The browser tests need ${whats}, not found here, and ${system} is not Debian or Ubuntu, so they ` +
        `are not installed for you. On Debian or Ubuntu they are installed by\n  ${manual}\n` +
        `Elsewhere, install the same programs, then run the tests again (CHROMIUM_PATH, FIREFOX_PATH, ` +
        `WEBKIT_DRIVER_PATH and MINIBROWSER_PATH point the tests at them).`,
    };
  }
  if (uid !== 0 && !sudo) {
    return {
      action: 'stop',
      message:
        `The browser tests need ${whats}, not found here, and installing them needs root, which this user ` +
        `is not (nor can it use sudo without a password). Install them, then run the tests again:\n  ${manual}`,
    };
  }
  // sudo drops the environment, so the variable is passed through env(1) on the command line.
  const apt = [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  return {
    action: 'install',
    message:
      `The browser tests need ${whats}, not found here: installing ${packages.join(' ')} with apt-get` +
      `${uid === 0 ? '' : ' through sudo'} (once; later runs find them).`,
    commands: [
      [...apt, 'update', '-qq'],
      [...apt, 'install', '-y', '-qq', '--no-install-recommends', ...packages],
    ],
    failed: `apt-get could not install ${packages.join(' ')} (its output is above). Install them, then run the tests again:\n  ${manual}`,
  };
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
