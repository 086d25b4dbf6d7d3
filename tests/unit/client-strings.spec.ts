import { runInNewContext } from 'node:vm';
import * as OpenCC from 'opencc-js';
import { expect, test } from '@playwright/test';
import { groupModule } from '../../src/site/build/client-strings';
import { fill } from '../../src/core/fill';
import { clientStrings } from '../../src/core/strings';
import { SIMPLIFIED, TRADITIONAL } from '../../src/core/editions';

/** What `import t from 'virtual:client-strings/<group>'` gives a page of this edition (`<html data-edition>`). */
function stringsOnPage(group: keyof typeof clientStrings, edition: string | undefined): unknown {
  const code = groupModule(group).replace('export default', 'result =');
  const context: { document: unknown; result?: unknown } = { document: { documentElement: { dataset: { edition } } } };
  runInNewContext(code, context);
  return context.result;
}

// The test's own converter, as the Traditional pages are checked (tests/e2e/editions.spec.ts).
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const convertAll = (value: unknown): unknown =>
  typeof value === 'string'
    ? toTraditional(value)
    : Array.isArray(value)
      ? value.map(convertAll)
      : Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, convertAll(inner)]));

test.describe('interface text compiled into the scripts', () => {
  for (const group of Object.keys(clientStrings) as Array<keyof typeof clientStrings>) {
    test(`${group}: the Simplified page gets the text of src/core/strings.ts`, () => {
      expect(stringsOnPage(group, SIMPLIFIED.id)).toEqual(clientStrings[group]);
    });

    test(`${group}: the Traditional page gets every string converted, nothing else changed`, () => {
      const traditional = stringsOnPage(group, TRADITIONAL.id);
      expect(traditional).toEqual(convertAll(clientStrings[group]));
      expect(traditional).not.toEqual(clientStrings[group]);
    });

    test(`${group}: a page without a known edition gets the Simplified text`, () => {
      expect(stringsOnPage(group, undefined)).toEqual(clientStrings[group]);
      expect(stringsOnPage(group, 'en')).toEqual(clientStrings[group]);
    });
  }
});

test.describe('fill', () => {
  test('puts each value in its slot, as often as the slot appears', () => {
    expect(fill('找到{count}处', { count: 3 })).toBe('找到3处');
    expect(fill('{a}与{b},{a}', { a: '甲', b: '乙' })).toBe('甲与乙,甲');
  });

  test('leaves a slot without a value as written, and does not read slots inside the values', () => {
    expect(fill('没有找到“{query}”。', {})).toBe('没有找到“{query}”。');
    expect(fill('找到{count}处:{query}', { query: '{count}' })).toBe('找到{count}处:{count}');
  });
});
