import { describe, expect, test } from 'vitest';
import { githubAnnotation, githubAnnotations } from '../../../src/lib/checker/github-annotations.ts';
import { catalogued, type CatalogueText, type Problem } from '../../../src/lib/problems/problems.ts';

const inContent = (file: string) => `content/${file}`;
const asIs = (file: string) => file;

/**
 * A workflow command read back as the GitHub runner reads it: the command, each property and the
 * message, each unescaped. A command whose escaping went wrong comes back different, or not at all.
 */
function readCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2]!
      .split(',')
      .map((pair) => pair.split('=') as [string, string])
      .map(([name, value]) => [name, unescape(value)]),
  );
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

const unknownUnit = catalogued('articles/2024/11/shenji.md', 'UnknownUnit', { line: 5, column: 15, field: 'units' }, [
  '市审记局',
  ['市审计局'],
]);

describe('githubAnnotation', () => {
  test('an error is ::error on its file, line and column, named by its field, with the message and, below it, the hint', () => {
    const line = githubAnnotation(unknownUnit, inContent);
    expect(line).toBe(
      '::error file=content/articles/2024/11/shenji.md,line=5,col=15,title=稿件检查：单位::找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。' +
        '%0A请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）',
    );
    expect(readCommand(line)).toEqual({
      command: 'error',
      properties: { file: 'content/articles/2024/11/shenji.md', line: '5', col: '15', title: '稿件检查：单位' },
      message: `${unknownUnit.message}\n${unknownUnit.hint}（UnknownUnit）`,
    });
  });

  test('a warning is ::warning; a problem of the whole file is on its first line, titled without a field', () => {
    const crlf = catalogued('articles/a.md', 'CrLf', {}, [], [], 'warning');
    expect(readCommand(githubAnnotation(crlf, asIs))).toEqual({
      command: 'warning',
      properties: { file: 'articles/a.md', line: '1', col: '1', title: '稿件检查' },
      message: `文件用的是 Windows 的换行。\n${crlf.hint}（CrLf）`,
    });
  });

  test('escapes %, line ends, and in properties , and :, so that every character comes back as written', () => {
    const awkward: Problem = {
      file: 'articles/2024/11/a,b:c%d.md',
      line: 3,
      column: 2,
      severity: 'error',
      code: 'UnknownUnit',
      message: '第一行 100%\r\n第二行 %0A 不是换行，a::b, c' as CatalogueText,
      hint: '提示：x,y' as CatalogueText,
    };
    const line = githubAnnotation(awkward, asIs);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('file=articles/2024/11/a%2Cb%3Ac%25d.md,');
    expect(line).toContain('::第一行 100%25%0D%0A第二行 %250A 不是换行，a::b, c%0A提示：x,y（UnknownUnit）');
    expect(readCommand(line)).toEqual({
      command: 'error',
      properties: { file: awkward.file, line: '3', col: '2', title: '稿件检查' },
      message: `${awkward.message}\n${awkward.hint}（UnknownUnit）`,
    });
  });
});

describe('githubAnnotations', () => {
  test('one command a line, in the order given', () => {
    const crlf = catalogued('articles/a.md', 'CrLf', {}, [], [], 'warning');
    const lines = githubAnnotations([crlf, unknownUnit], asIs).split('\n');
    expect(lines.map((line) => readCommand(line).command)).toEqual(['warning', 'error']);
    expect(lines.map((line) => readCommand(line).properties['file'])).toEqual(['articles/a.md', 'articles/2024/11/shenji.md']);
  });

  test('nothing for no problems', () => {
    expect(githubAnnotations([], asIs)).toBe('');
  });
});
