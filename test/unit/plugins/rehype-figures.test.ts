import { expect, test } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypeFigures } from '../../../src/plugins/rehype-figures.ts';

const render = async (markdown: string) =>
  (await (await createMarkdownProcessor({ rehypePlugins: [rehypeFigures] })).render(markdown)).code;

test('a picture on its own line becomes a figure captioned with its title', async () => {
  expect(await render('![现场](https://example.cn/a.jpg "技能比武现场")')).toContain('<figcaption>技能比武现场</figcaption></figure>');
});

test('without a title, the description is the caption', async () => {
  expect(await render('![审计人员在现场](https://example.cn/a.jpg)')).toMatch(
    /<figure><img[^>]*><figcaption>审计人员在现场<\/figcaption><\/figure>/,
  );
});

test('a picture inside a sentence stays in its paragraph', async () => {
  expect(await render('文字![图](https://example.cn/a.jpg)文字')).not.toContain('<figure>');
});
