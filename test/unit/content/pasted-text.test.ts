import { expect, test } from 'vitest';
import { pastedTextChanges, pastedTextProblems, readPastedText } from '../../../src/lib/content/pasted-text.ts';
import { formatProblem } from '../../../src/lib/problems/problems.ts';

const pasted = [
  '---',
  'title: 市廉政\u00A0教育基地揭牌',
  'byline: 通讯员\u00A0王\u200B笛',
  '---',
  '',
  '\u3000\u3000本报讯（通讯员 王笛）市廉政\u00A0教育基地\u2028正式揭牌，软\u00AD连字符。',
  '',
  '    第二段用四个空格缩进。',
].join('\n');

test('reads a paste as the text its writer saw, line for line', () => {
  const { text } = readPastedText(pasted);
  expect(text).toBe(['---', 'title: 市廉政教育基地揭牌', 'byline: 通讯员 王笛', '---', '', '本报讯（通讯员 王笛）市廉政教育基地正式揭牌，软连字符。', '', '第二段用四个空格缩进。'].join('\n'));
});

test('names each line’s characters for check, as hints', () => {
  const problems = pastedTextProblems('articles/2024/11/a.md', readPastedText(pasted).lines);
  expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
  expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
    [
      "articles/2024/11/a.md:2:1  提示 这一行有看不见的不换行空格（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/2024/11/a.md:3:1  提示 这一行有看不见的字符：零宽空格（从网页或聊天软件复制时带来的），生成网站时已去掉。  运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）",
      "articles/2024/11/a.md:3:1  提示 这一行有看不见的不换行空格（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/2024/11/a.md:6:1  提示 这一行有看不见的字符：软连字符（从网页或聊天软件复制时带来的），生成网站时已去掉。  运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）",
      "articles/2024/11/a.md:6:1  提示 这一行有看不见的不换行空格、看不见的换行符（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。  运行 npm run check -- --fix 在文件里也这样改好（PastedSpaces）",
      "articles/2024/11/a.md:6:1  提示 这一行有段首的全角空格缩进（Word、WPS 和微信排版的习惯），网页会自己排好段落，生成网站时已去掉。  运行 npm run check -- --fix 从文件里删掉；段首不用空格，段与段之间空一行就行（PastedIndent）",
      "articles/2024/11/a.md:8:1  提示 这一段开头空了 4 个以上空格（或按了 Tab 键），这样的段落会被当成程序代码，显示成灰底的等宽字；它是中文段落，生成网站时已去掉缩进。  运行 npm run check -- --fix 从文件里删掉缩进；段首不用空格，段与段之间空一行就行（IndentedAsCode）",
    ]
  `);
});

test('says what --fix changed on each line', () => {
  expect(pastedTextChanges(readPastedText(pasted).lines)).toEqual([
    { line: 2, description: '改好看不见的不换行空格（汉字之间的删去，其他的换成普通空格）' },
    { line: 3, description: '删去看不见的字符：零宽空格' },
    { line: 3, description: '改好看不见的不换行空格（汉字之间的删去，其他的换成普通空格）' },
    { line: 6, description: '删去看不见的字符：软连字符' },
    { line: 6, description: '改好看不见的不换行空格、看不见的换行符（汉字之间的删去，其他的换成普通空格）' },
    { line: 6, description: '删去段首的全角空格缩进' },
    { line: 8, description: '删去段首的空格缩进（原来会显示成代码）' },
  ]);
});

test('finds the frontmatter fences with the invisible characters gone', () => {
  const { text } = readPastedText('---\u200B\ntitle: 标题\n---\n\n\u3000\u3000正文。');
  expect(text).toBe('---\ntitle: 标题\n---\n\n正文。');
});

test('reads every line of frontmatter that never closes by the frontmatter’s rules', () => {
  expect(readPastedText('---\ntitle: 标题\n\n\u3000\u3000正文。').text).toBe('---\ntitle: 标题\n\n\u3000\u3000正文。');
});

test('reads a file without frontmatter as a body', () => {
  expect(readPastedText('\u3000\u3000只有正文。').text).toBe('只有正文。');
});
