import { expect, test } from 'vitest';
import { markdownToText } from '../../../src/lib/text/plain-text.ts';

test('gives one line per block without markup', () => {
  expect(markdownToText('## 小标题\n\n第一段**加粗**，[链接](https://x.cn)。\n\n- 列表一\n- 列表二')).toBe('小标题\n第一段加粗，链接。\n列表一\n列表二');
});

test('keeps picture descriptions and drops HTML tags', () => {
  expect(markdownToText('![审计人员在现场](a.jpg)\n\n<div class="x">说明<b>文字</b></div>')).toBe('审计人员在现场\n说明 文字');
});
