/**
 * Which file of the index holds a filter's value. Pagefind writes one file a filter, which a
 * filtered search fetches whole: at 50,000 articles the file of the issue filter was 193 KB,
 * for a search that needs one issue's pages. The site writes a file a value (a unit, a column,
 * a year), and for issues a file a run of numbers, about a year of weekly issues: each is a
 * filter of its own to Pagefind, named here, so the search page asks for the file it needs.
 * Shared by the index writer and the search page.
 */
import { searchFields } from './search-fields.ts';

/** Filters whose values are numbered and many: this many numbers to a file. */
const numberedRuns: Record<string, number> = { [searchFields.issueFilter]: 50 };

/** The name of the filter, as the index holds it, that holds `value` of `filter`. */
export function filterFileName(filter: string, value: string): string {
  const run = numberedRuns[filter];
  if (run !== undefined && /^\d+$/.test(value)) return `${filter}:${Math.floor(Number(value) / run) * run}`;
  return `${filter}:${value}`;
}
