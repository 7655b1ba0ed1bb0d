import { expect, test } from 'vitest';
import { bylineNames, parseByline } from '../../../src/lib/text/byline.ts';

test('reads a reporter byline', () => {
  expect(parseByline('记者 高乐')).toEqual([{ role: '记者', names: ['高乐'] }]);
});

test('reads several names after one role', () => {
  expect(parseByline('通讯员 王登香 李明')).toEqual([{ role: '通讯员', names: ['王登香', '李明'] }]);
});

test('reads several roles in one byline', () => {
  const groups = parseByline('记者 高乐 通讯员 王笛、李明');
  expect(groups).toEqual([
    { role: '记者', names: ['高乐'] },
    { role: '通讯员', names: ['王笛', '李明'] },
  ]);
  expect(bylineNames(groups)).toEqual(['高乐', '王笛', '李明']);
});

test('accepts full-width spaces between role and name', () => {
  expect(parseByline('通讯员\u3000加雅文')).toEqual([{ role: '通讯员', names: ['加雅文'] }]);
});

test('keeps an unknown leading role rather than losing it', () => {
  expect(parseByline('本刊特约撰稿人 张三')).toEqual([{ role: '本刊特约撰稿人', names: ['张三'] }]);
});

test('reads a lone name as a name without a role', () => {
  expect(parseByline('王笛')).toEqual([{ role: '', names: ['王笛'] }]);
});

test('finds no names in a byline that is only a role', () => {
  expect(bylineNames(parseByline('通讯员'))).toEqual([]);
});
