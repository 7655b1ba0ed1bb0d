import { expect, test } from 'vitest';
import { findMatches, makeExcerpt } from '../../../src/lib/search/excerpt.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';
import { tokenizeWithGaps } from '../../../src/lib/search/tokens.ts';

const excerpt = (text: string, query: string, size?: number) => {
  const { tokens, gaps } = tokenizeWithGaps(text);
  return makeExcerpt(tokens, gaps, parseQuery(query), size)
    .map((piece) => (piece.mark ? `[${piece.text}]` : piece.text))
    .join('');
};

test('finds a phrase only where its characters stand together', () => {
  const { tokens } = tokenizeWithGaps('水务工作由市局负责，市水务局牵头');
  expect(findMatches(tokens, parseQuery('水务局'))).toEqual([[10, 13]]);
});

test('marks the matched phrase with its punctuation kept', () => {
  expect(excerpt('银川“6·21”特别重大燃气爆炸事故。', '6.21')).toBe('银川“[6]·[21]”特别重大燃气爆炸事故。');
});

test('centres a long text on the densest cluster of matches', () => {
  const text = `${'前文。'.repeat(40)}市水务局推进抗旱服务，水务局党组书记说。${'后文。'.repeat(40)}`;
  const result = excerpt(text, '水务局', 40);
  expect(result.startsWith('……')).toBe(true);
  expect(result).toContain('市[水务局]推进抗旱服务，[水务局]');
  expect(result.endsWith('……')).toBe(true);
});

test('shows the start of the text when nothing in it matched', () => {
  expect(excerpt('第一句。第二句。', '标题里的词', 20)).toBe('第一句。第二句。');
});

test('marks a pinyin prefix in Latin text', () => {
  expect(excerpt('The Party building work', 'bui')).toBe('The Party [building] work');
});

test('joins paragraphs as running text: Chinese without a space, words of letters with one', () => {
  expect(excerpt('得到上级和群众的一致好评。\n实施一批项目，打造一批党建品牌。', '好评')).toBe(
    '得到上级和群众的一致[好评]。实施一批项目，打造一批党建品牌。',
  );
  expect(excerpt('推动机关党建\n“书记项目”落地', '党建')).toBe('推动机关[党建]“书记项目”落地');
  expect(excerpt('参加 Python\ntraining 课程', 'Python')).toBe('参加 [Python] training 课程');
  expect(excerpt('学习 Python.\nNext 课程', 'Python')).toBe('学习 [Python]. Next 课程');
  expect(excerpt('参加\nPython 课程', '参加')).toBe('[参加] Python 课程');
  // A space the text itself has stays: 通讯员 王笛.
  expect(excerpt('本报讯（通讯员 王笛）近日', '王笛')).toBe('本报讯（通讯员 [王笛]）近日');
});
