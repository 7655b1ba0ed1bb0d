import { expect, test } from 'vitest';
import { fieldLabel } from '../../../src/lib/content/field-names.ts';

test('names an article’s field as correspondents know it, with the key written in the file', () => {
  expect(fieldLabel('articles/2024/12/残联.md', 'units')).toBe('单位（units）');
  expect(fieldLabel('articles/2024/12/残联.md', 'date')).toBe('日期（date）');
});

test('names a list item’s field by the list', () => {
  expect(fieldLabel('articles/2024/12/残联.md', 'tags.2')).toBe('标签（tags）');
});

test('names a registry’s fields by the registry’s names, not the articles’', () => {
  expect(fieldLabel('units.yaml', 'aliases')).toBe('别名（aliases）');
  expect(fieldLabel('units.yaml', 'slug')).toBe('网址名（slug）');
});

test('leaves a key the contract does not know as it was written', () => {
  expect(fieldLabel('articles/x.md', 'nmae')).toBe('nmae');
  expect(fieldLabel('articles/x.md', 'constructor')).toBe('constructor');
});
