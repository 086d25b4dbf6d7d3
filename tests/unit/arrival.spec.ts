/**
 * Reading where a link lands (src/essay/client/arrival.ts), as WeChat delivers it: its own
 * parameters in the query or after the `#`, with or without a search highlight.
 */
import { expect, test } from '@playwright/test';
import { parseArrival } from '../../src/essay/client/arrival';

test('a plain anchor, and WeChat parameters in the query, name the block as they are', () => {
  expect(parseArrival('#facing-ai-4', '')).toEqual({ id: 'facing-ai-4', highlight: null, dirty: false });
  expect(parseArrival('#facing-ai-4', '?from=singlemessage&isappinstalled=0')).toEqual({ id: 'facing-ai-4', highlight: null, dirty: false });
});

test('WeChat parameters after the # are cut off the id, after & or ?', () => {
  expect(parseArrival('#facing-ai-4&from=singlemessage', '')).toEqual({ id: 'facing-ai-4', highlight: null, dirty: true });
  expect(parseArrival('#facing-ai-4?from=singlemessage&isappinstalled=0', '')).toEqual({ id: 'facing-ai-4', highlight: null, dirty: true });
  expect(parseArrival('#facing-ai-4&from=timeline&isappinstalled=0', '?from=groupmessage').id).toBe('facing-ai-4');
});

test('the search highlight is read from the query or from such a tail; other parameters never', () => {
  expect(parseArrival('#facing-ai-4', '?hl=%E8%BD%AF&from=singlemessage').highlight).toBe('\u8F6F');
  expect(parseArrival('#facing-ai-4&hl=%E8%BD%AF&from=singlemessage', '').highlight).toBe('\u8F6F');
  expect(parseArrival('#facing-ai-4?from=singlemessage', '?q=x').highlight).toBeNull();
});

test('a text directive left in the fragment (a browser without text fragments) is cut off too', () => {
  expect(parseArrival('#facing-ai-6:~:text=%E6%A1%86%E6%9E%B6&from=singlemessage', '')).toEqual({ id: 'facing-ai-6', highlight: null, dirty: true });
});

test('an escaped id is decoded; a malformed escape names nothing', () => {
  expect(parseArrival('#lede-1', '').id).toBe('lede-1');
  expect(parseArrival('#%E4%B8', '').id).toBe('');
  expect(parseArrival('', '').id).toBe('');
});
