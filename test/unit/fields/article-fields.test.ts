import { describe, expect, test, vi } from 'vitest';
import { parseArticle } from '../../../src/lib/content/articles.ts';
import { articleFieldInfo, articleKeys } from '../../../src/lib/content/schema.ts';
import { frontmatterText } from '../../../src/lib/content/frontmatter-text.ts';
import { guideTable } from '../../../src/lib/fields/guide-table.ts';
import { fieldName } from '../../../src/lib/problems/field-names.ts';
import { formatProblem } from '../../../src/lib/problems/problems.ts';
import { fixtureRegistry } from '../helpers.ts';

// A field added to the one table, as an editor of the site would add it: every module below sees it.
vi.mock('../../../src/lib/fields/article-fields.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/lib/fields/article-fields.ts')>();
  const photographer = { name: '摄影', kind: 'text', required: false, max: 20, example: '王笛', hint: '照片的作者' } as const;
  return { ...original, articleFields: { ...original.articleFields, photographer } };
});

const registry = fixtureRegistry();
const front = 'title: 技能比武强本领\ndate: 2024-11-22\ncolumn: 党建动态\nunits: [水务局]\nbyline: 通讯员 加雅文';
const read = (extra: string) =>
  parseArticle(
    'articles/2024/11/test.md',
    new TextEncoder().encode(`---\n${front}\n${extra}\n---\n\n本报讯（通讯员 加雅文）11月22日，市水务局组织开展技能大比武活动。\n`),
    registry,
  );

describe('a field added in one place', () => {
  test('is a key check knows, and reaches the article', () => {
    expect(articleKeys).toContain('photographer');
    const { article, problems } = read('photographer: 王笛');
    expect(problems).toEqual([]);
    expect((article as Record<string, unknown> | undefined)?.['photographer']).toBe('王笛');
  });

  test('is checked by the rule of its kind and named in Chinese, with its example', () => {
    const [tooLong] = read(`photographer: ${'王'.repeat(21)}`).problems;
    expect(tooLong).toMatchObject({ code: 'TooLong', field: 'photographer', line: 7 });
    expect(formatProblem(tooLong!)).toContain('摄影（photographer）太长');
    const [wrong] = read('photographer:\n  who: 王笛').problems;
    expect(wrong).toMatchObject({ code: 'WrongType', field: 'photographer' });
    expect(wrong!.hint).toContain('photographer: 王笛');
    expect(articleFieldInfo['photographer']).toEqual({ expected: '文字', example: 'photographer: 王笛' });
    expect(fieldName('photographer')).toBe('摄影（photographer）');
  });

  test('has its YAML traps told like any text field', () => {
    expect(read('photographer: "#王笛"').problems).toEqual([]);
    expect(read('photographer: #王笛').problems.map((problem) => problem.code)).toContain('ValueIsComment');
  });

  test('is written by new and the importer, in the table’s order, and listed in the guide', () => {
    const text = frontmatterText({
      title: '标题',
      date: '2024-11-22',
      column: '党建动态',
      units: ['市水务局'],
      byline: '通讯员 王笛',
      photographer: '王笛',
    } as never);
    expect(text.split('\n').at(-2)).toBe('photographer: 王笛');
    expect(guideTable().split('\n').at(-1)).toBe('| photographer | 摄影 | | 照片的作者 |');
  });
});
