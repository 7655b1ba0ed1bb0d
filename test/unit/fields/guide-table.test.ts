import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { guideTable, withGuideTable } from '../../../src/lib/fields/guide-table.ts';
import { articleFields } from '../../../src/lib/fields/article-fields.ts';

const guide = readFileSync(new URL('../../../kit/投稿指南.md', import.meta.url), 'utf8');

test('kit/投稿指南.md lists the fields as they are defined (npm run guide writes the table)', () => {
  expect(withGuideTable(guide)).toBe(guide);
});

test('the table has a row for each field, in the contract’s order, naming the required ones', () => {
  const rows = guideTable().split('\n').slice(2);
  expect(rows.map((row) => row.split(' | ')[0]!.slice(2))).toEqual(Object.keys(articleFields));
  expect(rows.filter((row) => row.includes('| 是 |')).map((row) => row.split(' | ')[1])).toEqual(['标题', '日期', '栏目', '单位', '署名']);
});

test('a guide without the table’s markers is left alone', () => {
  expect(withGuideTable('# 投稿指南\n')).toBeUndefined();
});
