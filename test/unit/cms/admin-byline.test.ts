import { expect, test } from 'vitest';
import { bylineText } from '../../../src/scripts/admin-byline.ts';
import { parseByline } from '../../../src/lib/text/byline.ts';

test('the form’s 署名 rows make the one line the contract asks for, read back as the same groups', () => {
  const text = bylineText([
    { role: '记者', names: '高乐 ' },
    { role: '通讯员', names: '王笛、李明' },
  ]);
  expect(text).toBe('记者 高乐 通讯员 王笛 李明');
  expect(parseByline(text)).toEqual([
    { role: '记者', names: ['高乐'] },
    { role: '通讯员', names: ['王笛', '李明'] },
  ]);
});

test('a row without names is left out, so an unfinished row never saves a role alone', () => {
  expect(
    bylineText([
      { role: '通讯员', names: '王笛' },
      { role: '记者', names: '  ' },
    ]),
  ).toBe('通讯员 王笛');
  expect(bylineText([{ role: '通讯员', names: '' }])).toBe('');
});

test('names typed or pasted with their role are read as written, not given the chosen role again', () => {
  expect(bylineText([{ role: '通讯员', names: '通讯员 加雅文' }])).toBe('通讯员 加雅文');
  expect(bylineText([{ role: '通讯员', names: '记者 高乐 通讯员 李明' }])).toBe('记者 高乐 通讯员 李明');
  expect(bylineText([{ role: '记者', names: '高乐 王笛' }])).toBe('记者 高乐 王笛');
});
