import { expect, test } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { rehypeCurrentHtml } from '../../../src/plugins/rehype-current-html.ts';
import { articleSanitizeSchema } from '../../../src/plugins/sanitize-schema.ts';

const render = async (markdown: string) =>
  (
    await (
      await createMarkdownProcessor({ rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema], rehypeCurrentHtml] })
    ).render(markdown)
  ).code;

test("a Markdown table's column alignment becomes a class, not the obsolete align", async () => {
  const html = await render('| 项目 | 2024年 |\n| --- | ---: |\n| 谈话提醒 | 18 人次 |');
  expect(html).toContain('<th class="align-right">2024年</th>');
  expect(html).toContain('<td class="align-right">18 人次</td>');
  expect(html).not.toContain('align=');
});

test("Word's centred paragraph keeps its alignment as a class", async () => {
  expect(await render('<p align="center">附件</p>')).toBe('<p class="align-center">附件</p>');
});

test('pasted presentational attributes are dropped; a picture keeps its own size', async () => {
  const html = await render(
    '<table border="1" cellpadding="3" width="600"><tr><td width="30" valign="top" bgcolor="#fff">甲</td></tr></table>\n\n<img src="/a.jpg" width="300" height="200" alt="图">',
  );
  expect(html).toContain('<table><tbody><tr><td>甲</td></tr></tbody></table>');
  expect(html).toContain('<img src="/a.jpg" width="300" height="200" alt="图">');
});

test('a picture the sanitiser left without an address gives way to its description; one without a description gets an empty one', async () => {
  const html = await render(
    '<img src="data:image/png;base64,AAAA" alt="现场" onerror="alert(4)">前<img src="data:,">中<img src="/b.jpg">后',
  );
  expect(html).not.toMatch(/<img(?![^>]*src=)/);
  expect(html).toContain('现场前中<img src="/b.jpg" alt="">后');
});
