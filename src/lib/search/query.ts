import { isCjkToken, tokenize } from './tokens.ts';

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

/** The query string Pagefind gets for one part: a quoted phrase, or a bare word. */
export function pagefindTerm(part: QueryPart): string {
  const joined = part.tokens.join(' ');
  return part.exact ? `"${joined}"` : joined;
}

/** One Pagefind query of every token, for relevance scores across all parts. */
export function scoringTerm(parts: readonly QueryPart[]): string {
  return parts.flatMap((part) => part.tokens).join(' ');
}

/** Every CJK character of a query, for deciding whether it needs traditional-to-simplified. */
export function cjkCharacters(raw: string): string[] {
  return tokenize(raw.normalize('NFKC')).filter(isCjkToken);
}
