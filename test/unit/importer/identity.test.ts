import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { samePlaceImport, type PreviousImport } from '../../../src/lib/importer/identity.ts';
import { importPage } from '../../../src/lib/importer/import-page.ts';
import { writeImported } from '../../../src/lib/importer/write.ts';
import { fixtureRegistry } from '../helpers.ts';

const page = { file: '第3版.txt', issue: 47, page: 3 };
const bodies: Record<string, string> = {
  'a.md': '本报讯（通讯员 王笛）近日，市水务局全体党员来到革命旧址，重温入党誓词，接受红色教育。',
  'b.md': '本报讯（通讯员 李明）近日，市审计局组织党员干部集中学习，交流学习体会。',
};
const previous: PreviousImport[] = [
  { path: 'a.md', key: '2024-11-26|水务局开展主题党日', from: { ...page, order: 1 } },
  { path: 'b.md', key: '2024-11-26|审计局组织集中学习', from: { ...page, order: 2 } },
];
const find = (source: typeof page & { order: number }, body: string, taken = new Set<string>(), date = '2024-11-26') =>
  samePlaceImport(date, source, body, previous, taken, (path) => bodies[path]);

describe('knowing an article again under a new title', () => {
  test('by its body, wherever it moved on the same page', () => {
    expect(find({ ...page, order: 1 }, bodies['b.md']!)).toEqual({ path: 'b.md', previousTitle: '审计局组织集中学习', similarity: 1 });
  });

  test('not by its place alone: a new article where another stood is a new article', () => {
    expect(find({ ...page, order: 1 }, '本报讯（通讯员 林草）今年以来，市林业局完成营造林58.6万亩，超额完成年度任务。')).toBeUndefined();
  });

  test('only from the same page file, date, issue and page, and never one already taken', () => {
    expect(find({ ...page, page: 4, order: 1 }, bodies['a.md']!)).toBeUndefined();
    expect(find({ ...page, file: '第3版（改）.txt', order: 1 }, bodies['a.md']!)).toBeUndefined();
    expect(find({ ...page, order: 1 }, bodies['a.md']!, new Set(), '2024-12-03')).toBeUndefined();
    expect(find({ ...page, order: 1 }, bodies['a.md']!, new Set(['a.md']))).toBeUndefined();
  });

  test('with small corrections to the body too', () => {
    const corrected = bodies['a.md']!.replace('接受红色教育', '接受了一次深刻的红色教育');
    expect(find({ ...page, order: 1 }, corrected)?.path).toBe('a.md');
  });
});

test('briefs printed without a title each keep their own file, import after import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untitled-'));
  const text = [
    '警示教育防风险',
    '本报讯（通讯员 王笛）近日，市审计局组织党员干部开展警示教育活动。',
    '本报讯（通讯员 李明）近日，市林业局完成冬季造林任务，共植树3000株。',
    '本报讯（通讯员 张华）近日，市水务局开展冬季供水保障工作，群众温暖过冬。',
  ].join('\n\n');
  const { articles } = importPage(text, fixtureRegistry(), { date: '2024-12-10', column: '党建动态' });
  expect(articles.map((article) => article.title)).toEqual(['警示教育防风险', '', '']);
  const first = writeImported(dir, articles, { source: 'page.txt' });
  expect(new Set(first.map((result) => result.path)).size).toBe(3);
  const second = writeImported(dir, articles, { source: 'page.txt' });
  expect(second.map((result) => [result.path, result.outcome])).toEqual(first.map((result) => [result.path, 'unchanged']));
});
