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

/**
 * Cut page text (as extracted from a printed page, or Markdown) into blocks. Lines of one
 * block are joined as one paragraph, since page extraction breaks lines at the column edge.
 */
export function pageBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!current) return;
    const first = current.lines[0]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(first);
    const lines = heading ? [heading[2]!, ...current.lines.slice(1)] : current.lines;
    const joined = lines.reduce((all, line) => joinPieces(all, line), '').trim();
    if (joined) blocks.push({ text: joined, level: heading ? heading[1]!.length : 0, line: current.line });
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
