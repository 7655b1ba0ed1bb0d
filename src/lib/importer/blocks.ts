import { isMarked, opensBrief, unmistakableByline } from './bylines.ts';

/** One block of a printed page's text: the lines between two blank lines. */
export interface Block {
  /** The text without heading marks, lines joined. */
  text: string;
  /** 1..6 for a Markdown heading (#..######), 0 for plain text. */
  level: number;
  /** 1-based line where the block starts in the page text. */
  line: number;
}

const cjkEdge = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;

/** Join two pieces of one sentence: nothing between CJK text, a space between words. */
export function joinPieces(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (!a || !b) return a + b;
  return cjkEdge.test(a.at(-1)!) || cjkEdge.test(b[0]!) ? a + b : `${a} ${b}`;
}

const titleLine = (line: string) => line.length <= 40 && !/[。！？；，,.!?;]/u.test(line);
/** A subtitle: a line starting with a dash (——), not too long to be one. */
export const subtitleLine = (line: string) => /^[—–-]{1,2}/.test(line) && line.length <= 80;
const endsSentence = /[。！？!?]$/u;

/**
 * Where to cut the lines of one block (offsets of the pieces' first lines). Plain text saved from
 * Word often has a title, its ——subtitle and its author line on consecutive lines, or a title
 * right above 本报讯…; joined, they would make one paragraph. So a line opening a brief starts a
 * piece, and the line above it (its title) too; and at the top of a piece, after at most two
 * title lines, subtitle and author lines are pieces of their own. A block whose first lines
 * merely happen to be short is left whole: only a subtitle, an author line or 本报讯 cuts.
 */
function cuts(lines: readonly string[], isAuthorLine: (line: string) => boolean): number[] {
  const starts = new Set([0]);
  lines.forEach((line, index) => {
    if (index === 0 || !opensBrief(line)) return;
    starts.add(index);
    const above = lines[index - 1]!;
    if (above.length <= 80 && !endsSentence.test(above) && !opensBrief(above)) starts.add(index - 1);
  });
  // An author line under the text (■通讯员 何静, or 通讯员 何静 after a sentence's end) is a piece
  // of its own: joined, its names would read as the last words of the paragraph.
  lines.forEach((line, index) => {
    if (index === 0 || unmistakableByline(line) === undefined || (!isMarked(line) && !endsSentence.test(lines[index - 1]!))) return;
    starts.add(index);
    if (index + 1 < lines.length) starts.add(index + 1);
  });
  for (const start of [...starts]) {
    const end = Math.min(...[...starts, lines.length].filter((other) => other > start));
    let index = start;
    while (index < Math.min(start + 2, end) && titleLine(lines[index]!) && !subtitleLine(lines[index]!) && !isAuthorLine(lines[index]!)) index++;
    let head = index;
    while (head < end && (subtitleLine(lines[head]!) || isAuthorLine(lines[head]!))) starts.add(head++);
    if (head > index && head < end) starts.add(head);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * Cut page text (as extracted from a printed page, or Markdown) into blocks. Lines of one
 * block are joined as one paragraph, since page extraction breaks lines at the column edge;
 * `isAuthorLine` tells an author line (记者 高乐, 市委组织部 张三), which is never joined.
 */
export function pageBlocks(text: string, isAuthorLine: (line: string) => boolean = () => false): Block[] {
  const blocks: Block[] = [];
  let current: { lines: string[]; line: number } | undefined;
  const push = (lines: string[], line: number) => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
    const texts = heading ? [heading[2]!, ...lines.slice(1)] : lines;
    const joined = texts.reduce((all, piece) => joinPieces(all, piece), '').trim();
    if (joined) blocks.push({ text: joined, level: heading ? heading[1]!.length : 0, line });
  };
  const flush = () => {
    if (!current) return;
    const { lines, line } = current;
    const starts = /^#{1,6}\s/.test(lines[0]!) ? [0] : cuts(lines, isAuthorLine);
    starts.forEach((start, index) => push(lines.slice(start, starts[index + 1] ?? lines.length), line + start));
    current = undefined;
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = raw.replace(/[ \t\u3000]+$/u, '');
      if (line.trim() === '') return flush();
      // A heading is a block of its own even without blank lines around it.
      if (/^#{1,6}\s/.test(line)) flush();
      current ??= { lines: [], line: index + 1 };
      current.lines.push(line.trim());
      if (/^#{1,6}\s/.test(line)) flush();
    });
  flush();
  return blocks;
}
