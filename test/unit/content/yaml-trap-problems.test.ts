import { expect, test } from 'vitest';
import { yamlTrapProblems } from '../../../src/lib/content/yaml-trap-problems.ts';
import type { YamlTrap } from '../../../src/lib/files/yaml-traps.ts';
import { formatProblem } from '../../../src/lib/problems/problems.ts';

const trap = (key: string, trapKind: Omit<YamlTrap, 'key' | 'line' | 'column' | 'corrected'>): YamlTrap => ({
  key,
  line: 1,
  column: key.length + 3,
  corrected: `${key}: "${trapKind.written}"`,
  ...trapKind,
});

test('each trap names the field by the name writers know, says what YAML made of it, and gives the line to write', () => {
  const traps = [
    trap('title', { kind: 'comment', written: '#1 号文件学习会' }),
    trap('byline', { kind: 'colon', written: '通讯员: 王笛' }),
    trap('kicker', { kind: 'indicator', written: '&学习 会议', character: '&' }),
    trap('summary', { kind: 'indicator', written: '| 学习', character: '|' }),
    trap('subtitle', { kind: 'not-text', written: 'true', read: true }),
    trap('cover', { kind: 'not-text', written: '~', read: null }),
  ];
  expect(yamlTrapProblems('articles/a.md', traps, 2).map(formatProblem)).toMatchInlineSnapshot(`
    [
      "articles/a.md:2:8  错误 标题：标题的值以 # 开头：稿件信息里 # 和它后面的字会被当成备注不读，所以标题成了空的。  请给整个值加英文引号，写成：title: "#1 号文件学习会"（ValueIsComment）",
      "articles/a.md:2:9  错误 署名：署名的值里有英文冒号加空格“: ”，会被当成又一个“字段名: 值”，这一行读不懂。  请给整个值加英文引号，写成：byline: "通讯员: 王笛"；或者把冒号改成中文冒号“：”（ColonInValue）",
      "articles/a.md:2:9  错误 引题：引题的值以“&”开头，这个符号在稿件信息里表示给值起名字（名字不算在值里），值没有照写的读出来。  请给整个值加英文引号，写成：kicker: "&学习 会议"（SpecialFirstCharacter）",
      "articles/a.md:2:10  错误 摘要：摘要的值以“|”开头，这个符号在稿件信息里表示下面几行是多行文字，值没有照写的读出来。  请给整个值加英文引号，写成：summary: "| 学习"（SpecialFirstCharacter）",
      "articles/a.md:2:11  错误 副题：副题写的“true”被读成了“是/否”里的 true，不是照写的文字。  请给整个值加英文引号，写成：subtitle: "true"（ValueNotText）",
      "articles/a.md:2:8  错误 题图：题图写的“~”被读成了“空”，不是照写的文字。  请给整个值加英文引号，写成：cover: "~"（ValueNotText）",
    ]
  `);
});
