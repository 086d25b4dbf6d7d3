/**
 * Every internal link and anchor of every built page resolves, in the build at the
 * root and in the build under /essay/: read from the files (tests/support/link-check.ts),
 * with the site's absolute URLs (canonical, og:image, JSON-LD, share URLs) mapped back
 * to its files. The checker is first shown to find each kind of broken reference.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE_BUILD, ROOT_BUILD, builtPath } from '../support/builds';
import { checkLinks } from '../support/link-check';

/** The site's home URL (SITE_URL and base path), as the build's home page names it. */
function siteHomeOf(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(canonical, `the canonical URL of ${dir}/index.html`).toBeTruthy();
  return canonical!;
}

test('the link checker finds each kind of broken reference, and accepts working ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-check-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  try {
    write(
      'index.html',
      `<!doctype html><html><head>
      <link rel="canonical" href="https://example.org/essay/"><link rel="stylesheet" href="/essay/style.css">
      <meta property="og:image" content="https://example.org/essay/og/missing.png"><meta property="og:url" content="/essay/">
      <script type="application/ld+json">{"url":"https://example.org/essay/a/","isPartOf":{"url":"https://example.org/essay/gone/"}}</script>
      </head><body><p id="here"></p>
      <a href="a/">ok</a> <a href="/essay/a/#x">ok</a> <a href="/essay/a/#x:~:text=foo">ok</a> <a href="/essay/a/#:~:text=foo">ok</a>
      <a href="/essay/a/#%E4%B8%AD">ok</a> <a href="#here">ok</a> <a href="https://other.example/x/">ok</a> <a href="mailto:a@b.c">ok</a>
      <a href="/essay/a/#nope">1</a> <a href="#elsewhere">2</a> <a href="/a/">3</a> <a href="/essay/missing/">4</a> <a href="/essay/style.css#x">5</a>
      <img src="/essay/pic.png" srcset="/essay/pic.png 1x, /essay/pic@2x.png 2x" alt="">
      <button data-share-url="https://example.org/essay/b/">6</button>
      </body></html>`,
    );
    write('a/index.html', '<!doctype html><p id="x"></p><h2 id="中"></h2>');
    write('404.html', '<!doctype html><a href="#main">ok</a><main id="main"><a href="/essay/">ok</a><a href="a/">relative, so broken at any depth</a></main>');
    write('style.css', '');
    write('pic.png', '');

    const report = checkLinks(dir, 'https://example.org/essay/');
    expect(report.problems.toSorted()).toEqual(
      [
        '404.html: <a href> a/: no file no/such/page/here/a/index.html in the build',
        'index.html: <meta og:url> /essay/: not an absolute URL',
        'index.html: <meta content> https://example.org/essay/og/missing.png: no file og/missing.png in the build',
        'index.html: JSON-LD https://example.org/essay/gone/: no file gone/index.html in the build',
        'index.html: <a href> /essay/a/#nope: no id="nope" in a/index.html',
        'index.html: <a href> #elsewhere: no id="elsewhere" in index.html',
        `index.html: <a href> /a/: outside the site's base path /essay/`,
        'index.html: <a href> /essay/missing/: no file missing/index.html in the build',
        'index.html: <a href> /essay/style.css#x: an anchor into style.css, which is not a page',
        'index.html: <img srcset> /essay/pic@2x.png: no file pic@2x.png in the build',
        'index.html: <button dataShareUrl> https://example.org/essay/b/: no file b/index.html in the build',
      ].toSorted(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const build of [ROOT_BUILD, BASE_BUILD]) {
  test(`in the build under ${build.base}, every internal link, asset, absolute URL of the site and #anchor resolves`, () => {
    const dir = builtPath(build);
    const home = siteHomeOf(dir);
    if ('site' in build) expect(home).toBe(`${build.site}${build.base}`);
    expect(new URL(home).pathname).toBe(build.base);

    const report = checkLinks(dir, home);
    expect(report.problems, report.problems.join('\n')).toEqual([]);
    // Not vacuous: the pages' navigation, contents, permalinks, assets and share URLs were all seen.
    expect(report.checked).toBeGreaterThan(100);
    expect(report.anchors).toBeGreaterThan(30);
  });
}
