import { expect, test } from 'vitest';
import { summarise } from '../../../src/lib/text/summary.ts';

test('takes the first prose paragraph, skipping headings and images', () => {
  expect(summarise('## 标题\n\n![图](a.jpg)\n\n本报讯（通讯员 王笛）近日，[某单位](https://x.cn)开展活动。\n\n第二段。')).toBe(
    '本报讯（通讯员 王笛）近日，某单位开展活动。',
  );
});

test('joins a paragraph wrapped over several lines without spaces', () => {
  expect(summarise('第一行\n第二行。')).toBe('第一行第二行。');
});

test('cuts a long paragraph at a sentence end', () => {
  const long = `${'甲'.repeat(70)}。${'乙'.repeat(100)}。`;
  expect(summarise(long)).toBe(`${'甲'.repeat(70)}。`);
});

test('cuts a long paragraph without sentence ends with an ellipsis', () => {
  expect(summarise('丙'.repeat(200))).toBe(`${'丙'.repeat(120)}……`);
});

test('gives an empty summary for an empty body', () => {
  expect(summarise('')).toBe('');
});
