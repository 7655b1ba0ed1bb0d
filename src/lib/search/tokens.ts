/**
 * The one tokenizer of the search, shared by the index (at build time) and the queries (in the
 * browser), so both always cut text the same way: every CJK character is a token, every run of
 * other letters or digits is a token, and everything else only separates tokens. Pagefind then
 * matches whole tokens, and a phrase is a run of adjacent tokens: a fragment of a word (务局)
 * and numbers written with any separator (6·21, 6.21) find what they should. Letters and digits
 * are separate tokens (G20 → G 20), so a number is found wherever it stands.
 */

const cjkClass = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const cjk = new RegExp(cjkClass, 'u');
const tokenPattern = new RegExp(`${cjkClass}|(?:(?!${cjkClass})\\p{L})+|\\p{N}+`, 'gu');

/** True when a token is a single CJK character. */
export function isCjkToken(token: string): boolean {
  return cjk.test(token);
}

/**
 * Full-width letters and digits become ASCII, compatibility ideographs their unified forms;
 * CJK punctuation is left as it is, since the reader should see it as printed.
 */
function normaliseToken(token: string): string {
  return token.normalize('NFKC');
}

/** Text cut into tokens, with the text between them, so the original can be shown again. */
export interface TokenizedText {
  tokens: string[];
  /** gaps[i] is the text before tokens[i]; gaps[tokens.length] the text after the last. */
  gaps: string[];
}

/**
 * The words the index holds for a run of tokens: one per token, in the token's position, so
 * phrases still match runs of adjacent words. A token followed by a CJK character is indexed
 * together with it: two CJK characters as their pair (市水务局 → 市水 水务 务局 局), anything
 * else as a hyphenated compound (2024年 → 2024-年), which Pagefind indexes as 2024年 and, in the
 * same position, as 2024 (and 年). A pair is far rarer than either of its characters, so a
 * search fetches the places of the pairs it asks for, not those of every common character, and
 * ranks by pairs, which are closer to words. Every position's word starts with its token, so a
 * lone character still finds all its places by Pagefind's prefix match (局 finds 局 and 局长).
 */
export function indexWords(tokens: readonly string[]): string[] {
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    if (next === undefined || !isCjkToken(next)) return token;
    return isCjkToken(token) ? token + next : `${token}-${next}`;
  });
}

/** An index word as Pagefind stores and looks it up: lower case, the compound's hyphen dropped. */
export function normaliseIndexWord(word: string): string {
  return word.replace('-', '').toLowerCase();
}

/** Whether Pagefind keeps a compound's part as a word of its own: only parts longer than a byte. */
export function keptAsPart(token: string): boolean {
  return token.length > 1 || token.codePointAt(0)! > 0x7f;
}

/**
 * The language the index is made in. Pagefind cuts Chinese text with its own word segmenter at
 * indexing and with the browser's at search time, and either would cut the index's pairs
 * apart (务局 → 务 局); for an undetermined language it takes words as the spaces give them and
 * stems nothing, which is what text already cut by `indexWords` needs.
 */
export const indexLanguage = 'und';

/** Cut text into tokens, keeping what lies between them. */
export function tokenizeWithGaps(text: string): TokenizedText {
  const tokens: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    gaps.push(text.slice(last, match.index));
    tokens.push(...splitNormalised(normaliseToken(match[0])));
    // A token NFKC splits in two (rare: ½ → 1⁄2) leaves empty gaps between its parts.
    while (gaps.length < tokens.length) gaps.push('');
    last = match.index + match[0].length;
  }
  gaps.push(text.slice(last));
  return { tokens, gaps };
}

/** The tokens of a text. */
export function tokenize(text: string): string[] {
  return tokenizeWithGaps(text).tokens;
}

function splitNormalised(token: string): string[] {
  return token.match(tokenPattern) ?? [];
}
