import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixFile } from '../../../src/lib/checker/fix.ts';
import { articleFieldInfo } from '../../../src/lib/content/schema.ts';
import { parseYamlSource } from '../../../src/lib/files/yaml-source.ts';
import { fieldNames, registryNames } from '../../../src/lib/problems/field-names.ts';
import { messages, type MessageCode } from '../../../src/lib/problems/messages.ts';
import { formatProblem, type EntryWords } from '../../../src/lib/problems/problems.ts';
import { invisibleNames } from '../../../src/lib/text/invisible.ts';
import { jargonIn } from '../../words.ts';

/** One way an entry is filled in: its message's and its hint's arguments. */
interface Sample {
  args: unknown[];
  hintArgs?: unknown[];
}

const keys = Object.keys(fieldNames);
const registries = Object.keys(registryNames);
const perKey = (sample: (key: string) => Sample): Sample[] => keys.map(sample);
const none: Sample[] = [{ args: [] }];
const article = 'articles/2024/11/jineng-biwu.md';

/** What the YAML reader says of the mistakes writers make, in its own words (the detail of YamlSyntax). */
const yamlDetails = [
  'title: "未闭合的引号\ndate: 2024-11-22',
  'units: [市水务局\ndate: 2024-11-22',
  'title: 甲\ntitle: 乙',
  'title: 甲\n\tdate: 2024-11-22',
  'title: *重要*通知',
  'title: 甲: 乙',
].flatMap((yaml) => parseYamlSource(yaml).errors.map((error) => error.detail));

/**
 * Every entry of the catalogue, filled in as the checks fill it: each field key, each registry
 * file, real invisible-character names and YAML details. An entry missing here fails the test
 * below, so a new message is read against the jargon list too.
 */
const samples: Record<MessageCode, Sample[]> = {
  NotUtf8: none,
  NotText: none,
  Gbk: none,
  Utf16: none,
  Utf8Bom: none,
  CrLf: none,
  FullWidthColon: perKey((key) => ({ args: [key], hintArgs: [key] })),
  FullWidthSpace: perKey((key) => ({ args: [key], hintArgs: [key] })),
  ColonWithoutSpace: perKey((key) => ({ args: [key], hintArgs: [key] })),
  MissingFrontmatter: none,
  UnclosedFrontmatter: none,
  YamlSyntax: yamlDetails.map((detail) => ({ args: [detail] })),
  NotAMapping: none,
  MissingField: perKey((key) => ({ args: [key], hintArgs: [key] })),
  WrongType: perKey((key) => ({
    args: [key, articleFieldInfo[key]?.expected ?? '文字'],
    hintArgs: [articleFieldInfo[key]?.example ?? `${key}: ……`],
  })),
  EmptyField: perKey((key) => ({ args: [key], hintArgs: [key] })),
  TooLong: perKey((key) => ({ args: [key, 200, 231] })),
  TooMany: perKey((key) => ({ args: [key, 50, 61] })),
  InvalidDate: [{ args: ['2024-13'] }],
  DateFormat: [{ args: ['2024年11月22日', '2024-11-22'] }],
  ImpossibleDate: [
    { args: ['2024-11-31'], hintArgs: [2024, 11, 30] },
    { args: ['2024-13-01'], hintArgs: [] },
  ],
  UnknownUnit: [{ args: ['市审记局', ['市审计局']] }, { args: ['某某局', []] }],
  RenamedUnit: [{ args: ['市水利局', '市水务局'], hintArgs: ['市水务局'] }],
  NoUnits: none,
  UnknownColumn: [
    { args: ['党建快讯', ['党建动态']], hintArgs: [['党建动态', '通讯']] },
    { args: ['快讯', []], hintArgs: [['党建动态']] },
  ],
  BadByline: [{ args: ['王笛'] }],
  BadSlug: [{ args: ['技能比武'] }],
  SlugClash: [{ args: ['jineng-biwu', article], hintArgs: ['jineng-biwu'] }],
  SlugTaken: [{ args: ['jineng-biwu', article], hintArgs: ['jineng-biwu'] }],
  SlugRenamed: [{ args: ['jianxun', 'articles/2024/10/简讯.md', 'jianxun-3f2a'], hintArgs: ['jianxun'] }],
  UnknownField: [...perKey((key) => ({ args: ['titel', key] })), { args: ['zuozhe', undefined] }],
  InvisibleCharacters: [{ args: [invisibleNames(['\u200B', '\u202E', '\u202C', '\uFEFF'])] }],
  HtmlHandlerRemoved: [{ args: [['onclick', 'onmouseover']] }],
  RepeatedParagraph: [{ args: [article, 12] }, { args: [article, undefined] }],
  EmptyBody: none,
  MdxNotTrusted: none,
  ImageMissing: [{ args: ['../../../images/biwu.jpg'] }],
  HtmlImage: [{ args: ['../../../images/biwu.jpg'] }],
  ArticleIsText: [{ args: ['稿件.txt'], hintArgs: ['稿件'] }],
  ArticleIsDocument: [{ args: ['稿件.docx'] }],
  ArticleFileUnknown: [{ args: ['名单.xlsx'] }],
  SymlinkOutside: none,
  ImageOutside: [{ args: ['../../../../外面.jpg'] }],
  EmbeddedImage: [{ args: [], hintArgs: ['images/2024/11/', '![图片说明](../../../images/2024/11/图片名.jpg)'] }],
  BadTrustedFolder: [{ args: ['units'] }],
  RegistryMissing: registries.map((file) => ({ args: [file], hintArgs: [file] })),
  RegistryNotAList: registries.map((file) => ({ args: [file] })),
  DuplicateName: [{ args: ['单位', '水务局', '市水务局'] }, { args: ['栏目', 'dongtai', '党建动态'] }],
  InvalidUrl: [{ args: ['dangjian'] }],
  ValueIsComment: perKey((key) => ({ args: [fieldNames[key]], hintArgs: [`${key}: "#1 号文件学习会"`] })),
  ColonInValue: perKey((key) => ({ args: [fieldNames[key]], hintArgs: [`${key}: "通讯员: 王笛"`] })),
  SpecialFirstCharacter: [
    { args: ['标题', '*', '表示引用别处的值'], hintArgs: ['title: "*重要*通知"'] },
    { args: ['摘要', '|', '表示下面几行是多行文字'], hintArgs: ['summary: "| 学习"'] },
  ],
  ValueNotText: [
    { args: ['副题', 'true', '“是/否”里的 true'], hintArgs: ['subtitle: "true"'] },
    { args: ['标题', '1.10', '数字 1.1'], hintArgs: ['title: "1.10"'] },
  ],
  PastedSpaces: [{ args: [['看不见的不换行空格', '汉字之间的全角空格']] }],
  PastedIndent: [{ args: ['段首的全角空格缩进'] }, { args: ['段首看不见的空格缩进'] }],
  IndentedAsCode: none,
  ShortBody: [
    { args: [0, 10], hintArgs: [false] },
    { args: [6, 10], hintArgs: [true] },
  ],
  RemoteImage: [
    { args: ['https://mmbiz.qpic.cn/…/640', true], hintArgs: ['images/2024/11/', '![](../../../images/2024/11/图片.jpg)'] },
    { args: ['http://example.com/a.jpg', false], hintArgs: ['images/2024/11/', '![](../../../images/2024/11/a.jpg)'] },
  ],
};

type Entry = { message: (...args: unknown[]) => string; hint: (...args: unknown[]) => string };
/** Every entry filled in with each of its samples. */
const rendered = Object.entries(samples).flatMap(([code, list]) =>
  list.map((sample) => {
    const entry = messages[code as MessageCode] as Entry;
    // The samples are untyped so one table can hold every entry; what they make is what entryWords makes.
    return {
      code: code as MessageCode,
      message: entry.message(...sample.args),
      hint: entry.hint(...(sample.hintArgs ?? [])),
    } as EntryWords;
  }),
);
const codes = Object.keys(samples);

describe('the words a correspondent reads', () => {
  test('every entry of the catalogue is tried here', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(messages).sort());
  });

  test.each(codes)('%s says it without jargon', (code) => {
    const texts = rendered.filter((entry) => entry.code === code).flatMap(({ message, hint }) => [message, hint]);
    expect(texts.map((text) => ({ text, jargon: jargonIn(text) })).filter((found) => found.jargon.length > 0)).toEqual([]);
  });

  test('a line of check names the field in Chinese and gives the code only at its end', () => {
    for (const { code, message, hint } of rendered) {
      for (const field of [undefined, ...keys]) {
        const line = formatProblem({ file: article, line: 5, column: 9, field, severity: 'error', code, message, hint });
        expect(line.endsWith(`（${code}）`), line).toBe(true);
        expect(jargonIn(line.slice(0, -`（${code}）`.length)), line).toEqual([]);
      }
    }
  });

  test('what --fix says it changed is said without jargon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'words-'));
    const file = join(dir, 'crlf.md');
    const text =
      '\uFEFF---\r\ntitle：标题\r\nunits　市水务局\r\ndate:2024年11月22日\r\ncolumn: 党建动态\r\nbyline: 通讯员 王笛\r\n---\r\n\r\n本报讯\u200B（通讯员 王笛）\u202E\r\n';
    writeFileSync(file, text);
    const { changes } = fixFile(file, { article: true });
    expect(changes.length).toBeGreaterThanOrEqual(6);
    for (const change of changes) expect(jargonIn(change.description), change.description).toEqual([]);
  });
});

describe('the jargon test itself', () => {
  test.each([
    '文件用的是 Windows 换行符（CRLF）。',
    '运行 --fix 可以统一为 LF',
    '这一行有看不见的字符：零宽空格 U+200B',
    '文件开头缺少稿件信息（frontmatter）。',
    'YAML 格式有误',
    '请改用 units.yaml 里的名称',
    '字段 title 不能为空。',
    'slug“技能比武”只能用小写英文字母',
    '找不到文件（ENOENT）',
    '单位 undefined 不存在',
    '找不到单位（UnknownUnit）',
    '请编辑用 npm run import 转换',
    'GitHub 上的 CodeQuality 报告',
  ])('finds the jargon in %s', (text) => {
    expect(jargonIn(text)).not.toEqual([]);
  });

  test.each([
    '文件用的是 Windows 换行。',
    '请在稿件信息中加一行“title: ……”',
    '标题（title）不能为空。',
    '单位名单（units.yaml）中相近的有：“市审计局”。',
    '运行 npm run check -- --fix-units',
    '请用 --slug 指定另一个网址名',
    '在 GitHub 或 GitLab 的合并请求里',
  ])('lets %s pass', (text) => {
    expect(jargonIn(text)).toEqual([]);
  });
});
