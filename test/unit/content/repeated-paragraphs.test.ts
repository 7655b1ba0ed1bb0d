import { expect, test } from 'vitest';
import type { Article } from '../../../src/lib/content/articles.ts';
import { repeatedParagraphProblems } from '../../../src/lib/content/repeated-paragraphs.ts';

const long = '市直机关工委组织开展“书记项目”观摩评比活动，各单位党组织书记逐一汇报项目进展情况。';

function article(sourcePath: string, body: string, bodyLine = 5): Article {
  return { sourcePath, body, bodyLine } as Article;
}

/** Each warning as "file:line", in the order given. */
function warnings(...articles: Article[]): string[] {
  return repeatedParagraphProblems(articles).map((problem) => `${problem.file}:${problem.line}`);
}

test('a paragraph in two articles is reported in both, at its line in each file', () => {
  const a = article('a.md', `开头一段。\n\n${long}`);
  // Blank lines with spaces or tabs in them, and several blank lines, still separate paragraphs:
  // the copy is on the ninth line of the body, which starts at line 8.
  const b = article('b.md', `\n\n第一段\n \t\n第二段\n\n\n\n  ${long}\n`, 8);
  expect(warnings(a, b)).toEqual(['b.md:16', 'a.md:7']);
});

test('spaces inside a paragraph and its line breaks do not hide a copy', () => {
  const broken = `${long.slice(0, 20)}\n${long.slice(20, 30)} ${long.slice(30)}`;
  expect(warnings(article('a.md', long), article('b.md', broken))).toEqual(['b.md:5', 'a.md:5']);
});

test('short paragraphs, headings, lists, quotes, tables and HTML are not compared', () => {
  const body = [`## ${long}`, `- ${long}`, `1. ${long}`, `> ${long}`, `| ${long} |`, `<p>${long}</p>`, '短段落。'].join('\n\n');
  expect(warnings(article('a.md', body), article('b.md', body))).toEqual([]);
});

test('thirty characters count as characters, not as UTF-16 units', () => {
  // 𠀀 is one character in two UTF-16 units: 29 of them are 58 units but still too short.
  const short = '𠀀'.repeat(29);
  const enough = '𠀀'.repeat(30);
  expect(warnings(article('a.md', short), article('b.md', short))).toEqual([]);
  expect(warnings(article('a.md', enough), article('b.md', enough))).toEqual(['b.md:5', 'a.md:5']);
});

test('a paragraph repeated within one article is left to the article', () => {
  expect(warnings(article('a.md', `${long}\n\n${long}`))).toEqual([]);
});
