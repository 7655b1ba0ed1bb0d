/**
 * The words Pagefind 1.6 stores for one whitespace-separated word of a page (its
 * `get_indexable_words`, for an index with no stemmer): the word kept to its letters, digits
 * and connector marks, in lower case, without diacritics (the form with them is kept as a
 * variant, which ranks exact matches higher); a word with other characters in it (2024-年)
 * also gives its parts of more than one byte, each with a share of the word's weight.
 *
 * One difference, on purpose: Pagefind also cuts words at a change of case (camelCase); the
 * index writer is given words already in lower case (`lowerCaseWord`), where there is none.
 */

/** Characters Pagefind keeps inside words besides letters and digits (connector punctuation). */
const wordSymbols = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/** One word to store, at the position of the word it came from. */
export interface IndexableWord {
  /** The form stored and looked up. */
  word: string;
  /** The form before diacritics were dropped, when they were. */
  original?: string;
  /** A part of a compound: it gets a share of the compound's weight. */
  part: boolean;
}

const alphanumeric = /[\p{Alphabetic}\p{N}]/u;
const uppercase = /\p{Uppercase}/u;
// Kana's voicing marks (が = か + ゛) are the marks Pagefind keeps, composed again with their
// kana (and then so is the rest of the word: 한 stays whole beside が, not beside か). Measured
// on Pagefind 1.6 over every letter and digit that decomposes and every letter-like mark.
const combiningMark = /(?![\u3099\u309a])\p{M}/gu;
const kanaVoicing = /[\u3099\u309a]/u;
const whitespace = /\s+/u;
const asciiPunctuation = /[!-/:-@[-`{-~]/g;

function isWordCharacter(character: string): boolean {
  return alphanumeric.test(character) || wordSymbols.includes(character);
}

/** Lower case one character at a time, as Rust's `char::to_lowercase` (no final sigma). */
export function lowerCaseWord(word: string): string {
  if (!uppercase.test(word)) return word;
  let lower = '';
  for (const character of word) lower += uppercase.test(character) ? character.toLowerCase() : character;
  return lower;
}

/** The word without its combining marks, when it had any; undefined when nothing changes. */
function withoutDiacritics(word: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return undefined;
  let stripped = word.normalize('NFD').replace(combiningMark, '');
  if (kanaVoicing.test(stripped)) stripped = stripped.normalize('NFC');
  return stripped === word ? undefined : stripped;
}

function stored(word: string, part: boolean): IndexableWord {
  const plain = withoutDiacritics(word);
  return plain === undefined ? { word, part } : { word: plain, original: word, part };
}

/** UTF-8 length, which Pagefind's "longer than one byte" counts in. */
function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Common CJK ideographs only: letters, caseless, without diacritics; a word of them is stored as it is. */
const plainIdeographs = /^[\u4e00-\u9fff]+$/;

/** Whether `indexableWords(raw)` is just `raw` itself, whole; true for most of a Chinese text's words. */
export function isStoredAsIs(raw: string): boolean {
  return plainIdeographs.test(raw);
}

/** The words Pagefind stores for `raw`, in its order: the whole word first, then its parts. */
export function indexableWords(raw: string): IndexableWord[] {
  if (isStoredAsIs(raw)) return [{ word: raw, part: false }];
  const results: IndexableWord[] = [];
  let normalised = '';
  for (const character of raw) if (isWordCharacter(character)) normalised += lowerCaseWord(character);
  if (normalised) results.push(stored(normalised, false));

  const characters = [...raw];
  const compound =
    characters.some((character) => !alphanumeric.test(character)) || characters.slice(1).some((character) => uppercase.test(character));
  if (!compound) return results;
  // Pagefind's parts: ASCII punctuation becomes a space and the rest is cut at spaces (its case
  // conversion also cuts at changes of case, which lower-case words lack).
  const parts = lowerCaseWord(raw.replace(asciiPunctuation, ' ')).split(whitespace).filter(Boolean);
  const joined = parts.join(' ');
  if (normalised && (whitespace.test(joined) || !normalised.startsWith(joined))) {
    for (const part of parts) if (byteLength(part) > 1) results.push(stored(part, true));
  }
  return results;
}
