import { expect, test } from 'vitest';
import { markdownToText } from '../../../src/lib/text/plain-text.ts';

test('gives one line per block without markup', () => {
  expect(markdownToText('## 小标题\n\n第一段**加粗**，[链接](https://x.cn)。\n\n- 列表一\n- 列表二')).toBe(
    '小标题\n第一段加粗，链接。\n列表一\n列表二',
  );
});

test('keeps picture descriptions and reads HTML as a browser shows it', () => {
  expect(markdownToText('![审计人员在现场](a.jpg)\n\n<div class="x">说明<b>文字</b></div>')).toBe('审计人员在现场\n说明文字');
});

test('leaves out scripts and styles and reads entities in raw HTML, and keeps text that only looks like a tag', () => {
  expect(markdownToText('<p>党建&amp;业务<script>alert(1)</script><style>p{}</style></p>')).toBe('党建&业务');
  expect(markdownToText('写作 a &lt;b&gt; c 与<span>行内</span>标签')).toBe('写作 a <b> c 与行内标签');
  expect(markdownToText('正文<script>alert(1)</script>第一段。')).toBe('正文第一段。');
});
