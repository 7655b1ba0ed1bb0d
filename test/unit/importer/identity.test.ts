import { describe, expect, test } from 'vitest';
import { samePlaceImport, type PreviousImport } from '../../../src/lib/importer/identity.ts';

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
