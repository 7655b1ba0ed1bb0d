import { lookups, type QueryPart } from './query.ts';
import { isCjkToken } from './tokens.ts';

/** A one-word search: the pages that hold the word, each with Pagefind's score for it (rarity, field weights). */
export interface WordHits {
  word: string;
  hits: readonly { id: string; score: number }[];
}

/** Share of a query's pairs a page must hold to be among the closest: enough to be about it, few enough to survive a typo. */
const minimumShare = 0.4;

/**
 * Whether a query is one run of Chinese long enough for a best match when nothing matches
 * exactly: a half-remembered sentence (社区党员走访困难老人), a name with one character wrong.
 */
export function wantsClosest(parts: readonly QueryPart[]): boolean {
  return parts.length === 1 && parts[0]!.tokens.length >= 3 && parts[0]!.tokens.every(isCjkToken);
}

/** At most this many pairs are looked up: a pasted paragraph would otherwise start a search per character. */
const maximumWords = 16;

/** The pairs of characters a run of Chinese is indexed under, as the exact search's phrase looks them up: each once, the first sixteen. */
export function closestWords(part: QueryPart): string[] {
  return [...new Set(lookups(part).phrase)].slice(0, maximumWords);
}

/**
 * Pages ranked by how much of the query they hold: the sum of their scores for each of its
 * pairs, BM25-like, so a rare pair (a name) counts for more than a common one (党员) and a
 * pair in the title more than one in the body, times the share of the pairs they hold. A page
 * holding less than two fifths of them is left out.
 */
export function closestMatches(words: readonly WordHits[]): string[] {
  const pages = new Map<string, { sum: number; held: number }>();
  for (const { hits } of words) {
    for (const { id, score } of hits) {
      const page = pages.get(id) ?? { sum: 0, held: 0 };
      page.sum += score;
      page.held += 1;
      pages.set(id, page);
    }
  }
  const needed = Math.max(1, Math.ceil(words.length * minimumShare));
  return [...pages]
    .filter(([, page]) => page.held >= needed)
    .map(([id, page]) => ({ id, rank: page.sum * (0.5 + page.held / words.length) }))
    .sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1))
    .map(({ id }) => id);
}
