import { expect, test } from 'vitest';
import { closestMatches, closestWords, wantsClosest, type WordHits } from '../../../src/lib/search/closest.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';

test('looks up a run of Chinese by each pair of its characters, once', () => {
  expect(closestWords(parseQuery('张思得')[0]!)).toEqual(['张思', '思得']);
  expect(closestWords(parseQuery('党建党建')[0]!)).toEqual(['党建', '建党']);
});

test('falls back only for one run of three or more Chinese characters', () => {
  expect(wantsClosest(parseQuery('社区党员走访困难老人'))).toBe(true);
  expect(wantsClosest(parseQuery('党员'))).toBe(false);
  expect(wantsClosest(parseQuery('水务局 书记项目'))).toBe(false);
  expect(wantsClosest(parseQuery('shuiwuju'))).toBe(false);
});

const hits = (word: string, ...pages: [id: string, score: number][]): WordHits => ({
  word,
  hits: pages.map(([id, score]) => ({ id, score })),
});

test('ranks by the summed scores of the pairs a page holds, times the share it holds', () => {
  const words = [
    hits('社区', ['a', 1], ['b', 1], ['c', 1]),
    hits('走访', ['a', 2], ['b', 2]),
    hits('困难', ['a', 2]),
    hits('老人', ['b', 3]),
  ];
  // a: (1 + 2 + 2) × (0.5 + 3/4) = 6.25; b: (1 + 2 + 3) × (0.5 + 3/4) = 7.5; c holds one of four, under two fifths.
  expect(closestMatches(words)).toEqual(['b', 'a']);
});

test('a rare pair (a name) outweighs several common ones', () => {
  // Pagefind's score for one word already weighs its rarity: a name found in one page scores high.
  const words = [hits('张思', ['article', 9]), hits('思得'), hits('得为', ['other', 1]), hits('为民', ['other', 1], ['article', 0.5])];
  expect(closestMatches(words)[0]).toBe('article');
});

test('keeps a page that holds one of two pairs: a name with one character wrong', () => {
  expect(closestMatches([hits('加雅', ['jineng-biwu', 5]), hits('雅雯')])).toEqual(['jineng-biwu']);
});

test('leaves out pages that hold too little of a long query, and breaks ties by id', () => {
  const words = ['干粉', '粉灭', '灭火', '火器', '器怎', '怎么', '么用', '用培', '培训'].map((word) => hits(word, ['common', 1]));
  words[0] = hits('干粉', ['common', 1], ['x', 1]);
  expect(closestMatches(words)).toEqual(['common']);
  expect(closestMatches([hits('甲乙', ['b', 1], ['a', 1])])).toEqual(['a', 'b']);
});
