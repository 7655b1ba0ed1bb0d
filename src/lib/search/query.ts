import { indexWords, isCjkToken, keptAsPart, normaliseIndexWord, tokenize } from './tokens.ts';

/** One part of a reader's query: a run of tokens that must appear together. */
export interface QueryPart {
  tokens: string[];
  /**
   * True when the part must match exactly as a phrase (it has CJK characters or digits);
   * false for a word of letters, which matches as a prefix (pinyin, initials, English).
   */
  exact: boolean;
}

const quotePairs = /["“”「」『』〝〞＂]/g;

/**
 * Read a query as a reader means it: full-width and half-width alike, letters in any case,
 * quoted phrases kept whole, and words separated by spaces (or by Chinese punctuation)
 * all required. Returns no parts for a query with nothing searchable in it.
 */
export function parseQuery(raw: string): QueryPart[] {
  const text = raw.normalize('NFKC').toLowerCase().replace(quotePairs, '"');
  const parts: QueryPart[] = [];
  // Odd segments are inside quotes; an unclosed quote runs to the end, as a reader expects.
  text.split('"').forEach((segment, index) => {
    const words = index % 2 === 1 ? [segment] : segment.split(/[\s,;，；、。！？!?]+/u);
    for (const word of words) {
      const tokens = tokenize(word);
      if (tokens.length > 0) parts.push({ tokens, exact: !tokens.every((token) => /^[a-z]+$/.test(token)) });
    }
  });
  return dedupe(parts);
}

function dedupe(parts: QueryPart[]): QueryPart[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const key = part.tokens.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * How a part is looked up in the index (see `indexWords`): the words of its positions as an
 * exact phrase, except the last position, whose word depends on what follows the part in an
 * article. A CJK character there is held by the word before it (水务 holds 务), a token of two
 * bytes or more is also a word of its own (2024 in 2024-年); otherwise the last token must be
 * looked up as a word beginning (水 alone finds 水 and 水务), and a one-letter or one-digit last
 * token after others (第3) is then found anywhere in the article, not only next to them.
 */
export function lookups(part: QueryPart): { phrase: string[]; prefix?: string } {
  const words = indexWords(part.tokens).map(normaliseIndexWord);
  const count = part.tokens.length;
  const last = part.tokens[count - 1]!;
  if (!part.exact) return { phrase: [], prefix: words.join(' ') };
  const before = words.slice(0, -1);
  if (isCjkToken(last) && count >= 2) return { phrase: before };
  if (!isCjkToken(last) && keptAsPart(last)) return { phrase: [...before, last] };
  return { phrase: before, prefix: last };
}

/** A Pagefind query a part needs; for a phrase of two words or more, its words. */
export interface PagefindLookup {
  term: string;
  phrase?: string[];
}

/**
 * The Pagefind queries one part needs, each a set of articles the results must all be in: a
 * quoted phrase, a bare word (matched as a beginning), or both.
 */
export function pagefindLookups(part: QueryPart): PagefindLookup[] {
  const { phrase, prefix } = lookups(part);
  const found: PagefindLookup[] = [];
  if (phrase.length > 0) found.push({ term: `"${phrase.join(' ')}"`, ...(phrase.length > 1 ? { phrase } : {}) });
  if (prefix !== undefined) found.push({ term: prefix });
  return found;
}

/** The Pagefind queries of one part, as text. */
export function pagefindTerms(part: QueryPart): string[] {
  return pagefindLookups(part).map(({ term }) => term);
}

/** One Pagefind query of every word the parts look up, for relevance scores across all parts. */
export function scoringTerm(parts: readonly QueryPart[]): string {
  return parts
    .flatMap((part) => {
      const { phrase, prefix } = lookups(part);
      return prefix === undefined ? phrase : [...phrase, prefix];
    })
    .join(' ');
}

/** Every CJK character of a query, for deciding whether it needs traditional-to-simplified. */
export function cjkCharacters(raw: string): string[] {
  return tokenize(raw.normalize('NFKC')).filter(isCjkToken);
}
