import { expect, test } from 'vitest';
import { indexWords, tokenize, tokenizeWithGaps } from '../../../src/lib/search/tokens.ts';

test('cuts Chinese into single characters and keeps runs of letters or digits whole', () => {
  expect(tokenize('党建+执法+N 工作模式')).toEqual(['党', '建', '执', '法', 'N', '工', '作', '模', '式']);
});

test('reads numbers with any separator as the same tokens', () => {
  expect(tokenize('“6·21”')).toEqual(['6', '21']);
  expect(tokenize('6.21')).toEqual(['6', '21']);
  expect(tokenize('６－２１')).toEqual(['6', '21']);
});

test('turns full-width letters and digits into ASCII', () => {
  expect(tokenize('ＡＢＣ２０２４年')).toEqual(['ABC', '2024', '年']);
  expect(tokenize('G20峰会')).toEqual(['G', '20', '峰', '会']);
});

test('keeps the text between tokens so the original can be rebuilt', () => {
  const text = '本报讯（通讯员 王笛）“全体党员”，共3支代表队。';
  const { tokens, gaps } = tokenizeWithGaps(text);
  expect(tokens.map((token, index) => gaps[index] + token).join('') + gaps[tokens.length]).toBe(text);
});

test('indexes each token with the CJK character after it', () => {
  const tokens = tokenize('2024年市水务局G20，APP');
  const words = indexWords(tokens);
  expect(words).toEqual(['2024-年', '年市', '市水', '水务', '务局', '局', 'G', '20', 'APP']);
  expect(indexWords(tokenize('𠮷野家'))).toEqual(['𠮷野', '野家', '家']);
});
