/**
 * A set of words as a Bloom filter: which words the index keeps places of on some pages only
 * (capped-places.ts), for the search page to tell whether a phrase needs checking on a page's
 * text. At 50,000 articles the list of them was 3,190 words and 12 KB compressed; the filter is
 * a quarter of that. A word it wrongly says is in only costs a check that the text then passes
 * or fails as the index would have; a word in the set is never missed. Shared by the index
 * writer and the search page.
 */

/** The filter as its file holds it. */
export interface WordFilter {
  /** Bits, base64. */
  bits: string;
  /** How many bit positions each word sets. */
  hashes: number;
}

/** Bits per word and positions per word for about one wrong "yes" in a hundred. */
const bitsPerWord = 10;
const hashesPerWord = 7;

/** Two 32-bit FNV-1a hashes of a word's UTF-16 units, from different starting points. */
function hashPair(word: string): [number, number] {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < word.length; index++) {
    const unit = word.charCodeAt(index);
    first = Math.imul(first ^ unit, 0x01000193);
    second = Math.imul(second ^ unit, 0x5bd1e995) ^ (second >>> 15);
  }
  return [first >>> 0, (second >>> 0) | 1];
}

function positions(word: string, size: number, hashes: number): number[] {
  const [first, second] = hashPair(word);
  return Array.from({ length: hashes }, (_, index) => ((first + Math.imul(index, second)) >>> 0) % size);
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (character) => character.charCodeAt(0));

export function makeWordFilter(words: readonly string[]): WordFilter {
  const bytes = new Uint8Array(Math.max(1, Math.ceil((words.length * bitsPerWord) / 8)));
  const size = bytes.length * 8;
  for (const word of words) for (const bit of positions(word, size, hashesPerWord)) bytes[bit >>> 3]! |= 1 << (bit & 7);
  let text = '';
  // In slices (String.fromCharCode takes so many arguments at most) of whole groups of three bytes, which base64 writes apart.
  for (let start = 0; start < bytes.length; start += 0x6000) text += toBase64(bytes.subarray(start, start + 0x6000));
  return { bits: text, hashes: hashesPerWord };
}

/** Whether a word may be in the set (never false for one that is). */
export function wordFilterHas(filter: WordFilter): (word: string) => boolean {
  const bytes = fromBase64(filter.bits);
  const size = bytes.length * 8;
  return (word) => positions(word, size, filter.hashes).every((bit) => (bytes[bit >>> 3]! & (1 << (bit & 7))) !== 0);
}
