import { expect, test } from 'vitest';
import { fieldPathName } from '../../../src/lib/problems/field-names.ts';

test('a field is named as correspondents call it, then as it is written in the file', () => {
  expect(fieldPathName('units')).toBe('单位（units）');
  expect(fieldPathName('date')).toBe('日期（date）');
  expect(fieldPathName('aliases')).toBe('别名（aliases）');
  expect(fieldPathName('slug')).toBe('网址名（slug）');
});

test('a nested path is named by its field', () => {
  expect(fieldPathName('tags.2')).toBe('标签（tags）');
  expect(fieldPathName('aliases.0')).toBe('别名（aliases）');
});

test('a key the format does not know stays as written, even one every object has', () => {
  expect(fieldPathName('nmae')).toBe('nmae');
  expect(fieldPathName('constructor')).toBe('constructor');
});
