import { expect, test } from 'vitest';
import { intendedSlug } from '../../../src/lib/content/intended-slug.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const file = (front: string) => encode(`---\n${front}\n---\n\n正文。\n`);

test('an article with an error still asks for the slug its frontmatter writes', () => {
  expect(intendedSlug('articles/2024/12/残联.md', file('title: 市残联\nunits: [市残疾人联和会]\nslug: canlian-zhucan'))).toBe('canlian-zhucan');
});

test('a written slug is read as the schema reads it, trimmed and in lower case', () => {
  expect(intendedSlug('articles/x.md', file('slug: " Canlian-Zhucan "'))).toBe('canlian-zhucan');
});

test('the slug line is read on its own when a mistake elsewhere breaks the frontmatter', () => {
  expect(intendedSlug('articles/x.md', file('title: 市残联\ncolumn: [党建动态\nslug: canlian-zhucan'))).toBe('canlian-zhucan');
});

test('without a usable written slug, the slug comes from the file name, as a valid article’s would', () => {
  expect(intendedSlug('articles/2024/11/jineng-biwu.md', file('title: 技能比武\nunits: [不存在的单位]'))).toBe('jineng-biwu');
  expect(intendedSlug('articles/2024/11/jineng-biwu.md', file('slug: 技能比武'))).toBe('jineng-biwu');
  expect(intendedSlug('articles/2024/11/Jineng-Biwu.markdown', encode('没有稿件信息的正文。\n'))).toBe('jineng-biwu');
  expect(intendedSlug('articles/2024/11/jineng-biwu.md', new Uint8Array([0, 1, 2, 0, 255, 0]))).toBe('jineng-biwu');
});
