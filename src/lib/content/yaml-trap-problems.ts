import type { YamlTrap } from '../files/yaml-traps.ts';
import { catalogued, type Problem } from '../problems/problems.ts';
import { fieldLabel } from '../problems/field-names.ts';

/** What a character at the start of a value does in frontmatter, as a writer would be told. */
const meanings: Record<string, string> = {
  '*': '表示引用别处的值',
  '&': '表示给值起名字（名字不算在值里）',
  '@': '是保留的符号，不能放在开头',
  '`': '是保留的符号，不能放在开头',
  '%': '是保留的符号，不能放在开头',
  '!': '表示值的类型（类型不算在值里）',
  '[': '表示列表',
  '{': '表示一组“字段名: 值”',
  '|': '表示下面几行是多行文字',
  '>': '表示下面几行是多行文字',
  '-': '表示列表的一项',
  '"': '表示只有引号里的才是值',
  "'": '表示只有引号里的才是值',
};

/** What YAML read a value as, in words. */
function readAs(read: YamlTrap['read']): string {
  if (read === null || read === undefined) return '“空”';
  if (typeof read === 'boolean') return `“是/否”里的 ${read}`;
  return `数字 ${read}`;
}

/** Each trap as an error on its line, saying what the value was read as and the line to write instead. */
export function yamlTrapProblems(sourcePath: string, traps: readonly YamlTrap[], yamlLine: number): Problem[] {
  return traps.map((trap) => {
    const label = fieldLabel(trap.key);
    const place = { line: yamlLine + trap.line - 1, column: trap.column, field: trap.key };
    switch (trap.kind) {
      case 'comment':
        return catalogued(sourcePath, 'ValueIsComment', place, [label], [trap.corrected]);
      case 'colon':
        return catalogued(sourcePath, 'ColonInValue', place, [label], [trap.corrected]);
      case 'indicator':
        return catalogued(sourcePath, 'SpecialFirstCharacter', place, [label, trap.character ?? '', meanings[trap.character ?? ''] ?? meanings['@']!], [trap.corrected]);
      case 'not-text':
        return catalogued(sourcePath, 'ValueNotText', place, [label, trap.written, readAs(trap.read)], [trap.corrected]);
    }
  });
}
