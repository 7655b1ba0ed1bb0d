import { expect, test } from 'vitest';
import { pageSize, paginate } from '../../../src/lib/bulletin/paginate.ts';

const items = (count: number) => Array.from({ length: count }, (_, index) => index);

test('splits listings at 20 a page', () => {
  const pages = paginate(items(45), '/units/x/');
  expect(pageSize).toBe(20);
  expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
  // A numbered list on page 3 goes on from 41.
  expect(pages.map((page) => page.first)).toEqual([1, 21, 41]);
});

test('numbers page URLs from the second page on', () => {
  const pages = paginate(items(21), '/units/x/');
  expect(pages.map((page) => page.url)).toEqual(['/units/x/', '/units/x/2/']);
  expect(pages[0]).toMatchObject({ number: 1, total: 2, nextUrl: '/units/x/2/' });
  expect(pages[0]?.prevUrl).toBeUndefined();
  expect(pages[1]).toMatchObject({ number: 2, prevUrl: '/units/x/' });
  expect(pages[1]?.nextUrl).toBeUndefined();
});

test('keeps exactly 20 items on one page', () => {
  expect(paginate(items(20), '/c/').length).toBe(1);
});

test('gives an empty listing one empty page', () => {
  expect(paginate([], '/c/')).toEqual([{ items: [], number: 1, first: 1, total: 1, url: '/c/' }]);
});
