import { splitFrontmatter } from '../files/frontmatter.ts';
import { catalogued, type Problem } from '../problems/problems.ts';
import { invisibleByLine, invisibleNames, withoutInvisible } from '../text/invisible.ts';
import { mayNeedSpacing, normaliseSpacing, type PastedIndent } from '../text/layout-spaces.ts';

/** What a paste left on one line (1-based), named for a writer. */
export interface PastedLine {
  line: number;
  /** Characters that show as nothing, by their Chinese names: 零宽空格, 软连字符. */
  invisible: string[];
  /** Spaces and breaks that are other characters than they look: 看不见的不换行空格. */
  spaces: string[];
  /** The indent the line lost. */
  indent?: PastedIndent;
}

/**
 * An article file's text as the site reads it, and the lines a paste from WeChat, Word, WPS or
 * a PDF left characters on: invisible characters dropped (text/invisible.ts), then spaces and
 * indents made ordinary, the frontmatter's and the body's each by their own rules
 * (text/layout-spaces.ts). The build reads this text, `check` names the lines, and `--fix`
 * writes it; no line is added or removed, so every message names the line in the file.
 */
export function readPastedText(text: string): { text: string; lines: PastedLine[] } {
  const byLine = new Map<number, PastedLine>();
  const at = (line: number) => byLine.get(line) ?? byLine.set(line, { line, invisible: [], spaces: [] }).get(line)!;
  const hidden = invisibleByLine(text);
  for (const { line, characters } of hidden) at(line).invisible.push(...invisibleNames(characters));
  const visible = hidden.length > 0 ? withoutInvisible(text) : text;
  if (!mayNeedSpacing(visible)) return { text: visible, lines: [...byLine.values()] };
  // The fences are found with the invisible characters gone: a `---` with a zero-width space is still a fence.
  const split = splitFrontmatter(visible);
  const bodyStart = split.unclosed ? Number.POSITIVE_INFINITY : split.yaml === undefined ? 0 : split.bodyLine - 1;
  const spaced = normaliseSpacing(visible, bodyStart);
  for (const { line, spaces, indent } of spaced.found) {
    const entry = at(line);
    entry.spaces.push(...spaces);
    if (indent) entry.indent = indent;
  }
  return { text: spaced.text, lines: [...byLine.values()].sort((a, b) => a.line - b.line) };
}

/** How an indent is named to a writer. */
const indentNames = { 'full-width': '段首的全角空格缩进', hidden: '段首看不见的空格缩进' } as const;

/** The hints `check` gives for the lines a paste left characters on: the build has read them as ordinary text. */
export function pastedTextProblems(sourcePath: string, lines: readonly PastedLine[]): Problem[] {
  return lines.flatMap(({ line, invisible, spaces, indent }) => {
    const problems: Problem[] = [];
    if (invisible.length > 0) problems.push(catalogued(sourcePath, 'InvisibleCharacters', { line }, [invisible], [], 'warning'));
    if (spaces.length > 0) problems.push(catalogued(sourcePath, 'PastedSpaces', { line }, [spaces], [], 'warning'));
    if (indent === 'code') problems.push(catalogued(sourcePath, 'IndentedAsCode', { line }, [], [], 'warning'));
    else if (indent) problems.push(catalogued(sourcePath, 'PastedIndent', { line }, [indentNames[indent]], [], 'warning'));
    return problems;
  });
}

/** What `--fix` says it changed on each such line. */
export function pastedTextChanges(lines: readonly PastedLine[]): { line: number; description: string }[] {
  return lines.flatMap(({ line, invisible, spaces, indent }) => [
    ...(invisible.length > 0 ? [{ line, description: `删去看不见的字符：${invisible.join('、')}` }] : []),
    ...(spaces.length > 0 ? [{ line, description: `改好${spaces.join('、')}（汉字之间的删去，其他的换成普通空格）` }] : []),
    ...(indent === 'code' ? [{ line, description: '删去段首的空格缩进（原来会显示成代码）' }] : indent ? [{ line, description: `删去${indentNames[indent]}` }] : []),
  ]);
}
