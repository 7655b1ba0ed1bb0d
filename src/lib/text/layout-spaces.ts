import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { knownRoles } from './byline.ts';
import { cjkCharacters } from './characters.ts';

/**
 * Spaces and breaks that pastes from WeChat, Word, WPS and PDFs leave in text: they look like
 * an ordinary space (or nothing) but are other characters, which Markdown, YAML and the search
 * do not read as the writer saw them. The no-break spaces, the typesetting spaces of fixed
 * widths, and the line and paragraph separators.
 */
/** Spaces that look like a plain one but are another character: no-break, thin, figure and the like. */
export const hiddenSpaceCharacters = '\\u00A0\\u2000-\\u200A\\u202F\\u205F';
const hidden = `${hiddenSpaceCharacters}\\u2028\\u2029`;
/** The full-width space: typed on purpose in a title or a byline, a layout leftover inside a sentence. */
const ideographic = '\\u3000';

const anyLayout = new RegExp(`[${hidden}${ideographic}]`, 'u');
const isHidden = new RegExp(`^[${hidden}]$`, 'u');
/** A run of spaces holding at least one that is not ASCII. */
const spaceRun = new RegExp(`[ \\t]*[${hidden}${ideographic}][ \\t${hidden}${ideographic}]*`, 'gu');
const endsInCjk = new RegExp(`[${cjkCharacters}]$`, 'u');
const startsWithCjk = new RegExp(`^[${cjkCharacters}]`, 'u');
/** The indent a Word or WeChat paragraph brings: full-width or hidden spaces, after any Markdown indentation. */
const pastedIndent = new RegExp(`^([ \\t]*)([${hidden}${ideographic}][ \\t${hidden}${ideographic}]*)`, 'u');
/** Four spaces or a tab before Chinese text: Markdown would read the paragraph as code. */
const codeIndentedChinese = /^(?: {4}|[ ]{0,3}\t)[^\n]*\p{Script=Han}/mu;
const fence = /^[ \t]{0,3}(?:```|~~~)/;
const heading = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A code span: a run of backticks, then the same run closing it. */
const codeSpan = /(`+)(?!`).*?(?<!`)\1(?!`)/gu;

/** A byline in parentheses (本报讯（通讯员 王笛）, （记者 高乐 摄）): its spaces part a role from names. */
const bylineInParentheses = new RegExp(
  `[（(][^（）()]*?(?:${knownRoles.filter((role) => [...role].length > 1 && !role.includes('/')).join('|')})[^（）()]*[）)]`,
  'gu',
);

const names: Record<string, string> = {
  '\u00A0': '看不见的不换行空格',
  '\u202F': '看不见的不换行空格',
  '\u2028': '看不见的换行符',
  '\u2029': '看不见的分段符',
  '\u3000': '汉字之间的全角空格',
};

/** How a writer is told of a space character: 看不见的不换行空格, 汉字之间的全角空格. */
function spaceName(character: string): string {
  return names[character] ?? '看不见的排版空格';
}

/** How a line was indented, when reading drops the indent. */
export type PastedIndent = 'full-width' | 'hidden' | 'code';

/** What was found on one line (1-based). */
export interface SpacingFound {
  line: number;
  /** Each kind of space changed, named for a writer. */
  spaces: string[];
  indent?: PastedIndent;
}

/**
 * Where a line sits, which decides what its spaces mean: running text, a heading, the
 * frontmatter, the frontmatter's byline, code (left as written), or running text that Markdown
 * would have read as code for its indent.
 */
type LineKind = 'text' | 'heading' | 'front' | 'byline' | 'code' | 'indented-text';

type Range = readonly [number, number];

/**
 * The text with the spaces a paste leaves made ordinary, and the lines where that changed
 * something. Lines before `bodyStart` (0-based) are frontmatter. The number of lines never
 * changes, so every line a later message names is the line in the file.
 *
 * - Between two Chinese characters, a hidden space (or a line separator) is a layout leftover
 *   and goes; so does a full-width space in running text. In a byline it parts a role from a
 *   name and becomes an ordinary space; in a title, a heading or a byline a full-width space
 *   is the writer's and stays.
 * - Elsewhere a hidden space becomes an ordinary space, and at the end of a line it goes (two
 *   ordinary spaces there would make a line break).
 * - A paragraph indented with full-width or hidden spaces (the Chinese print habit) loses the
 *   indent; so does one indented with four spaces or a tab that holds Chinese text at the top
 *   level of the body, which Markdown would otherwise show as code.
 * - Code (fenced, or indented and without Chinese) and inline `code` are left as written.
 */
export function normaliseSpacing(text: string, bodyStart: number): { text: string; found: SpacingFound[] } {
  if (!mayNeedSpacing(text)) return { text, found: [] };
  const lines = text.split('\n');
  const { kinds, inlineCode } = bodyLayout(lines, bodyStart);
  const found: SpacingFound[] = [];
  lines.forEach((line, index) => {
    const kind = kinds[index]!;
    if (kind === 'code') return;
    const ending = line.endsWith('\r') ? '\r' : '';
    const result = respaceLine(ending ? line.slice(0, -1) : line, kind, inlineCode.get(index) ?? []);
    if (result.spaces.length === 0 && !result.indent) return;
    lines[index] = result.text + ending;
    found.push({ line: index + 1, spaces: result.spaces, ...(result.indent ? { indent: result.indent } : {}) });
  });
  return { text: lines.join('\n'), found };
}

/** False when a text has nothing these rules change (most articles): no such space, no line indented like code before Chinese. */
export function mayNeedSpacing(text: string): boolean {
  return anyLayout.test(text) || codeIndentedChinese.test(text);
}

/** What each line of the file is, and the inline code spans of the body's lines (by 0-based line, columns from 0). */
function bodyLayout(lines: readonly string[], bodyStart: number): { kinds: LineKind[]; inlineCode: Map<number, Range[]> } {
  const kinds: LineKind[] = lines.map((line, index) =>
    index < bodyStart ? (/^byline\s*[:：\u3000]/.test(line) ? 'byline' : 'front') : heading.test(line) ? 'heading' : 'text',
  );
  const inlineCode = new Map<number, Range[]>();
  const body = lines.slice(bodyStart).join('\n');
  // Only Markdown knows which lines are code; most bodies have nothing a parse would change.
  if (!anyLayout.test(body) && !codeIndentedChinese.test(body)) return { kinds, inlineCode };
  const lineStarts = [0];
  for (const line of lines.slice(bodyStart)) lineStarts.push(lineStarts.at(-1)! + line.length + 1);
  // The body line an offset lies on, by halving: a long paste has many lines and code spans.
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const visit = (node: Nodes, atTop: boolean) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (node.type === 'code' && start && end) {
      const fenced = fence.test(lines[bodyStart + start.line - 1]!.slice(start.column - 1));
      // An indented block of Chinese at the top level is a paragraph with a pasted indent, not code.
      const kind: LineKind = !fenced && atTop && /\p{Script=Han}/u.test(node.value) ? 'indented-text' : 'code';
      for (let line = start.line; line <= end.line; line++) kinds[bodyStart + line - 1] = kind;
      return;
    }
    if (node.type === 'inlineCode' && start?.offset !== undefined && end?.offset !== undefined) {
      for (let line = lineOf(start.offset); line <= lineOf(end.offset); line++) {
        const from = Math.max(start.offset, lineStarts[line]!) - lineStarts[line]!;
        const to = Math.min(end.offset, lineStarts[line + 1]! - 1) - lineStarts[line]!;
        inlineCode.set(bodyStart + line, [...(inlineCode.get(bodyStart + line) ?? []), [from, to]]);
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child, node.type === 'root');
  };
  visit(fromMarkdown(body), false);
  return { kinds, inlineCode };
}

/** One line with its spaces made ordinary, what changed, and the indent it lost. */
function respaceLine(
  line: string,
  kind: LineKind,
  inlineCode: readonly Range[],
): { text: string; spaces: string[]; indent?: PastedIndent } {
  let indent: PastedIndent | undefined;
  let code = inlineCode;
  let rest = line;
  let lead = '';
  if (kind === 'indented-text') {
    const text = line.replace(/^[\s\u3000]+/u, '');
    if (text !== line && text !== '') indent = 'code';
    rest = text;
    // Markdown never read this line as a paragraph, so its code spans are found here.
    code = [...rest.matchAll(codeSpan)].map((match): Range => [
      match.index + line.length - rest.length,
      match.index + match[0].length + line.length - rest.length,
    ]);
  } else if (kind === 'text') {
    const match = pastedIndent.exec(line);
    if (match && match[0].length < line.trimEnd().length) {
      indent = match[2]!.includes('\u3000') ? 'full-width' : 'hidden';
      lead = match[1]!;
      rest = line.slice(match[0].length);
    }
  }
  const inCode = (start: number, end: number) => code.some(([from, to]) => start < to && end > from);
  const bylines =
    kind === 'text' || kind === 'indented-text'
      ? [...rest.matchAll(bylineInParentheses)].map((match): Range => [match.index, match.index + match[0].length])
      : [];
  const inByline = (start: number, end: number) => kind === 'byline' || bylines.some(([from, to]) => start >= from && end <= to);
  const spaces = new Set<string>();
  const offset = line.length - rest.length;
  const text = rest.replace(spaceRun, (run, start: number) => {
    const end = start + run.length;
    if (inCode(start + offset, end + offset)) return run;
    const betweenCjk = endsInCjk.test(rest.slice(0, start)) && startsWithCjk.test(rest.slice(end));
    const atEnd = end === rest.length;
    const joins = betweenCjk && !inByline(start, end);
    // A full-width space is a layout leftover only inside a sentence of running text.
    const ideographicGoes = joins && (kind === 'text' || kind === 'indented-text');
    const changed = [...run].filter((character) => isHidden.test(character) || (character === '\u3000' && ideographicGoes));
    if (changed.length === 0) return run;
    for (const character of changed) spaces.add(spaceName(character));
    if (joins) return [...run].filter((character) => character === '\u3000' && !ideographicGoes).join('');
    return [...run].map((character) => (isHidden.test(character) ? (atEnd ? '' : ' ') : character)).join('');
  });
  return { text: lead + text, spaces: [...spaces], ...(indent ? { indent } : {}) };
}
