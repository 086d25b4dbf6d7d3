/**
 * scripts/test-setup/plan.ts: what `npm test` installs before its browser tests, and whether it
 * may, on the machines a reader of the README may have.
 */
import { expect, test } from '@playwright/test';
import { NEEDS, parseOsRelease, plan, type Machine, type Need } from '../../scripts/test-setup/plan.ts';

const debian = { id: 'debian', idLike: [] };
const machine = (overrides: Partial<Machine>) => (): Machine => ({ uid: 0, sudo: false, os: debian, aptGet: true, ...overrides });
const APT_INSTALL = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends'];
const allBut = (...missing: Need[]) => new Set(NEEDS.all.filter((need) => !missing.includes(need)));

test('everything present: nothing to do, and the machine is not even asked whether it may install', () => {
  const unasked = () => {
    throw new Error('asked');
  };
  for (const tier of ['all', 'e2e', 'slow', 'engines'] as const) {
    expect(plan(tier, new Set(NEEDS[tier]), unasked)).toEqual({ action: 'none' });
  }
  // The e2e and slow runs need no Firefox, WebKit or X server.
  expect(plan('e2e', new Set(['chromium', 'fc-list', 'cjk-font']), unasked)).toEqual({ action: 'none' });
});

test('missing as root on Debian: installs exactly the missing packages with apt-get, and says so', () => {
  const decided = plan('all', allBut('chromium', 'cjk-font'), machine({ uid: 0 }));
  expect(decided).toEqual({
    action: 'install',
    message:
      'The browser tests need Chromium and a Chinese font, not found here: installing chromium fonts-noto-cjk ' +
      'with apt-get (once; later runs find them).',
    commands: [
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      [...APT_INSTALL, 'chromium', 'fonts-noto-cjk'],
    ],
    failed:
      'apt-get could not install chromium fonts-noto-cjk (its output is above). Install them, then run the tests again:\n' +
      '  apt-get update && apt-get install -y chromium fonts-noto-cjk',
  });
});

test('a run asks only for what it uses: the e2e tier never installs Firefox or WebKit', () => {
  const packages = (tier: 'e2e' | 'engines') => {
    const decided = plan(tier, new Set(), machine({ uid: 0 }));
    return decided.action === 'install' ? decided.commands[1]!.slice(APT_INSTALL.length) : decided.action;
  };
  expect(packages('e2e')).toEqual(['chromium', 'fontconfig', 'fonts-noto-cjk']);
  expect(packages('engines')).toEqual([
    'chromium', 'firefox-esr', 'webkit2gtk-driver', 'libwebkit2gtk-4.1-0', 'xvfb', 'fontconfig', 'fonts-noto-cjk',
    'speech-dispatcher', 'espeak-ng', 'speech-dispatcher-espeak-ng',
  ]);
});

test('missing, not root, with passwordless sudo on Ubuntu: installs through sudo', () => {
  const decided = plan('engines', allBut('x-server'), machine({ uid: 1000, sudo: true, os: { id: 'ubuntu', idLike: ['debian'] } }));
  expect(decided).toMatchObject({
    action: 'install',
    message: 'The browser tests need an X server for WebKit, not found here: installing xvfb with apt-get through sudo (once; later runs find them).',
    commands: [
      ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      ['sudo', '-n', ...APT_INSTALL, 'xvfb'],
    ],
  });
});

test('missing, not root and no sudo: one message naming every missing package and the command, and a stop', () => {
  const decided = plan('all', allBut('firefox', 'webkit-driver', 'minibrowser', 'x-server'), machine({ uid: 1000, sudo: false }));
  expect(decided).toEqual({
    action: 'stop',
    message:
      'The browser tests need Firefox, WebKit’s WebDriver, WebKit’s MiniBrowser and an X server for WebKit, not ' +
      'found here, and installing them needs root, which this user is not (nor can it use sudo without a password). ' +
      'Install them, then run the tests again:\n' +
      '  sudo apt-get update && sudo apt-get install -y firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb',
  });
});

test('not Debian or Ubuntu, even as root: the same command in one message, and apt-get is not tried', () => {
  const decided = plan('e2e', new Set(['fc-list']), machine({ uid: 1000, sudo: true, os: { id: 'fedora', idLike: [] } }));
  expect(decided.action).toBe('stop');
  expect(decided).not.toHaveProperty('commands');
  if (decided.action !== 'stop') return;
  expect(decided.message).toContain('need Chromium and a Chinese font, not found here, and this system (fedora) is not Debian or Ubuntu');
  expect(decided.message).toContain('\n  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n');
  expect(decided.message).toContain('CHROMIUM_PATH');
  // A Debian-like system without apt-get, or one whose os-release is unreadable, is not tried either.
  expect(plan('e2e', new Set(), machine({ aptGet: false })).action).toBe('stop');
  expect(plan('e2e', new Set(), machine({ os: undefined })).action).toBe('stop');
  // A derivative that says it is like Debian is.
  expect(plan('e2e', new Set(), machine({ os: { id: 'raspbian', idLike: ['debian'] } })).action).toBe('install');
});

test('parseOsRelease: ID and ID_LIKE, quoted or not', () => {
  expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')).toEqual({ id: 'debian', idLike: [] });
  expect(parseOsRelease('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')).toEqual({ id: 'linuxmint', idLike: ['ubuntu', 'debian'] });
  expect(parseOsRelease('')).toEqual({ id: '', idLike: [] });
});
