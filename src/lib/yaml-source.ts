import { LineCounter, parseDocument, isMap, isSeq, isNode, type Node } from 'yaml';

/** YAML parsed with the positions needed to point a correspondent at a line. */
export interface YamlSource {
  data: unknown;
  /** Syntax errors, each with its 1-based line (relative to the YAML text). */
  errors: { line: number; column: number; detail: string }[];
  /** 1-based line of the value at `path` (or of its key), relative to the YAML text. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parse YAML as YAML 1.2 core: `2024-11-22` stays a string (so impossible dates are caught,
 * not rolled over) and only true/false are booleans; the schema decides what the writer meant.
 */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    schema: 'core',
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
  });
  const errors = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { line: position.line, column: position.col, detail: describeYamlError(error.code, error.message) };
  });
  const lineOf = (path: readonly (string | number)[]) => {
    let node: unknown = document.contents;
    let line: number | undefined = positionLine(node, lineCounter);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isNode(item.key) && (item.key as Node & { value?: unknown }).value === key);
        if (!pair) return line;
        line = positionLine(pair.key, lineCounter) ?? line;
        node = pair.value;
        line = positionLine(node, lineCounter) ?? line;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        line = positionLine(node, lineCounter) ?? line;
      } else {
        return line;
      }
    }
    return line;
  };
  return { data: errors.length ? undefined : document.toJS(), errors, lineOf };
}

function positionLine(node: unknown, lineCounter: LineCounter): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return lineCounter.linePos(node.range[0]).line;
}

/** The yaml library speaks English; say the common cases in Chinese and keep the rest. */
function describeYamlError(code: string, detail: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '同一个字段写了两次';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进或冒号不对';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '字段名后缺少冒号，或一个值写成了多行';
    case 'MISSING_CLOSING_QUOTE':
    case 'BAD_DQ_ESCAPE':
      return '引号没有配对';
    case 'UNEXPECTED_TOKEN':
      return `出现了意外的符号（${detail.split('\n')[0]}）`;
    default:
      return detail.split('\n')[0] ?? code;
  }
}
