/** The two-character runs of a text's letters and digits (Chinese words are mostly two characters). */
export function bigrams(text: string): Set<string> {
  const characters = [...text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')];
  return new Set(characters.slice(1).map((character, index) => characters[index] + character));
}

/**
 * How much two texts share, 0..1: the Dice coefficient of their two-character runs. Ours because
 * string-similarity, the package for it, is no longer maintained and pairs UTF-16 units, punctuation included.
 */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size + right.size === 0) return 1;
  let shared = 0;
  for (const bigram of left) if (right.has(bigram)) shared++;
  return (2 * shared) / (left.size + right.size);
}
