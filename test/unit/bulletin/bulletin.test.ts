import { describe, expect, test } from 'vitest';
import { readArticles } from '../../../src/lib/content/articles.ts';
import {
  buildBulletin,
  columnNeighbours,
  issuePages,
  monthsOfYear,
  relatedByUnits,
  unitsByCategory,
} from '../../../src/lib/bulletin/bulletin.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();
const published = readArticles(fixtureDir, registry).articles.filter((article) => !article.draft);
const bulletin = buildBulletin(registry, published);
const bySlug = (slug: string) => bulletin.bySlug.get(slug)!;

describe('buildBulletin', () => {
  test('lists articles newest first', () => {
    const dates = bulletin.articles.map((article) => article.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('lists an article under each of its units', () => {
    const feature = bySlug('shen-ji-ju-shu-ji-xiang-mu');
    expect(bulletin.byUnit.get('shuiwuju')).toContain(feature);
    expect(bulletin.byUnit.get('shi-shen-ji-ju')).toEqual([feature]);
  });

  test('gives every registry unit a listing, even an empty one', () => {
    expect(bulletin.byUnit.get('linyeju')).toEqual([]);
  });

  test('orders an issue by page, then place on the page', () => {
    const issue = bulletin.issues.find((entry) => entry.number === 12)!;
    expect(issue.articles.map((article) => article.slug)).toEqual(['shen-ji-ju-shu-ji-xiang-mu', 'canlian-zhucan']);
    expect(issuePages(issue).map((group) => group.page)).toEqual([1, 2]);
    expect(issue.date).toBe('2024-12-20');
  });

  test('lists issues newest first', () => {
    expect(bulletin.issues.map((issue) => issue.number)).toEqual([12, 2, 1]);
  });

  test('groups by year and month, newest first', () => {
    expect([...bulletin.byYear.keys()]).toEqual(['2024', '2023']);
    expect(monthsOfYear(bulletin, '2024')[0]).toEqual({ yearMonth: '2024-12', count: 3 });
  });
});

test('finds the previous (older) and next (newer) article in the same column', () => {
  const list = bulletin.byColumn.get('dongtai')!;
  const { previous, next } = columnNeighbours(bulletin, list[1]!);
  expect(next).toBe(list[0]);
  expect(previous).toBe(list[2]);
  expect(columnNeighbours(bulletin, list[0]!).next).toBeUndefined();
});

test('finds neighbours of a copy of an article, as pages receive them', () => {
  const list = bulletin.byColumn.get('dongtai')!;
  expect(columnNeighbours(bulletin, structuredClone(list[1]!)).next).toBe(list[0]);
  expect(relatedByUnits(bulletin, structuredClone(list[1]!)).map((article) => article.slug)).not.toContain(list[1]!.slug);
});

test('puts articles sharing most units first among related ones', () => {
  const related = relatedByUnits(bulletin, bySlug('canlian-zhucan'));
  expect(related[0]?.slug).toBe('shen-ji-ju-shu-ji-xiang-mu');
  expect(related).not.toContain(bySlug('canlian-zhucan'));
  expect(related.length).toBe(6);
});

test('groups units by category with their counts', () => {
  const groups = unitsByCategory(bulletin);
  expect(groups.map((group) => group.category)).toEqual(['政府部门', '群团组织', '党委机关']);
  expect(groups[0]?.units[0]).toMatchObject({ unit: { slug: 'shuiwuju' }, count: 25 });
});
