/**
 * Every HTML file of both test builds (at the root and under /essay/) is valid HTML by
 * html-validate's recommended rules, as configured in .htmlvalidate.mjs (which says why
 * each of its two exceptions is there).
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { BASE_BUILD, ROOT_BUILD, builtPath } from '../support/builds';
import { expectedPages, listFiles } from '../support/built-files';
import { PROJECT_ROOT, readEssayContent } from '../support/essay-content';

const PAGES = expectedPages(readEssayContent().sections.map((section) => section.slug));
// Finds .htmlvalidate.mjs from each file's folder upwards, as the html-validate CLI does.
const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

test('the html-validate configuration is loaded and reports invalid markup', async () => {
  // A file in the project, so that the same configuration applies as to the builds.
  const probe = join(PROJECT_ROOT, 'dist-test', 'probe.html');
  const invalid = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><p><div id="a"></div><span id="a"></span></p></body></html>';
  const report = await htmlvalidate.validateString(invalid, probe);
  expect(report.valid).toBe(false);
  const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
  expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'close-order']));
});

for (const build of [ROOT_BUILD, BASE_BUILD]) {
  test(`every HTML file of the build under ${build.base} is valid (html-validate:recommended)`, async () => {
    const dir = builtPath(build);
    const files = listFiles(dir).filter((file) => file.endsWith('.html'));
    expect(files, `the HTML files of ${build.outDir}`).toEqual(expect.arrayContaining(PAGES));

    const report = await htmlvalidate.validateMultipleFiles(files.map((file) => join(dir, file)));
    expect(report.valid, formatterFactory('text')(report.results)).toBe(true);
    expect(report.errorCount).toBe(0);
  });
}
