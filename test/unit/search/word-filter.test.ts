import { expect, test } from 'vitest';
import { makeWordFilter, wordFilterHas } from '../../../src/lib/search/word-filter.ts';

test('never misses a word of the set, and seldom takes another for one', () => {
  const words = Array.from({ length: 5000 }, (_, index) => `词${index}党建${String.fromCodePoint(0x4e00 + index)}`);
  const has = wordFilterHas(JSON.parse(JSON.stringify(makeWordFilter(words))));
  expect(words.every(has)).toBe(true);
  const others = Array.from({ length: 5000 }, (_, index) => `另${index}${String.fromCodePoint(0x5e00 + index)}`);
  expect(others.filter(has).length).toBeLessThan(100);
});

test('holds nothing when made of nothing', () => {
  expect(wordFilterHas(makeWordFilter([]))('党建')).toBe(false);
});
