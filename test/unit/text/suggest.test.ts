import { expect, test } from 'vitest';
import { editDistance, suggest } from '../../../src/lib/text/suggest.ts';

test('counts one Chinese character as one edit', () => {
  expect(editDistance('市水务局', '市税务局')).toBe(1);
});

test('suggests a name that contains what was written', () => {
  expect(suggest('水务', ['市水务局', '市审计局'])).toEqual(['市水务局']);
});

test('suggests a close spelling of a field name', () => {
  expect(suggest('titel', ['title', 'tags', 'date'])).toEqual(['title']);
});

test('suggests nothing for something unlike every candidate', () => {
  expect(suggest('市交通运输局', ['市水务局', '市审计局'])).toEqual([]);
});
