import { expect, test } from 'vitest';
import { loadTraditionalTable } from '../../../src/lib/search/opencc-table.ts';
import { decodeBitmap, encodeBitmap, toSimplified } from '../../../src/lib/search/traditional.ts';

const table = loadTraditionalTable();

test('turns traditional characters into simplified ones', () => {
  expect(toSimplified('消防培訓', table)).toBe('消防培训');
  expect(toSimplified('黨建動態', table)).toBe('党建动态');
});

test('brings Taiwan and Hong Kong variant forms to simplified too', () => {
  expect(toSimplified('裡', table)).toBe('里');
});

test('leaves simplified text and other characters alone', () => {
  expect(toSimplified('技能比武 6·21 abc', table)).toBe('技能比武 6·21 abc');
});

test('tells from a small bitmap which characters have a simplified form', () => {
  const encoded = encodeBitmap(Object.keys(table));
  const hasSimplified = decodeBitmap(encoded);
  expect(hasSimplified('訓')).toBe(true);
  expect(hasSimplified('训')).toBe(false);
  expect(hasSimplified('a')).toBe(false);
  expect(encoded.length).toBeLessThan(4000);
});
