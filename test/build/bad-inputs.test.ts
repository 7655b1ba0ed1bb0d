import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/checker/check.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { buildSite } from './build-site.ts';

/** What a bad input must come to: a named error, or a page (sanitised or normalised) with or without some text. */
interface Expected {
  code?: string;
  /** The file the error is reported in, when not the case's article. */
  file?: string;
  /** The line the error must point at: where the writer has to look, not where a parser gave up. */
  line?: number;
  /** Words the error's message must contain. */
  says?: string;
  /** Other errors the same run of check must name in the file: one run lists every problem. */
  also?: string[];
  page?: string | null;
  contains?: string[];
  absent?: string[];
  absent_page?: string;
  /** Text the page's <head> must contain (its meta tags). */
  head?: string[];
  /** A warning check must give for the case's article (the page is still published). */
  warns?: string;
  /** Text the article's item in the site's feed must contain; `absent` must not be in it. */
  feed?: string[];
  /** Text the article's record in the search index must contain; `absent` must not be in it. */
  indexed?: string[];
  /** Inputs that are bytes or links, made here rather than kept as files. */
  generate?: 'gbk' | 'utf16' | 'latin1' | 'binary' | 'empty' | 'big' | 'symlink-out' | 'article-symlink' | 'bom-crlf';
}

const badDir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const registryFiles = ['site.yaml', 'units.yaml', 'columns.yaml'];
const cases = readdirSync(badDir)
  .sort()
  .map((name) => ({ name, expected: JSON.parse(readFileSync(join(badDir, name, 'expected.json'), 'utf8')) as Expected }));
const front =
  '---\ntitle: 正常标题\ndate: 2024-11-22\ncolumn: 党建动态\nunits: [市水务局]\nbyline: 通讯员 王笛\n---\n\n本报讯（通讯员 王笛）近日，市水务局组织开展主题党日活动。\n';

function generated(kind: NonNullable<Expected['generate']>): Uint8Array {
  switch (kind) {
    case 'gbk':
      return Uint8Array.from(
        [...Buffer.from('---\ntitle: ')].concat([0xb1, 0xea, 0xcc, 0xe2], [...Buffer.from('\ndate: 2024-11-22\n---\n')]),
      );
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(front, 'utf16le')]);
    case 'latin1':
      return Buffer.from(front.replace(/[\u0080-\uffff]/g, 'e').replace('e', '\xe9'), 'latin1');
    case 'binary':
      return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    case 'empty':
      return new Uint8Array();
    case 'big': {
      const paragraph = (index: number) =>
        `第${index}段：市直机关各级党组织深入学习贯彻党的二十届三中全会精神，推动党建工作与业务工作深度融合，取得明显成效。`;
      const body = Array.from({ length: 10000 }, (_, index) => paragraph(index)).join('\n\n');
      return Buffer.from(`${front.replace('正常标题', '两兆字节的长稿')}\n${body}\n`);
    }
    case 'bom-crlf':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(front.replace(/\n/g, '\r\n'))]);
    case 'symlink-out':
    case 'article-symlink':
      throw new Error('symlinks are made in place');
  }
}

/** Put one case's files into a content folder: articles under articles/bad/, registries at the top. */
function addCase(dir: string, name: string, expected: Expected): string {
  const target = join(dir, 'articles', 'bad');
  mkdirSync(target, { recursive: true });
  let main = join(target, `bad-${name}.md`);
  if (expected.generate === 'article-symlink') {
    // An article that is a link to a file outside the content folder, as a shortcut would be.
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.md');
    writeFileSync(outside, front);
    symlinkSync(outside, main);
  } else if (expected.generate && expected.generate !== 'symlink-out') {
    writeFileSync(main, generated(expected.generate));
  }
  for (const file of readdirSync(join(badDir, name)).filter((file) => file !== 'expected.json')) {
    if (registryFiles.includes(file)) {
      cpSync(join(badDir, name, file), join(dir, file));
      continue;
    }
    const isMain = file === 'article.md' || file === 'article.mdx' || file === expected.file;
    const destination = join(
      target,
      file === expected.file && file !== 'article.mdx' ? file : isMain ? `bad-${name}${extname(file)}` : `bad-${name}-${file}`,
    );
    cpSync(join(badDir, name, file), destination);
    if (isMain) main = destination;
  }
  if (expected.generate === 'symlink-out') {
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.jpg');
    writeFileSync(outside, 'not for publishing');
    symlinkSync(outside, join(target, 'link-out.jpg'));
  }
  return main;
}

function contentWith(selected: typeof cases): { dir: string; mains: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'bad-'));
  cpSync(fixtureDir, dir, { recursive: true });
  const mains = new Map(selected.map(({ name, expected }) => [name, addCase(dir, name, expected)]));
  return { dir, mains };
}

const relative = (dir: string, file: string) =>
  file
    .slice(dir.length + 1)
    .split('\\')
    .join('/');
const errorCases = cases.filter((entry) => entry.expected.code);
const pageCases = cases.filter((entry) => !entry.expected.code);

test('the corpus has at least 30 bad inputs', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

describe('each bad input ends in a named error, found by check', () => {
  test.each(errorCases)('$name → $expected.code', ({ name, expected }) => {
    const { dir, mains } = contentWith([{ name, expected }]);
    const file = expected.file && registryFiles.includes(expected.file) ? expected.file : relative(dir, mains.get(name)!);
    const problems = checkContent(dir).problems.filter((problem) => problem.file === file && problem.severity === 'error');
    expect(problems.map((problem) => problem.code)).toContain(expected.code);
    for (const problem of problems) expect(problem.message).toMatch(/\p{Script=Han}/u);
    const named = problems.find((problem) => problem.code === expected.code)!;
    if (expected.line !== undefined) expect(named.line).toBe(expected.line);
    if (expected.says !== undefined) expect(named.message).toContain(expected.says);
    for (const code of expected.also ?? []) expect(problems.map((problem) => problem.code)).toContain(code);
  });
});

describe('bad inputs that are fine to publish build into safe pages', () => {
  test.each(pageCases)('$name passes check', ({ name, expected }) => {
    const { dir, mains } = contentWith([{ name, expected }]);
    const problems = checkContent(dir).problems.filter((problem) => problem.file === relative(dir, mains.get(name)!));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    if (expected.warns) expect(problems.map((problem) => problem.code)).toContain(expected.warns);
  });

  test('all of them build together, each page as expected', () => {
    const { dir } = contentWith(pageCases);
    const outDir = mkdtempSync(join(tmpdir(), 'bad-pages-'));
    const build = buildSite(dir, outDir);
    expect(build.status, build.output).toBe(0);
    for (const { name, expected } of pageCases) {
      if (expected.absent_page) expect(existsSync(join(outDir, expected.absent_page, 'index.html')), name).toBe(false);
      if (!expected.page) continue;
      const html = readFileSync(join(outDir, expected.page, 'index.html'), 'utf8');
      const main = html.slice(html.indexOf('<main'));
      // What an article writes ends up in its body; escaped titles elsewhere are text, not markup.
      const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</article>'));
      for (const text of expected.contains ?? []) expect(main, name).toContain(text);
      for (const text of expected.absent ?? []) expect(body, name).not.toContain(text);
      // No attribute in the head holds a raw < or >, whatever a title or summary carries.
      const head = html.slice(0, html.indexOf('<body'));
      expect(head, name).not.toMatch(/<(?:meta|link)\b[^>]*="[^"]*[<>]/);
      for (const text of expected.head ?? []) expect(head, name).toContain(text);
      // Markup in a title is text (escaped, or harmless inside a quoted attribute): the only script elements are the site's own.
      const scripts = parse(html)
        .querySelectorAll('script')
        .map((script) => script.getAttribute('src') ?? script.text);
      // In page order: the article's own script closes its <main>, the layout's follows it.
      const own = [
        ...(html.includes('data-qr=') ? [expect.stringMatching(/^\/_astro\/ArticleLayout\./)] : []),
        expect.stringMatching(/^\/_astro\/BaseLayout\./),
      ];
      expect(scripts, name).toEqual(own);
    }
    // What a page's article writes reaches the feed and the search index the way it reaches the page.
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    const fragmentDir = join(outDir, 'pagefind', 'fragment');
    const fragments = readdirSync(fragmentDir).map((file) => gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8'));
    for (const { name, expected } of pageCases) {
      if (expected.feed) {
        const item = feed.split('<item>').find((entry) => entry.includes(`${expected.page}<`));
        expect(item, name).toBeDefined();
        for (const text of expected.feed) expect(item, name).toContain(text);
        for (const text of expected.absent ?? []) expect(item, name).not.toContain(text);
      }
      if (expected.indexed) {
        const record = fragments.find((fragment) => fragment.includes(`"url":"${expected.page}"`));
        expect(record, name).toBeDefined();
        for (const text of expected.indexed) expect(record, name).toContain(text);
        for (const text of expected.absent ?? []) expect(record, name).not.toContain(text);
      }
    }
  });
});

test('all article errors at once fail one build, each named, with no stack trace', () => {
  const articleErrors = errorCases.filter(({ expected }) => !registryFiles.includes(expected.file ?? ''));
  const { dir, mains } = contentWith(articleErrors);
  const build = buildSite(dir, mkdtempSync(join(tmpdir(), 'bad-errors-')));
  expect(build.status).not.toBe(0);
  for (const { name } of articleErrors) expect(build.output, name).toContain(relative(dir, mains.get(name)!));
  expect(build.output).not.toMatch(/Stack trace|\n\s+at [\w.<]+ \(/);
  // Printed as written: Astro's error printer would turn a hint's picture line into a link's words.
  expect(build.output).toMatch(/再写成 !\[图片说明\]\((\.\.\/)+images\//);
});

test.each(errorCases.filter(({ expected }) => registryFiles.includes(expected.file ?? '')))(
  'a broken registry ($name) fails the build, named, with no stack trace',
  ({ name, expected }) => {
    const { dir } = contentWith([{ name, expected }]);
    const build = buildSite(dir, mkdtempSync(join(tmpdir(), 'bad-registry-')));
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(expected.file!);
    expect(build.output).not.toMatch(/Stack trace|\n\s+at [\w.<]+ \(/);
  },
);
