import { expect, test } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { remarkCjkBreaks } from '../../../src/plugins/remark-cjk-breaks.ts';

const render = async (markdown: string) => {
  const processor = await createMarkdownProcessor({ remarkPlugins: [remarkCjkBreaks] });
  return (await processor.render(markdown)).code;
};

test('joins a line wrapped between two Chinese characters without a gap', async () => {
  expect(await render('充分发挥审计临时党支部前线堡垒作用，\n引领审计事业大步向前。')).toBe(
    '<p>充分发挥审计临时党支部前线堡垒作用，引领审计事业大步向前。</p>',
  );
});

test('keeps the break next to Latin text, where a space is wanted', async () => {
  expect(await render('党建+执法+N\n工作模式')).toBe('<p>党建+执法+N\n工作模式</p>');
});
