import { compact } from './line-shapes.ts';
import { bigrams } from './similarity.ts';

/** A paragraph printed in more than one article, and what the importer made of it. */
export interface DuplicateDecision {
  text: string;
  /** Indexes of the articles that have it. */
  articles: number[];
  /** The article it was kept in, when that was clear; undefined when the editor must decide. */
  keptIn?: number;
}

/**
 * Find paragraphs that stand in two or more articles (a layout mistake: the sample page repeats
 * the end of one brief after the feature). The paragraph belongs where the rest of the article
 * speaks of the same things: its rarer two-character words (马家湾, 大党委, not 开展, 活动) are
 * counted in each article's other paragraphs, weighted by how few articles use them, relative to
 * the square root of how many words those paragraphs hold. It is kept only in a clear winner
 * (half as much again as the next); otherwise everywhere.
 */
export function decideDuplicates(articles: readonly string[][]): DuplicateDecision[] {
  const key = compact;
  const where = new Map<string, Set<number>>();
  articles.forEach((paragraphs, index) => {
    for (const paragraph of paragraphs) {
      if ([...key(paragraph)].length < 20) continue;
      const set = where.get(key(paragraph)) ?? new Set<number>();
      set.add(index);
      where.set(key(paragraph), set);
    }
  });
  // How common a word is, counted without the repeated paragraphs: on a page of two articles a
  // word of the repeated paragraph would otherwise be in both, and weigh nothing.
  const repeated = new Set([...where].filter(([, set]) => set.size > 1).map(([text]) => text));
  const articleBigrams = articles.map((paragraphs) => bigrams(paragraphs.filter((paragraph) => !repeated.has(key(paragraph))).join('')));
  const usage = new Map<string, number>();
  for (const set of articleBigrams) for (const bigram of set) usage.set(bigram, (usage.get(bigram) ?? 0) + 1);

  const decisions: DuplicateDecision[] = [];
  for (const [text, set] of where) {
    if (set.size < 2) continue;
    const holders = [...set];
    const own = bigrams(text);
    const scores = holders.map((index) => {
      const rest = bigrams(articles[index]!.filter((paragraph) => key(paragraph) !== text).join(''));
      let score = 0;
      for (const bigram of own) if (rest.has(bigram)) score += Math.log(articles.length / (usage.get(bigram) ?? 1));
      // A long feature shares some words with any paragraph (下一步, 持续, 党建): the score is taken
      // relative to how much the rest of the article says, so a brief about the same unit can win.
      return score / Math.sqrt(Math.max(rest.size, 1));
    });
    const order = holders.map((index, position) => ({ index, score: scores[position]! })).sort((a, b) => b.score - a.score);
    const [best, second] = order;
    const clear = best && second && best.score > 0 && best.score >= second.score * 1.5;
    decisions.push({ text, articles: holders, ...(clear ? { keptIn: best.index } : {}) });
  }
  return decisions;
}
