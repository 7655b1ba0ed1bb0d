const cjkEdge = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;

/** Join two pieces of one sentence: nothing between CJK text, a space between words. */
export function joinPieces(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (!a || !b) return a + b;
  return cjkEdge.test(a.at(-1)!) || cjkEdge.test(b[0]!) ? a + b : `${a} ${b}`;
}
