import { describe, expect, test } from 'vitest';
import { cjkCharacters, pagefindTerms, parseQuery, scoringTerm } from '../../../src/lib/search/query.ts';

describe('parseQuery', () => {
  test('makes a Chinese word one exact phrase of characters', () => {
    expect(parseQuery('水务局')).toEqual([{ tokens: ['水', '务', '局'], exact: true }]);
  });

  test('requires each word a space separates', () => {
    expect(parseQuery('水务局  抗旱').map((part) => part.tokens.join(''))).toEqual(['水务局', '抗旱']);
  });

  test('treats a full-width space and Chinese punctuation as separators', () => {
    expect(parseQuery('水务局\u3000抗旱，灌区').map((part) => part.tokens.join(''))).toEqual(['水务局', '抗旱', '灌区']);
  });

  test('keeps a quoted phrase whole, with any kind of quotes', () => {
    expect(parseQuery('“两说 一联”')).toEqual([{ tokens: ['两', '说', '一', '联'], exact: true }]);
    expect(parseQuery('"党建 引领" 水务')).toHaveLength(2);
  });

  test('reads an unclosed quote to the end of the query', () => {
    expect(parseQuery('"书记项目')).toEqual([{ tokens: ['书', '记', '项', '目'], exact: true }]);
  });

  test('reads 6·21, 6.21 and full-width ６·２１ alike', () => {
    const expected = [{ tokens: ['6', '21'], exact: true }];
    expect(parseQuery('6·21')).toEqual(expected);
    expect(parseQuery('6.21')).toEqual(expected);
    expect(parseQuery('６·２１')).toEqual(expected);
  });

  test('lets letters-only words match as prefixes, in lower case', () => {
    expect(parseQuery('ShuiWuJu swj')).toEqual([
      { tokens: ['shuiwuju'], exact: false },
      { tokens: ['swj'], exact: false },
    ]);
  });

  test('finds nothing to search in punctuation and spaces', () => {
    expect(parseQuery(' 。，“” ')).toEqual([]);
  });

  test('drops a repeated word', () => {
    expect(parseQuery('水务 水务')).toHaveLength(1);
  });
});

test('looks a phrase up by its index words, the last character held by the pair before it', () => {
  const [phrase, word] = parseQuery('11月22日 jineng');
  expect(pagefindTerms(phrase!)).toEqual(['"11月 月 22日"']);
  expect(pagefindTerms(word!)).toEqual(['jineng']);
  expect(scoringTerm(parseQuery('11月22日 jineng'))).toBe('11月 月 22日 jineng');
  expect(pagefindTerms(parseQuery('市水务局')[0]!)).toEqual(['"市水 水务 务局"']);
});

test('looks a lone character up as a word beginning, since the index pairs it with what follows', () => {
  expect(pagefindTerms(parseQuery('党')[0]!)).toEqual(['党']);
  expect(scoringTerm(parseQuery('党 水务'))).toBe('党 水务');
});

test('looks numbers up whole: the index also holds a number followed by a character on its own', () => {
  expect(pagefindTerms(parseQuery('2024')[0]!)).toEqual(['"2024"']);
  expect(pagefindTerms(parseQuery('6·21')[0]!)).toEqual(['"6 21"']);
  expect(pagefindTerms(parseQuery('58.6万亩')[0]!)).toEqual(['"58 6万 万亩"']);
  // A one-digit last token may be paired in the index (第3-期), so it is found as a beginning.
  expect(pagefindTerms(parseQuery('第3')[0]!)).toEqual(['"第"', '3']);
});

test('lists the CJK characters of a query', () => {
  expect(cjkCharacters('消防培訓 2024 abc')).toEqual(['消', '防', '培', '訓']);
});
