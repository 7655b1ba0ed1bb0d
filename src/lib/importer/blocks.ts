import { isMarked, opensBrief, unmistakableByline } from './bylines.ts';
import { joinPieces } from './join-pieces.ts';
import { titleShaped } from './line-shapes.ts';
import type { Masthead } from './furniture.ts';
import { readPageLines } from './page-lines.ts';
import { layOutParagraphs } from './paragraph-lines.ts';
import type { Repair } from './repair-note.ts';

/** One block of a printed page's text: the lines between two blank lines. */
export interface Block {
  /** The text without heading marks, lines joined. */
  text: string;
  /** 1..6 for a Markdown heading (#..######), 0 for plain text. */
  level: number;
  /** 1-based line where the block starts in the page text. */
  line: number;
}

/** A subtitle: a line starting with a dash (——), not too long to be one. */
export const subtitleLine = (line: string) => /^[—–-]{1,2}/.test(line) && line.length <= 80;
const endsSentence = /[。！？!?]$/u;

/**
 * Where to cut the lines of one block (offsets of the pieces' first lines). Plain text saved from
 * Word often has a title, its ——subtitle and its author line on consecutive lines, or a title
 * right above 本报讯…; joined, they would make one paragraph. So a line opening a brief starts a
 * piece, and the line above it (its title) too; and at the top of a piece, after at most two
 * title lines (a kicker and a title), subtitle and author lines are pieces of their own. A
 * block whose first lines merely happen to be short is left whole: only a subtitle, an author
 * line or 本报讯 cuts.
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
  // So is one in brackets, （通讯员 王笛） or （凤凰山街道 吴倩）, and the line after it starts afresh.
  const bracketed = (line: string) => {
    const inside = /^[（(]([^（）()]{2,40})[）)]$/u.exec(line)?.[1];
    return inside !== undefined && (unmistakableByline(inside) !== undefined || isAuthorLine(inside));
  };
  lines.forEach((line, index) => {
    const alone =
      bracketed(line) || (index > 0 && unmistakableByline(line) !== undefined && (isMarked(line) || endsSentence.test(lines[index - 1]!)));
    if (!alone) return;
    starts.add(index);
    if (index + 1 < lines.length) starts.add(index + 1);
  });
  for (const start of [...starts]) {
    const end = Math.min(...[...starts, lines.length].filter((other) => other > start));
    let index = start;
    while (index < Math.min(start + 2, end) && titleShaped(lines[index]!) && !subtitleLine(lines[index]!) && !isAuthorLine(lines[index]!))
      index++;
    let head = index;
    while (head < end && (subtitleLine(lines[head]!) || isAuthorLine(lines[head]!))) starts.add(head++);
    if (head > index && head < end) starts.add(head);
    // Above a subtitle or an author line, two short lines are a kicker and a title, each its own piece.
    if (head > index && index - start === 2) starts.add(start + 1);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * Cut page text (as extracted from a printed page, or Markdown) into blocks, with what reading it
 * repaired (page furniture left out, letter-spaced headlines joined: see page-lines.ts). Lines of
 * one block are joined as one paragraph, since page extraction breaks lines at the column edge;
 * `isAuthorLine` tells an author line (记者 高乐, 市委组织部 张三), which is never joined.
 */
export function readPage(
  text: string,
  isAuthorLine: (line: string) => boolean = () => false,
  masthead: Masthead = {},
): { blocks: Block[]; repairs: Repair[] } {
  const { lines, repairs } = readPageLines(text, masthead);
  const blocks: Block[] = [];
  let current: { lines: string[]; numbers: number[] } | undefined;
  const push = (lines: string[], line: number) => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
    const texts = heading ? [heading[2]!, ...lines.slice(1)] : lines;
    const joined = texts.reduce((all, piece) => joinPieces(all, piece), '').trim();
    if (joined) blocks.push({ text: joined, level: heading ? heading[1]!.length : 0, line });
  };
  const flush = () => {
    if (!current) return;
    const { lines, numbers } = current;
    const starts = /^#{1,6}\s/.test(lines[0]!) ? [0] : cuts(lines, isAuthorLine);
    starts.forEach((start, index) => push(lines.slice(start, starts[index + 1] ?? lines.length), numbers[start]!));
    current = undefined;
  };
  for (const { text: line, line: number } of layOutParagraphs(lines)) {
    if (line === '') {
      flush();
      continue;
    }
    // A heading is a block of its own even without blank lines around it.
    if (/^#{1,6}\s/.test(line)) flush();
    current ??= { lines: [], numbers: [] };
    current.lines.push(line);
    current.numbers.push(number);
    if (/^#{1,6}\s/.test(line)) flush();
  }
  flush();
  return { blocks, repairs };
}

/** The blocks of a page's text (see readPage). */
export function pageBlocks(text: string, isAuthorLine: (line: string) => boolean = () => false): Block[] {
  return readPage(text, isAuthorLine).blocks;
}
