import { LineCounter, parseDocument, isAlias, isMap, isSeq, isNode, type Node } from 'yaml';

/** A place in a text: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** YAML parsed with the positions needed to point a correspondent at a line. */
export interface YamlSource {
  data: unknown;
  /** Syntax errors, each with its 1-based line (relative to the YAML text). */
  errors: { line: number; column: number; detail: string }[];
  /** Where the value at `path` (or its key, or its nearest parent) starts, relative to the YAML text. */
  positionOf(path: readonly PropertyKey[]): Position | undefined;
}

/**
 * Parse YAML as YAML 1.2 core: `2024-11-22` stays a string (so impossible dates are caught,
 * not rolled over) and only true/false are booleans; the schema decides what the writer meant.
 * The yaml package parses and counts lines; what is ours is only finding the node at a path.
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
    const unpaired = unpairedOpening(text, error.message);
    if (unpaired) return unpaired;
    const position = lineCounter.linePos(error.pos[0]);
    return { line: position.line, column: position.col, detail: describeYamlError(error.code) };
  });
  // `*` and `&` start YAML aliases and anchors; a value like *重要*通知 only fails when read.
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = document.toJS();
    } catch {
      const alias = findAlias(document.contents);
      const position = lineCounter.linePos(alias ?? 0);
      errors.push({ line: position.line, column: position.col, detail: describeYamlError('UNRESOLVED_ALIAS') });
    }
  }
  const positionOf = (path: readonly PropertyKey[]) => {
    let node: unknown = document.contents;
    let position = nodePosition(node, lineCounter);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isNode(item.key) && (item.key as Node & { value?: unknown }).value === key);
        if (!pair) return position;
        position = nodePosition(pair.key, lineCounter) ?? position;
        node = pair.value;
        position = nodePosition(node, lineCounter) ?? position;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        position = nodePosition(node, lineCounter) ?? position;
      } else {
        return position;
      }
    }
    return position;
  };
  return { data, errors, positionOf };
}

/** Where the first alias (`*name`) of a document starts, for reporting it. */
function findAlias(node: unknown): number | undefined {
  if (isAlias(node)) return node.range?.[0];
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = findAlias(pair.key) ?? findAlias(pair.value);
      if (found !== undefined) return found;
    }
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = findAlias(item);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function nodePosition(node: unknown, lineCounter: LineCounter): Position | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/**
 * The yaml library notices a missing closing quote or bracket where the document ends, lines
 * after the mistake. A frontmatter value sits on one line, so the mistake is the first line
 * whose value opens a quote or bracket and does not close it: point there, in plain words.
 */
function unpairedOpening(text: string, libraryMessage: string): { line: number; column: number; detail: string } | undefined {
  const kind = /quote/i.test(libraryMessage) ? 'quote' : /Flow sequence|\]/.test(libraryMessage) ? 'bracket' : undefined;
  if (!kind) return undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\s*-?\s*[^\s:#][^:]*:\s+)(.*)$/.exec(lines[index]!);
    if (!match) continue;
    const value = match[2]!.trimEnd();
    const column = match[1]!.length + 1;
    if (kind === 'quote' && /^["']/.test(value) && !closesQuote(value)) {
      return { line: index + 1, column, detail: `值开头的引号 ${value[0]} 没有配对：请在值的末尾补上同样的英文引号，或者去掉开头的引号` };
    }
    if (kind === 'bracket' && value.startsWith('[') && !value.includes(']')) {
      return { line: index + 1, column, detail: '列表的方括号没有配对：请在末尾补上“]”，写成 [甲, 乙]' };
    }
  }
  return undefined;
}

/** True when a value that opens with a quote also closes it on the same line. */
function closesQuote(value: string): boolean {
  const quote = value[0]!;
  const rest = value.slice(1);
  return quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : rest.includes("'");
}

const quoteHint = '值以 *、&、@、#、引号开头或含有“: ”时，请给整个值加上英文双引号，例如 title: "*重要*通知"';

/** What went wrong, in Chinese, by the yaml library's error code; never its English text. */
function describeYamlError(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '同一个字段写了两次，请删去一个';
    case 'TAB_AS_INDENT':
      return '用了 Tab 键缩进，请改用空格';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进、冒号或括号不对：列表写成 [甲, 乙]，方括号要成对';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `字段名后缺少冒号，或者一个值里有“: ”；${quoteHint}`;
    case 'MISSING_CLOSING_QUOTE':
    case 'BAD_DQ_ESCAPE':
      return '引号没有配对';
    case 'BAD_SCALAR_START':
    case 'UNRESOLVED_ALIAS':
      return `值的开头是有特殊含义的符号；${quoteHint}`;
    default:
      return `格式无法识别；${quoteHint}`;
  }
}
