import { expect, test } from 'vitest';
import { holdsPhrase } from '../../../src/lib/search/phrase-check.ts';
import { lookups, parseQuery } from '../../../src/lib/search/query.ts';

/** The phrase words the search page looks up for a query's first part. */
const phraseOf = (query: string) => lookups(parseQuery(query)[0]!).phrase;

const text = '市水务局党建办开展“书记项目”观摩，6·21 专项行动于2024年第3期见报。Café 会议在 G20 期间举行。';

test('finds a phrase where its index words stand in a row, across punctuation as the index does', () => {
  expect(holdsPhrase(text, phraseOf('水务局'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('书记项目'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('"书记项目观摩"'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('6·21'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('6.21'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('2024年第3期'))).toBe(true);
  expect(holdsPhrase(text, phraseOf('cafe 会议'))).toBe(true);
});

test('does not find the words of a phrase that are all there but apart', () => {
  expect(holdsPhrase(text, phraseOf('水务项目'))).toBe(false);
  expect(holdsPhrase(text, phraseOf('党建项目'))).toBe(false);
  expect(holdsPhrase(text, phraseOf('项目书记'))).toBe(false);
  expect(holdsPhrase(text, phraseOf('6·22'))).toBe(false);
});

test('finds the parts of a number and the character after it at their place, as the index holds them', () => {
  expect(holdsPhrase('共有200人参加', phraseOf('有200人'))).toBe(true);
  expect(holdsPhrase('共有200人参加', ['200', '人参'])).toBe(true);
  expect(holdsPhrase('共有200人参加', ['200', '人'])).toBe(false);
});
