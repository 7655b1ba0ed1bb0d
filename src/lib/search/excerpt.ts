import { cjkCharacters } from '../text/characters.ts';
import type { QueryPart } from './query.ts';

/** A piece of an excerpt: text, marked when it matched the query. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/** Where each part of the query occurs in a token list: [start, end) runs. */
export function findMatches(tokens: readonly string[], parts: readonly QueryPart[]): [number, number][] {
  const lower = tokens.map((token) => token.toLowerCase());
  const runs: [number, number][] = [];
  for (const part of parts) {
    const length = part.tokens.length;
    for (let start = 0; start + length <= lower.length; start++) {
      const matches = part.tokens.every((token, offset) => {
        const candidate = lower[start + offset]!;
        // A letters-only part matches as a prefix of its last word, as the index does.
        return part.exact || offset < length - 1 ? candidate === token : candidate.startsWith(token);
      });
      if (matches) runs.push([start, start + length]);
    }
  }
  return runs.sort((a, b) => a[0] - b[0]);
}

const cjk = new RegExp(`[${cjkCharacters}]`, 'u');

/**
 * The text between two tokens with its paragraph breaks joined as running text, by the rule
 * the article page uses for a line break (src/plugins/remark-cjk-breaks.ts): none between two
 * Chinese characters (好评。实施), one space anywhere else (Python. Next).
 */
function joinParagraphs(gap: string, before: string, after: string): string {
  return gap.replace(/\s*\n\s*/g, (breakText, offset: number) => {
    const left = gap.slice(0, offset).at(-1) ?? before.at(-1) ?? '';
    const right = gap.slice(offset + breakText.length)[0] ?? after[0] ?? '';
    return cjk.test(left) && cjk.test(right) ? '' : ' ';
  });
}

/**
 * An excerpt of about `size` characters around the densest cluster of matches, rebuilt from
 * the tokens and the text between them, with the matches marked. Without matches, the start
 * of the text.
 */
export function makeExcerpt(tokens: readonly string[], gaps: readonly string[], parts: readonly QueryPart[], size = 90): ExcerptPiece[] {
  const runs = findMatches(tokens, parts);
  const approxLength = (from: number, to: number) => {
    let length = 0;
    for (let index = from; index < to; index++) length += tokens[index]!.length + (gaps[index + 1]?.length ?? 0);
    return length;
  };
  // Pick the window start (a match) that covers the most matches within `size` characters.
  let best = { start: 0, count: 0 };
  for (const [start] of runs) {
    const count = runs.filter(([other]) => other >= start && approxLength(start, other) < size).length;
    if (count > best.count) best = { start, count };
  }
  // Show a little of what comes before the first match, as context.
  let from = best.start;
  while (from > 0 && approxLength(from - 1, best.start) < size / 4 && !/[。！？\n]/u.test(gaps[from] ?? '')) from--;
  let to = from;
  while (to < tokens.length && approxLength(from, to + 1) <= size) to++;

  const marked = new Set<number>();
  for (const [start, end] of runs) for (let index = start; index < end; index++) marked.add(index);
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += text;
    else if (text) pieces.push({ text, mark });
  };
  if (from > 0) push('……', false);
  for (let index = from; index < to; index++) {
    if (index > from) push(joinParagraphs(gaps[index]!, tokens[index - 1]!, tokens[index]!), false);
    push(tokens[index]!, marked.has(index));
  }
  if (to < tokens.length) push('……', false);
  else push((gaps[to] ?? '').trimEnd(), false);
  return pieces;
}
