import { describe, expect, test } from 'vitest';
import { findYamlTraps } from '../../../src/lib/files/yaml-traps.ts';
import { parseYamlSource } from '../../../src/lib/files/yaml-source.ts';

const keys = new Set(['title', 'byline', 'summary']);

/** The traps of one frontmatter, read as the checks read it: with the data when the YAML parses. */
function traps(yaml: string) {
  const source = parseYamlSource(yaml);
  return findYamlTraps(yaml, source.errors.length ? undefined : source.data, keys);
}

describe('a value that starts with #', () => {
  test('is a comment, and the line to write quotes it', () => {
    expect(traps('date: 2024-12-07\ntitle: #1 号文件学习会')).toEqual([
      { key: 'title', kind: 'comment', line: 2, column: 8, written: '#1 号文件学习会', corrected: 'title: "#1 号文件学习会"' },
    ]);
  });

  test('but a comment after a value is the writer’s', () => {
    expect(traps('title: 技能比武强本领   # 主标题')).toEqual([]);
  });
});

test.each([
  ['title: *重要*通知', '*'],
  ['title: &学习 会议', '&'],
  ['title: @机关党委', '@'],
  ['title: `学习`', '`'],
  ['title: [通知] 关于开展学习', '['],
  ['title: [通知]', '['],
  ['title: {通知} 关于开展学习', '{'],
  ['title: | 学习', '|'],
  ['title: > 学习', '>'],
  ['title: !重要 通知', '!'],
  ['title: %50 的党员', '%'],
  ['title: - 学习', '-'],
  ['title: "学习"二十大精神', '"'],
])('%s starts with a character YAML reads as syntax', (line, character) => {
  expect(traps(line)).toMatchObject([{ key: 'title', kind: 'indicator', character, line: 1, column: 8 }]);
});

test('the corrected line keeps the value as written, in quotes YAML reads back unchanged', () => {
  for (const line of ['title: *重要*通知', 'title: "学习"二十大精神', 'title: 学习: 二十大', 'title: #1 号文件']) {
    const [trap] = traps(line);
    expect(parseYamlSource(trap!.corrected).data).toEqual({ title: trap!.written });
  }
});

test('`: ` inside a value reads as a second key', () => {
  expect(traps('title: 学习: 二十大精神')).toMatchObject([{ kind: 'colon', corrected: 'title: "学习: 二十大精神"' }]);
  expect(traps('title: 专题学习:')).toMatchObject([{ kind: 'colon' }]);
});

test('a block of lines (summary: |) is YAML as meant, not a trap', () => {
  expect(traps('summary: |\n  第一行\n  第二行\ntitle: >-  # 折行')).toEqual([]);
});

test.each([
  ['title: 1.10', 1.1],
  ['title: 0012', 12],
  ['title: 1e3', 1000],
  ['title: true', true],
  ['byline: false', false],
  ['title: ~', null],
])('%s is read as something else than its text', (line, read) => {
  expect(traps(line)).toMatchObject([{ kind: 'not-text', read }]);
});

test('a number YAML reads back as written is the text the writer meant', () => {
  expect(traps('title: 2024')).toEqual([]);
});

test('only the fields meant as text, at the top level, are looked at', () => {
  expect(traps('units: [市水务局]\ntags:\n  - "#1"\ndraft: true\nissue: 0047')).toEqual([]);
});
