/** The form a name is compared in: NFKC (full-width → half-width), trimmed, inner spaces dropped. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();
}

/** Length in characters as a reader counts them (an emoji or a rare CJK character is one). */
export function charLength(text: string): number {
  return [...text].length;
}

/**
 * Characters of Chinese text, as a regular-expression class body: Han, kana, hangul, and the
 * CJK punctuation, full-width forms, curly quotes, ellipsis and dash that sit between them.
 * A line break or a space between two of these is no word gap.
 */
export const cjkCharacters =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
