import { expect, test } from 'vitest';
import { namePinyinTerms, segmentWords, titlePinyinTerms } from '../../../src/lib/search/pinyin-terms.ts';

test('gives a unit name its pinyin and initials, with and without the 市 prefix', () => {
  expect(namePinyinTerms('市水务局')).toEqual(['shishuiwuju', 'sswj', 'shuiwuju', 'swj', 'wuju', 'wj']);
});

test('gives a title its whole pinyin, initials and the pinyin of its words', () => {
  const terms = titlePinyinTerms('技能比武强本领', segmentWords);
  expect(terms).toEqual(expect.arrayContaining(['jinengbiwuqiangbenling', 'jnbwqbl', 'jineng', 'biwu', 'benling']));
});

test('writes ü as v, as pinyin keyboards do', () => {
  expect(namePinyinTerms('市绿化局')).toContain('lvhuaju');
});
