import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { checkContent } from '../../../src/lib/checker/check.ts';
import { formatProblem } from '../../../src/lib/problems/problems.ts';
import { fixtureDir } from '../helpers.ts';

const cases = fileURLToPath(new URL('../../fixtures/check/', import.meta.url));

/** The fixture bulletin plus the given mistake files under articles/check/, checked; the lines `check` prints for them. */
function check(...files: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  cpSync(fixtureDir, dir, { recursive: true });
  mkdirSync(join(dir, 'articles', 'check'));
  for (const file of files) cpSync(join(cases, file), join(dir, 'articles', 'check', file));
  return checkContent(dir, ['articles/check']).problems.map(formatProblem);
}

test('a missing required field', () => {
  expect(check('missing-title.md')).toMatchInlineSnapshot(`
    [
      "articles/check/missing-title.md:2:1  错误 标题：缺少必填的标题（title）。  请在稿件信息中加一行“title: ……”（MissingField）",
    ]
  `);
});

test('a field of the wrong type', () => {
  expect(check('wrong-type.md')).toMatchInlineSnapshot(`
    [
      "articles/check/wrong-type.md:7:8  错误 期号：期号（issue）应为正整数。  例如：issue: 47（WrongType）",
    ]
  `);
});

test('an unknown unit, with the names that sound alike', () => {
  expect(check('unknown-unit.md')).toMatchInlineSnapshot(`
    [
      "articles/check/unknown-unit.md:5:15  错误 单位：找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。  请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）",
    ]
  `);
});

test('the old name of a renamed unit', () => {
  expect(check('renamed-unit.md')).toMatchInlineSnapshot(`
    [
      "articles/check/renamed-unit.md:5:9  错误 单位：单位“市水利局”已更名为“市水务局”。  请改写为“市水务局”（RenamedUnit）",
    ]
  `);
});

test('an unknown column, with the columns there are', () => {
  expect(check('unknown-column.md')).toMatchInlineSnapshot(`
    [
      "articles/check/unknown-column.md:4:9  错误 栏目：找不到栏目“党建快讯”。  请改用栏目名单（columns.yaml）里的栏目：“党建动态”、“通讯”（UnknownColumn）",
    ]
  `);
});

test.each(['date-chinese.md', 'date-dots.md', 'date-slashes.md'])('a date written the Chinese way (%s)', (file) => {
  expect(check(file)).toEqual([
    expect.stringMatching(/^articles\/check\/date-\w+\.md:3:7 {2}错误 日期：日期“2024.11.22日?”应写成 2024-11-22。/),
  ]);
});

test('an impossible date', () => {
  expect(check('date-impossible.md')).toMatchInlineSnapshot(`
    [
      "articles/check/date-impossible.md:3:7  错误 日期：日期“2024-11-31”不存在。  2024 年 11 月只有 30 天，请核对日期（ImpossibleDate）",
    ]
  `);
});

test('an impossible date written the Chinese way names the month actually written', () => {
  expect(check('date-february.md')).toMatchInlineSnapshot(`
    [
      "articles/check/date-february.md:3:7  错误 日期：日期“2023年2月29日”不存在。  2023 年 2 月只有 28 天，请核对日期（ImpossibleDate）",
    ]
  `);
});

test('draft: no is read as not a draft, without a complaint', () => {
  expect(check('draft-no.md')).toEqual([]);
});

test('a full-width colon after a key', () => {
  expect(check('fullwidth-colon.md')).toMatchInlineSnapshot(`
    [
      "articles/check/fullwidth-colon.md:2:6  错误 标题：标题（title）后面用了中文冒号“：”。  请改成英文冒号加空格：“title: ”；运行 npm run check -- --fix 可以自动改正（FullWidthColon）",
    ]
  `);
});

test('a full-width space after a key', () => {
  expect(check('fullwidth-space.md')).toMatchInlineSnapshot(`
    [
      "articles/check/fullwidth-space.md:6:8  错误 署名：署名（byline）和它的值之间用了中文全角空格“　”。  请写成英文冒号加一个英文空格：“byline: ”；运行 npm run check -- --fix 可以自动改正（FullWidthSpace）",
    ]
  `);
});

test('no space after a key’s colon', () => {
  expect(check('colon-no-space.md')).toEqual([
    expect.stringContaining('articles/check/colon-no-space.md:2:6  错误 标题：标题（title）的冒号后面没有空格。'),
  ]);
});

test('units and tags joined with Chinese separators or in full-width brackets are read as the writer meant', () => {
  expect(check('units-chinese-list.md')).toEqual([]);
});

test.each([
  ['fullwidth-space-before.md', 'articles/check/fullwidth-space-before.md:2:6  错误 标题：标题（title）和它的值之间用了中文全角空格“　”。'],
  [
    'fullwidth-space-instead.md',
    'articles/check/fullwidth-space-instead.md:4:7  错误 栏目：栏目（column）和它的值之间用了中文全角空格“　”。',
  ],
])('a full-width space before or instead of the colon (%s)', (file, line) => {
  expect(check(file)).toEqual([expect.stringContaining(line)]);
});

test('frontmatter that is never closed', () => {
  expect(check('unclosed-frontmatter.md')).toMatchInlineSnapshot(`
    [
      "articles/check/unclosed-frontmatter.md:1:1  错误 稿件信息以 --- 开始，却没有以 --- 结束。  在最后一个字段之后单独加一行 ---，正文写在它下面（UnclosedFrontmatter）",
    ]
  `);
});

test('a YAML syntax error, with its line', () => {
  expect(check('yaml-syntax.md')).toMatchInlineSnapshot(`
    [
      "articles/check/yaml-syntax.md:7:7  错误 这一行的格式有误：列表的方括号没有配对：请在末尾补上“]”，写成 [甲, 乙]。  每行写成“字段名: 值”，冒号用半角“:”并在后面空一格；列表写成 [甲, 乙]（YamlSyntax）",
    ]
  `);
});

test('a file in GBK', () => {
  expect(check('gbk.md')).toMatchInlineSnapshot(`
    [
      "articles/check/gbk.md:1:1  错误 文件是 GBK（ANSI）编码，网站要求 UTF-8。  运行 npm run check -- --fix 自动转换；或用记事本“另存为”，编码选 UTF-8（Gbk）",
    ]
  `);
});

test('a file in UTF-16', () => {
  expect(check('utf16.md')).toMatchInlineSnapshot(`
    [
      "articles/check/utf16.md:1:1  错误 文件是 UTF-16（Unicode）编码，网站要求 UTF-8。  运行 npm run check -- --fix 自动转换；或用记事本“另存为”，编码选 UTF-8（Utf16）",
    ]
  `);
});

test('a UTF-8 BOM and CRLF line ends are hints, not errors', () => {
  expect(check('bom.md', 'crlf.md')).toMatchInlineSnapshot(`
    [
      "articles/check/bom.md:1:1  提示 文件开头有一个看不见的 BOM 标记（记事本存为“UTF-8 带 BOM”时加上的）。  不影响生成网站；运行 npm run check -- --fix 可以去掉（Utf8Bom）",
      "articles/check/bom.md:9:1  提示 这一段与 articles/check/crlf.md 第 9 行的一段完全相同。  可能是排版时重复粘贴；请确认这一段属于哪篇稿件，删去多余的一处（RepeatedParagraph）",
      "articles/check/crlf.md:1:1  提示 文件用的是 Windows 的换行。  不影响生成网站；运行 npm run check -- --fix 可以统一成网站用的换行（CrLf）",
      "articles/check/crlf.md:9:1  提示 这一段与 articles/check/bom.md 第 9 行的一段完全相同。  可能是排版时重复粘贴；请确认这一段属于哪篇稿件，删去多余的一处（RepeatedParagraph）",
    ]
  `);
});

test('a binary file named .md', () => {
  expect(check('binary.md')).toMatchInlineSnapshot(`
    [
      "articles/check/binary.md:1:1  错误 这不是文本文件（可能是 Word 文档或图片改了扩展名）。  请把稿件内容复制到记事本，另存为 UTF-8 编码的 .md 文件；Word 稿件可以交给编辑导入（NotText）",
    ]
  `);
});

test('two articles with the same written slug', () => {
  expect(check('slug-a.md', 'slug-b.md')).toMatchInlineSnapshot(`
    [
      "articles/check/slug-a.md:7:7  错误 网址名：网址名“biwu”与 articles/check/slug-b.md 重复。  请在其中一篇的稿件信息里写一个不同的网址名，例如 slug: biwu-2（SlugClash）",
      "articles/check/slug-b.md:7:7  错误 网址名：网址名“biwu”与 articles/check/slug-a.md 重复。  请在其中一篇的稿件信息里写一个不同的网址名，例如 slug: biwu-2（SlugClash）",
    ]
  `);
});

test('a picture that does not exist, and one outside the content folder', () => {
  expect(check('image-missing.md', 'image-outside.md')).toMatchInlineSnapshot(`
    [
      "articles/check/image-missing.md:11:1  错误 找不到图片“../../images/none.jpg”。  请检查文件名和路径（路径相对于稿件文件，例如 ../../../images/biwu.jpg），并把图片一起提交（ImageMissing）",
      "articles/check/image-outside.md:7:1  错误 题图：图片“../../../../secret.jpg”不在内容文件夹里。  请把图片放进内容文件夹的 images/ 中，用相对于稿件文件的路径引用（ImageOutside）",
    ]
  `);
});

test('a paragraph repeated across two articles', () => {
  expect(check('repeated-a.md', 'repeated-b.md')).toMatchInlineSnapshot(`
    [
      "articles/check/repeated-a.md:11:1  提示 这一段与 articles/check/repeated-b.md 第 11 行的一段完全相同。  可能是排版时重复粘贴；请确认这一段属于哪篇稿件，删去多余的一处（RepeatedParagraph）",
      "articles/check/repeated-b.md:11:1  提示 这一段与 articles/check/repeated-a.md 第 11 行的一段完全相同。  可能是排版时重复粘贴；请确认这一段属于哪篇稿件，删去多余的一处（RepeatedParagraph）",
    ]
  `);
});

test('an empty body', () => {
  expect(check('empty-body.md')).toMatchInlineSnapshot(`
    [
      "articles/check/empty-body.md:8:1  错误 正文是空的。  请在第二个 --- 下面写正文（EmptyBody）",
    ]
  `);
});

test('a body that is only the lead npm run new writes', () => {
  expect(check('lead-only.md')).toMatchInlineSnapshot(`
    [
      "articles/check/lead-only.md:9:1  错误 正文除了开头的“本报讯（……）”还一个字也没有写；正文至少要 10 个字。  请写完正文再提交；没写完的稿件可以在稿件信息里加一行 draft: true，它只在本机预览中显示，不会发布（ShortBody）",
    ]
  `);
});

test('a date written wrongly and a cover that does not exist, both in one run', () => {
  expect(check('date-and-cover.md')).toMatchInlineSnapshot(`
    [
      "articles/check/date-and-cover.md:3:7  错误 日期：日期“2024-12-7”应写成 2024-12-07。  日期一律写成 年-月-日，例如 2024-11-22；运行 npm run check -- --fix 可以自动改正（DateFormat）",
      "articles/check/date-and-cover.md:7:1  错误 题图：找不到图片“../../images/biwu-cover.jpg”。  请检查文件名和路径（路径相对于稿件文件，例如 ../../../images/biwu.jpg），并把图片一起提交（ImageMissing）",
    ]
  `);
});

test('a title starting with #, which YAML reads as a comment', () => {
  expect(check('title-hash.md')).toMatchInlineSnapshot(`
    [
      "articles/check/title-hash.md:2:8  错误 标题：标题的值以 # 开头：稿件信息里 # 和它后面的字会被当成备注不读，所以标题成了空的。  请给整个值加英文引号，写成：title: "#1 号文件学习会"（ValueIsComment）",
    ]
  `);
});

test('pictures hot-linked from WeChat, in Markdown and in HTML', () => {
  expect(check('remote-image.md')).toMatchInlineSnapshot(`
    [
      "articles/check/remote-image.md:11:1  错误 图片“https://mmbiz.qpic.cn/mmbiz_jpg/Xb5xO3ribT6JqZ0r/640?wx_f…”在别的网站上（是微信公众号的图片，微信不让别的网站直接显示）；本刊网站只显示内容文件夹里的图片，读者会看到一张打不开的图。  请把图片下载下来，存进内容文件夹的 images/2024/11/，再写成 ![图片说明](../../images/2024/11/图片名.jpg)（RemoteImage）",
      "articles/check/remote-image.md:13:1  错误 图片“http://mmbiz.qpic.cn/mmbiz_png/K9c2/640?wx_fmt=png”在别的网站上（是微信公众号的图片，微信不让别的网站直接显示）；本刊网站只显示内容文件夹里的图片，读者会看到一张打不开的图。  请把图片下载下来，存进内容文件夹的 images/2024/11/，再写成 ![图片说明](../../images/2024/11/图片名.jpg)（RemoteImage）",
    ]
  `);
});

test('what a paste from WeChat or Word leaves, each on its line, as hints', () => {
  expect(check('pasted.md')).toMatchInlineSnapshot(`
    [
      "articles/check/pasted.md:2:1  提示 这一行有看不见的不换行空格（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/check/pasted.md:6:1  提示 这一行有看不见的不换行空格（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/check/pasted.md:9:1  提示 这一行有看不见的不换行空格、看不见的换行符（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/check/pasted.md:9:1  提示 这一行有段首的全角空格缩进（Word、WPS 和微信排版的习惯），网页会自己排好段落，生成网站时已去掉。  运行 npm run check -- --fix 从文件里删掉；段首不用空格，段与段之间空一行就行（PastedIndent）",
      "articles/check/pasted.md:11:1  提示 这一行有看不见的字符：软连字符（从网页或聊天软件复制时带来的），生成网站时已去掉。  运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）",
      "articles/check/pasted.md:11:1  提示 这一段开头空了 4 个以上空格（或按了 Tab 键），这样的段落会被当成程序代码，显示成灰底的等宽字；它是中文段落，生成网站时已去掉缩进。  运行 npm run check -- --fix 从文件里删掉缩进；段首不用空格，段与段之间空一行就行（IndentedAsCode）",
      "articles/check/pasted.md:13:1  提示 这一段开头空了 4 个以上空格（或按了 Tab 键），这样的段落会被当成程序代码，显示成灰底的等宽字；它是中文段落，生成网站时已去掉缩进。  运行 npm run check -- --fix 从文件里删掉缩进；段首不用空格，段与段之间空一行就行（IndentedAsCode）",
    ]
  `);
});
