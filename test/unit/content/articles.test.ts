import { describe, expect, test } from 'vitest';
import { parseArticle, readArticles, settleArticleSlugs, type Article } from '../../../src/lib/content/articles.ts';
import { formatProblem } from '../../../src/lib/problems/problems.ts';
import { withLookups } from '../../../src/lib/content/registries.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();
const encode = (text: string) => new TextEncoder().encode(text);
const brief = '本报讯（通讯员 加雅文）11月22日，市水务局组织开展技能大比武活动。';
const article = (front: string, body = `${brief}\n`) => parseArticle('articles/2024/11/test.md', encode(`---\n${front}\n---\n\n${body}`), registry);
const valid = 'title: 技能比武强本领\ndate: 2024-11-22\ncolumn: 党建动态\nunits: [水务局]\nbyline: 通讯员 加雅文';

describe('parseArticle', () => {
  test('resolves references and settles the slug from the file name', () => {
    const { article: parsed, problems } = article(valid);
    expect(problems).toEqual([]);
    expect(parsed).toMatchObject({ slug: 'test', column: 'dongtai', units: ['shuiwuju'], date: '2024-11-22', draft: false, tags: [] });
    expect(parsed?.byline).toEqual({ text: '通讯员 加雅文', groups: [{ role: '通讯员', names: ['加雅文'] }], names: ['加雅文'] });
  });

  test.each([
    ['units: 水务局、审计局', ['shuiwuju', 'shi-shen-ji-ju']],
    ['units: 水务局，审计局', ['shuiwuju', 'shi-shen-ji-ju']],
    ['units: 【水务局】', ['shuiwuju']],
    ['units: ［水务局, 审计局］', ['shuiwuju', 'shi-shen-ji-ju']],
    ['units: [水务局、审计局]', ['shuiwuju', 'shi-shen-ji-ju']],
  ])('reads %s as the list the writer meant', (units, slugs) => {
    const { article: parsed, problems } = article(valid.replace('units: [水务局]', units));
    expect(problems).toEqual([]);
    expect(parsed?.units).toEqual(slugs);
  });

  test('keeps a unit whose registered name holds 、 whole, however the list is written', () => {
    const joint = { name: '市人社局、市医保局联合党支部', slug: 'lianhe', aliases: [], formerNames: [], category: '其他' };
    const withJoint = withLookups({ ...registry, units: [...registry.units, joint] });
    for (const units of [`units: [${joint.name}, 水务局]`, `units: 水务局、${joint.name}`, `units:\n  - ${joint.name}\n  - 审计局`]) {
      const source = encode(`---\n${valid.replace('units: [水务局]', units)}\n---\n\n${brief}\n`);
      const { article: parsed, problems } = parseArticle('articles/2024/11/test.md', source, withJoint);
      expect(problems, units).toEqual([]);
      expect(parsed?.units, units).toContain('lianhe');
    }
  });

  test('names the file, line and field of an unknown unit and suggests the right one', () => {
    const { article: parsed, problems } = article(valid.replace('[水务局]', '[市水务]'));
    expect(parsed).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatchInlineSnapshot(`"articles/2024/11/test.md:5:9  错误 单位：找不到单位“市水务”。单位名单（units.yaml）中相近的有：“市水务局”。  请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）"`);
  });

  test('reports a missing required field in Chinese', () => {
    const { problems } = article(valid.replace('title: 技能比武强本领\n', ''));
    expect(problems).toMatchObject([{ field: 'title', code: 'MissingField', message: '缺少必填的标题（title）。' }]);
  });

  test('rejects an impossible date instead of rolling it over', () => {
    const { problems } = article(valid.replace('2024-11-22', '2024-11-31'));
    expect(problems).toMatchObject([{ line: 3, field: 'date', code: 'ImpossibleDate' }]);
  });

  test.each(['2024年11月22日', '2024.11.22', '2024/11/22', '2024-11-2'])('rejects the date %s, saying how to write it', (written) => {
    const { problems } = article(valid.replace('2024-11-22', written));
    expect(problems).toMatchObject([{ field: 'date', code: 'DateFormat', line: 3 }]);
    expect(problems[0]?.message).toBe(`日期“${written}”应写成 ${written === '2024-11-2' ? '2024-11-02' : '2024-11-22'}。`);
  });

  test('rejects a date that is no date at all', () => {
    expect(article(valid.replace('2024-11-22', '上周五')).problems).toMatchObject([{ field: 'date', code: 'InvalidDate' }]);
  });

  test('rejects an impossible date however it is written', () => {
    expect(article(valid.replace('2024-11-22', '2024年11月31日')).problems).toMatchObject([{ field: 'date', code: 'ImpossibleDate' }]);
  });

  test('lists the columns when the column is unknown', () => {
    const { problems } = article(valid.replace('党建动态', '党建快讯'));
    expect(problems[0]).toMatchObject({ field: 'column', code: 'UnknownColumn' });
    expect(problems[0]?.hint).toContain('“党建动态”');
  });

  test('reads draft: no as not a draft, as its writer meant', () => {
    expect(article(`${valid}\ndraft: no`).article?.draft).toBe(false);
    expect(article(`${valid}\ndraft: yes`).article?.draft).toBe(true);
  });

  test('accepts a single unit written without brackets', () => {
    expect(article(valid.replace('[水务局]', 'shuiwuju')).article?.units).toEqual(['shuiwuju']);
  });

  test('keeps each unit once when two references name the same unit', () => {
    expect(article(valid.replace('[水务局]', '[水务局, 市水务局, 审计局]')).article?.units).toEqual(['shuiwuju', 'shi-shen-ji-ju']);
  });

  test('rejects an empty unit list', () => {
    expect(article(valid.replace('[水务局]', '[]')).problems).toMatchObject([{ field: 'units', code: 'NoUnits' }]);
  });

  test('reports every problem of a file at once', () => {
    const { problems } = article('title: 标题\ndate: 2024-13-01\ncolumn: 无此栏目\nunits: [无此单位]\nbyline: 通讯员');
    expect(problems.map((problem) => problem.code).sort()).toEqual(['BadByline', 'ImpossibleDate', 'UnknownColumn', 'UnknownUnit']);
  });

  test('warns about an unknown field and guesses what was meant', () => {
    const { article: parsed, problems } = article(`${valid}\ntitel: 错拼`);
    expect(parsed).toBeDefined();
    expect(problems).toMatchObject([{ severity: 'warning', code: 'UnknownField', field: 'titel', line: 7 }]);
    expect(problems[0]?.message).toContain('title');
  });

  test('reads an explicit slug and rejects one that is not ASCII, quoting it', () => {
    expect(article(`${valid}\nslug: jineng-biwu`).article?.slug).toBe('jineng-biwu');
    const { problems } = article(`${valid}\nslug: 技能比武`);
    expect(problems).toMatchObject([{ field: 'slug', code: 'BadSlug' }]);
    expect(formatProblem(problems[0]!)).toMatchInlineSnapshot(`"articles/2024/11/test.md:7:7  错误 网址名：网址名（slug）“技能比武”只能用小写英文字母、数字和连字符（-）。  例如：slug: jineng-biwu；也可以删掉这一行，网址会按文件名或标题的拼音自动生成（BadSlug）"`);
  });

  test('takes a number as a title or slug', () => {
    expect(article(valid.replace('技能比武强本领', '2024')).article?.title).toBe('2024');
    expect(article(`${valid}\nslug: 2024`).article?.slug).toBe('2024');
  });

  test('counts items, not characters, when a list is too long', () => {
    const tags = Array.from({ length: 51 }, (_, index) => `标签${index}`).join(', ');
    expect(article(`${valid}\ntags: [${tags}]`).problems).toMatchObject([{ field: 'tags', code: 'TooMany', message: '标签（tags）写了 51 项，最多 50 项。' }]);
  });

  test('reports a value that YAML reads as an alias as what it is, with the line to write, instead of crashing', () => {
    const { problems } = article(valid.replace('技能比武强本领', '*重要*通知'));
    expect(problems).toMatchObject([{ code: 'SpecialFirstCharacter', line: 2 }]);
    expect(formatProblem(problems[0]!)).toMatchInlineSnapshot(`"articles/2024/11/test.md:2:8  错误 标题：标题的值以“*”开头，这个符号在稿件信息里表示引用别处的值，值没有照写的读出来。  请给整个值加英文引号，写成：title: "*重要*通知"（SpecialFirstCharacter）"`);
  });

  test('reports indentation with Tab in Chinese', () => {
    const { problems } = article(`${valid}\ntags:\n\t- 甲`);
    expect(problems[0]).toMatchObject({ code: 'YamlSyntax' });
    expect(problems[0]?.message).toContain('Tab');
    expect(problems[0]?.message).not.toMatch(/[a-z]{4,}/);
  });

  test('reports frontmatter that never closes', () => {
    const { problems } = parseArticle('a.md', encode('---\ntitle: 标题\n\n正文'), registry);
    expect(problems).toMatchObject([{ code: 'UnclosedFrontmatter', line: 1 }]);
  });

  test('reports a file without frontmatter', () => {
    expect(parseArticle('a.md', encode('只有正文'), registry).problems).toMatchObject([{ code: 'MissingFrontmatter' }]);
  });

  test('reports a YAML syntax error with its line in the file', () => {
    const { problems } = parseArticle('a.md', encode(`---\n${valid}\ntags: [未闭合\n---\n正文`), registry);
    expect(problems[0]).toMatchObject({ code: 'YamlSyntax' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(7);
  });

  test('reports a file that is neither UTF-8 nor Chinese text', () => {
    const latin1 = Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]);
    expect(parseArticle('a.md', latin1, registry).problems).toMatchObject([{ code: 'NotUtf8' }]);
  });

  test('reads a file with a BOM and CRLF line ends', () => {
    const text = `\uFEFF---\r\n${valid.replaceAll('\n', '\r\n')}\r\n---\r\n\r\n${brief}\r\n`;
    expect(parseArticle('articles/crlf.md', encode(text), registry).article?.title).toBe('技能比武强本领');
  });

  test('refuses a local picture inserted with HTML, which would not be published', () => {
    const text = `---\n${valid}\n---\n\n${brief}\n\n<img src="../../../images/biwu.jpg">\n`;
    expect(parseArticle('articles/2024/12/a.md', encode(text), registry, fixtureDir).problems).toMatchObject([{ code: 'HtmlImage', line: 11 }]);
  });

  test('refuses an .mdx file outside the trusted folders without reading it', () => {
    expect(parseArticle('articles/page.mdx', encode('---\n---\n'), registry).problems).toMatchObject([{ code: 'MdxNotTrusted' }]);
  });

  test('takes the summary from the first paragraph when none is given', () => {
    expect(article(valid, '## 小标题\n\n第一段**正文**。\n\n第二段。').article?.summary).toBe('第一段正文。');
  });
});

test('checks pictures on disk when the content folder is given, naming the cover line', () => {
  const text = `---\n${valid}\ncover: ../../../images/none.jpg\n---\n\n${brief}\n\n![图](../../../images/biwu.jpg)\n`;
  const { article: parsed, problems } = parseArticle('articles/2024/12/a.md', encode(text), registry, fixtureDir);
  expect(parsed).toBeUndefined();
  expect(problems).toMatchObject([{ code: 'ImageMissing', field: 'cover', line: 7 }]);
});

describe('pictures from elsewhere', () => {
  const wechat = 'https://mmbiz.qpic.cn/mmbiz_jpg/Xb5xO3ribT6JqZ0rB0vJ8Fz0jZ6icQ/640?wx_fmt=jpeg';

  test('refuses a WeChat picture in the body, saying why and where to save it, by the article’s month', () => {
    const { article: parsed, problems } = article(valid, `${brief}\n\n![现场](${wechat})\n`);
    expect(parsed).toBeUndefined();
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "articles/2024/11/test.md:11:1  错误 图片“https://mmbiz.qpic.cn/mmbiz_jpg/Xb5xO3ribT6JqZ0rB0vJ8Fz0j…”在别的网站上（是微信公众号的图片，微信不让别的网站直接显示）；本刊网站只显示内容文件夹里的图片，读者会看到一张打不开的图。  请把图片下载下来，存进内容文件夹的 images/2024/11/，再写成 ![图片说明](../../../images/2024/11/图片名.jpg)（RemoteImage）",
      ]
    `);
  });

  test('refuses a picture of another site in HTML, without its scheme, and as the cover', () => {
    const { problems } = article(`${valid}\ncover: http://www.gov.cn/images/cover.jpg`, `${brief}\n\n<img src="//mp.weixin.qq.com/a.png" alt="现场">\n`);
    expect(problems).toMatchObject([
      { code: 'RemoteImage', field: 'cover', line: 7 },
      { code: 'RemoteImage', line: 12 },
    ]);
    expect(problems[0]?.hint).toBe('请把图片下载下来，存进内容文件夹的 images/2024/11/，再写成 cover: ../../../images/2024/11/图片名.jpg');
    expect(problems[0]?.message).not.toContain('微信');
    expect(problems[1]?.message).toContain('微信不让别的网站直接显示');
  });

  test('leaves a link to another site alone: only pictures must be here', () => {
    expect(article(valid, `${brief}详见[市政府网站](https://www.gov.cn/)。\n`).problems).toEqual([]);
  });
});

describe('an article not yet written', () => {
  test('is an error when its body is only the lead npm run new writes', () => {
    const { article: parsed, problems } = article(valid, '本报讯（通讯员 加雅文）\n');
    expect(parsed).toBeUndefined();
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "articles/2024/11/test.md:9:1  错误 正文除了开头的“本报讯（……）”还一个字也没有写；正文至少要 10 个字。  请写完正文再提交；没写完的稿件可以在稿件信息里加一行 draft: true，它只在本机预览中显示，不会发布（ShortBody）",
      ]
    `);
  });

  test('is only a hint in a draft, which is never published', () => {
    const { article: parsed, problems } = article(`${valid}\ndraft: true`, '本报讯（通讯员 加雅文）11月22日，\n');
    expect(parsed?.draft).toBe(true);
    expect(problems).toMatchObject([{ code: 'ShortBody', severity: 'warning', line: 10 }]);
    expect(problems[0]?.hint).toBe('写完正文、删去 draft: true 这一行后才会发布');
  });

  test('an empty body is an error, and a hint in a draft', () => {
    expect(article(valid, '').problems).toMatchObject([{ code: 'EmptyBody', severity: 'error' }]);
    expect(article(`${valid}\ndraft: yes`, '\n\n').problems).toMatchObject([{ code: 'EmptyBody', severity: 'warning' }]);
  });
});

describe('every problem of a file in one run', () => {
  test('a date written wrongly does not hide a cover that does not exist, nor a picture from elsewhere', () => {
    const text = `---\n${valid.replace('2024-11-22', '2024-12-7')}\ncover: ../../../images/none.jpg\n---\n\n${brief}\n\n![](http://mmbiz.qpic.cn/a/640)\n`;
    const { problems } = parseArticle('articles/2024/12/a.md', encode(text), registry, fixtureDir);
    expect(problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['DateFormat', 3],
      ['ImageMissing', 7],
      ['RemoteImage', 12],
    ]);
  });

  test('frontmatter that YAML cannot read does not hide the body’s problems', () => {
    const text = `---\n${valid}\ntags: [未闭合\n---\n\n本报讯（通讯员 加雅文）\n`;
    expect(parseArticle('a.md', encode(text), registry).problems.map((problem) => problem.code)).toEqual(['YamlSyntax', 'ShortBody']);
  });
});

describe('values YAML reads otherwise than written', () => {
  test('a title starting with # is told as a comment, with the line to write, not as an empty title', () => {
    const { problems } = article(valid.replace('技能比武强本领', '#1 号文件学习会'));
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "articles/2024/11/test.md:2:8  错误 标题：标题的值以 # 开头：稿件信息里 # 和它后面的字会被当成备注不读，所以标题成了空的。  请给整个值加英文引号，写成：title: "#1 号文件学习会"（ValueIsComment）",
      ]
    `);
  });

  test('`: ` in a title is told as such, not as a syntax error', () => {
    const { problems } = article(valid.replace('技能比武强本领', '学习: 二十大精神'));
    expect(problems).toMatchObject([{ code: 'ColonInValue', field: 'title', line: 2, hint: '请给整个值加英文引号，写成：title: "学习: 二十大精神"；或者把冒号改成中文冒号“：”' }]);
  });

  test('a trap that breaks the whole frontmatter hides none of the file’s other problems', () => {
    const broken = valid.replace('技能比武强本领', '*重要*通知').replace('党建动态', '党见动态').replace('2024-11-22', '2024-11-2').replace('通讯员 加雅文', '通讯员: 加雅文');
    expect(article(broken).problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['SpecialFirstCharacter', 'title'],
      ['ColonInValue', 'byline'],
      ['DateFormat', 'date'],
      ['UnknownColumn', 'column'],
    ]);
  });

  test('a title YAML reads as a number is told with what it became', () => {
    expect(article(valid.replace('技能比武强本领', '1.10')).problems).toMatchObject([{ code: 'ValueNotText', message: '标题写的“1.10”被读成了数字 1.1，不是照写的文字。' }]);
  });

  test('a byline YAML reads as yes or no is told as such, not as of the wrong type', () => {
    expect(article(valid.replace('通讯员 加雅文', 'true')).problems).toMatchObject([{ code: 'ValueNotText', field: 'byline' }]);
  });

  test('an optional field that lost its value keeps the article from publishing until it is written right', () => {
    const { article: parsed, problems } = article(`${valid}\nkicker: &学习 会议`);
    expect(parsed).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'SpecialFirstCharacter', field: 'kicker', severity: 'error' }]);
  });

  test('the same value in quotes is read as written', () => {
    expect(article(valid.replace('技能比武强本领', '"#1 号文件学习会"')).article?.title).toBe('#1 号文件学习会');
  });
});

describe('a paste from WeChat or Word', () => {
  test('is read as the text its writer saw: names resolve, nothing odd reaches the title, summary or body', () => {
    const front = valid.replace('技能比武强本领', '技能\u00A0比武强本领').replace('[水务局]', '[水\u00A0务局]');
    const { article: parsed, problems } = article(front, `\u3000\u3000本报讯（通讯员\u00A0加雅文）市水务局\u00A0组织开展技能\u2028大比武。\n`);
    expect(parsed).toMatchObject({ title: '技能比武强本领', units: ['shuiwuju'], summary: '本报讯（通讯员 加雅文）市水务局组织开展技能大比武。' });
    expect(parsed?.body).toBe('\n本报讯（通讯员 加雅文）市水务局组织开展技能大比武。\n');
    expect(problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['PastedSpaces', 2],
      ['PastedSpaces', 5],
      ['PastedSpaces', 9],
      ['PastedIndent', 9],
    ]);
  });
});

describe('readArticles', () => {
  test('reads every article of the fixture bulletin without errors', () => {
    const { articles, problems } = readArticles(fixtureDir, registry);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(27);
    expect(articles.find((entry) => entry.sourcePath.endsWith('审计局书记项目.md'))?.slug).toBe('shen-ji-ju-shu-ji-xiang-mu');
  });

  test('reports a clash of written slugs in both files, each naming the other', () => {
    const { articles, problems } = settleArticleSlugs([
      { article: stub('biwu', 'articles/2024/biwu.md', '2024-01-01'), slugWritten: true },
      { article: stub('biwu', 'articles/2025/biwu.md', '2025-01-01'), slugWritten: true },
    ]);
    expect(articles).toEqual([]);
    expect(problems).toMatchObject([
      { file: 'articles/2024/biwu.md', code: 'SlugClash', severity: 'error' },
      { file: 'articles/2025/biwu.md', code: 'SlugClash', severity: 'error' },
    ]);
    expect(problems[0]?.message).toContain('articles/2025/biwu.md');
    expect(problems[1]?.message).toContain('articles/2024/biwu.md');
  });

  test('lets a newer file of the same name take another slug, with a warning, and keeps the older page', () => {
    const older = stub('jian-xun', 'articles/2024/11/简讯.md', '2024-11-01');
    const newer = stub('jian-xun', 'articles/2024/12/简讯.md', '2024-12-01');
    const { articles, problems } = settleArticleSlugs([
      { article: newer, slugWritten: false },
      { article: older, slugWritten: false },
    ]);
    expect(articles.map((article) => article.slug)).toEqual([expect.stringMatching(/^jian-xun-[0-9a-f]{8}$/), 'jian-xun']);
    expect(problems).toMatchObject([{ file: 'articles/2024/12/简讯.md', code: 'SlugRenamed', severity: 'warning' }]);
  });

  test('a newer file of the same name gives way to an older written slug', () => {
    const { articles, problems } = settleArticleSlugs([
      { article: stub('biwu', 'articles/b/biwu.md', '2024-01-01'), slugWritten: false },
      { article: stub('biwu', 'articles/a/other.md', '2020-01-01'), slugWritten: true },
    ]);
    expect(articles[0]?.slug).toMatch(/^biwu-[0-9a-f]{8}$/);
    expect(articles[1]?.slug).toBe('biwu');
    expect(problems).toMatchObject([{ file: 'articles/b/biwu.md', code: 'SlugRenamed', severity: 'warning' }]);
  });

  test('refuses a written slug that an older article has from its file name: its page never moves', () => {
    const { articles, problems } = settleArticleSlugs([
      { article: stub('biwu', 'articles/a/biwu.md', '2020-01-01'), slugWritten: false },
      { article: stub('biwu', 'articles/b/other.md', '2024-01-01'), slugWritten: true, line: 7, column: 7 },
    ]);
    expect(articles.map((article) => [article.sourcePath, article.slug])).toEqual([['articles/a/biwu.md', 'biwu']]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'articles/b/other.md', line: 7, column: 7, code: 'SlugTaken', severity: 'error' }),
    ]);
    expect(problems[0]?.message).toBe('网址名“biwu”已是更早发布的 articles/a/biwu.md 的网址（由它的文件名生成）。');
    expect(problems[0]?.hint).toContain('slug: biwu-2');
  });
});

function stub(slug: string, sourcePath: string, date: string): Article {
  return { ...article(valid).article!, slug, sourcePath, date };
}
