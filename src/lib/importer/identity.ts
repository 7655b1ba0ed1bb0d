import { similarity } from './similarity.ts';

/** Where an imported article came from: the page file's name and the place on the printed page. */
export interface ImportSource {
  file: string;
  issue?: number;
  page?: number;
  order: number;
}

/** One manifest entry as far as recognising an article is concerned. */
export interface PreviousImport {
  path: string;
  /** `date|title` of the article as imported then. */
  key: string;
  from?: ImportSource;
}

/** An earlier import recognised as the same article under another title. */
interface SamePlaceMatch {
  path: string;
  previousTitle: string;
  similarity: number;
}

/** How much of the body must be the same text for an article from the same page to be the same one. */
const sameBodyThreshold = 0.5;

/** The rule, as the report states it when it used it. */
export const identityRule = `同一篇的认定：出版日期和标题都相同；或来自同一个版面文件（文件名、出版日期、期、版都相同）且正文大体相同（双字重合度不低于 ${sameBodyThreshold * 100}%）`;

/**
 * The article imported before from the same printed page that this one is, when its title has
 * changed (an editor corrects titles far more often than bodies). Rule 1 — same date and title —
 * is the caller's; this is rule 2: among the earlier imports of the same page file (same file
 * name, date, issue and page) not already taken by another article of this run, the one whose
 * body is most alike, if at least half its two-character words are shared, the same place on
 * the page breaking a tie. The place alone is not enough: an article added to or dropped from
 * the page moves every one after it, and would update the wrong file.
 */
export function samePlaceImport(
  date: string,
  source: ImportSource,
  body: string,
  previous: readonly PreviousImport[],
  taken: ReadonlySet<string>,
  bodyOf: (path: string) => string | undefined,
): SamePlaceMatch | undefined {
  let best: (SamePlaceMatch & { samePlace: boolean }) | undefined;
  for (const entry of previous) {
    const from = entry.from;
    if (!from || taken.has(entry.path) || !entry.key.startsWith(`${date}|`)) continue;
    if (from.file !== source.file || from.issue !== source.issue || from.page !== source.page) continue;
    const old = bodyOf(entry.path);
    if (old === undefined) continue;
    const score = similarity(body, old);
    if (score < sameBodyThreshold) continue;
    const samePlace = from.order === source.order;
    if (!best || score > best.similarity || (score === best.similarity && samePlace && !best.samePlace)) {
      best = { path: entry.path, previousTitle: entry.key.slice(date.length + 1), similarity: score, samePlace };
    }
  }
  return best && { path: best.path, previousTitle: best.previousTitle, similarity: best.similarity };
}
