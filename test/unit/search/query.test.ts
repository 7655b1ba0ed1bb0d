import { describe, expect, test } from 'vitest';
import { cjkCharacters, pagefindTerm, parseQuery, scoringTerm } from '../../../src/lib/search/query.ts';

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

test('quotes exact parts for Pagefind and leaves prefix words bare', () => {
  const [phrase, word] = parseQuery('11月22日 jineng');
  expect(pagefindTerm(phrase!)).toBe('"11 月 22 日"');
  expect(pagefindTerm(word!)).toBe('jineng');
  expect(scoringTerm(parseQuery('11月22日 jineng'))).toBe('11 月 22 日 jineng');
});

test('lists the CJK characters of a query', () => {
  expect(cjkCharacters('消防培訓 2024 abc')).toEqual(['消', '防', '培', '訓']);
});
