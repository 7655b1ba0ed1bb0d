/**
 * Whether a page's text holds a phrase of index words one after another, as Pagefind finds a
 * quoted phrase by the places of its words. The index keeps a very common word's body places
 * only on some pages (body-places.ts); on the others, the search page asks this of the page's
 * text (its fragment's content, the body the places were taken from) instead.
 */
import { indexWords, keptAsPart, normaliseIndexWord, tokenize } from './tokens.ts';

/** A word as the comparison takes it: as Pagefind stores it, and without diacritics (which it matches either way). */
const fold = (word: string) => normaliseIndexWord(word).normalize('NFD').replace(/\p{M}/gu, '');

/** The words a place of the text is found by: its word, and a compound's parts (2024-年 is also 2024 and 年). */
function wordsAt(word: string): string[] {
  const whole = fold(word);
  if (!word.includes('-')) return [whole];
  return [whole, ...word.split('-').filter(keptAsPart).map(fold)];
}

/** Whether `text` holds the index words of `phrase` (as query.ts `lookups` gives them) in a row. */
export function holdsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const places = indexWords(tokenize(text)).map(wordsAt);
  const wanted = phrase.map(fold);
  for (let start = 0; start + wanted.length <= places.length; start++) {
    if (wanted.every((word, offset) => places[start + offset]!.includes(word))) return true;
  }
  return false;
}

/**
 * The index's list of words whose body places are kept on some pages only (a JSON array), named
 * by the metadata's hash like the sort files: a phrase without any of them is checked by the
 * index alone, as before.
 */
export function cappedWordsPath(metaHash: string): string {
  return `capped.${metaHash}.json`;
}
