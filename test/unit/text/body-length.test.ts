import { expect, test } from 'vitest';
import { shortBodyLength } from '../../../src/lib/text/body-length.ts';

test('counts nothing but the 本报讯 lead that npm run new writes', () => {
  expect(shortBodyLength('本报讯（通讯员 李华）\n', 10)).toBe(0);
  expect(shortBodyLength('【本报讯】（记者 高乐）', 10)).toBe(0);
});

test('counts characters, letters and digits beyond the lead, not punctuation', () => {
  expect(shortBodyLength('本报讯（通讯员 李华）11月22日，市水务……', 10)).toBe(9);
});

test('takes a sentence as a body', () => {
  expect(shortBodyLength('本报讯（通讯员 李华）近日，市水务局组织开展主题党日活动。', 10)).toBeUndefined();
});

test('never counts a picture’s address or HTML tags, and counts its description', () => {
  expect(shortBodyLength('![](https://mmbiz.qpic.cn/mmbiz_jpg/abcdefghijklmnopqrstuvwxyz/640?wx_fmt=jpeg)', 10)).toBe(0);
  expect(shortBodyLength('<p class="MsoNormal"><span style="font-family:宋体">近日</span></p>', 10)).toBe(2);
  expect(shortBodyLength('![图为市水务局党员志愿者在社区植树](../../../images/2024/11/a.jpg)', 10)).toBeUndefined();
});

test('reads a short body as Markdown, not as its source', () => {
  expect(shortBodyLength('[1]: https://example.cn/a-very-long-address-that-is-no-text', 10)).toBe(0);
});
