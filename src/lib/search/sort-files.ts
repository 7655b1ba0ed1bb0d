/**
 * Where a sort of the index is kept apart from the metadata (merge-index.ts `sortsApart`), and
 * what it holds: only a sorted search needs it, and every first search loads the metadata. The
 * file is named by the metadata's hash from pagefind-entry.json, so it is never taken for
 * another build's. It names the pages by their shards (page-names.ts) and gives the sort's order
 * as runs of page numbers: the index numbers pages by date already, so the order by date is a
 * few long runs, where a list of 50,000 page names was 497 KB. Shared by the build and the
 * search page.
 */
import { pageName } from './page-names.ts';

export function sortFilePath(sort: string, metaHash: string): string {
  return `sort/${encodeURIComponent(sort)}.${metaHash}.json`;
}

export interface SortFile {
  /** The index's shards in order: each one's tag and number of pages. */
  shards: [tag: string, pages: number][];
  /** The page numbers in the sort's ascending order, as runs: first page, how many after it, … */
  runs: number[];
}

/** The runs of an order of page numbers. */
export function orderRuns(order: readonly number[]): number[] {
  const runs: number[] = [];
  for (let index = 0; index < order.length;) {
    let end = index + 1;
    while (end < order.length && order[end] === order[end - 1]! + 1) end++;
    runs.push(order[index]!, end - index);
    index = end;
  }
  return runs;
}

/** Each page's place in the sort's ascending order, by page name. */
export function sortPlaces({ shards, runs }: SortFile): Map<string, number> {
  const names: string[] = [];
  for (const [tag, pages] of shards) for (let index = 0; index < pages; index++) names.push(pageName(tag, index));
  const places = new Map<string, number>();
  for (let run = 0; run < runs.length; run += 2) {
    for (let page = runs[run]!, end = page + runs[run + 1]!; page < end; page++) places.set(names[page]!, places.size);
  }
  return places;
}
