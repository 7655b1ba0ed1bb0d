/**
 * Where a sort of the index is kept apart from the metadata (merge-index.ts `sortsApart`): the
 * page names in the sort's ascending order, named by the metadata's hash from
 * pagefind-entry.json, so a file is never taken for another build's. Shared by the build and the
 * search page.
 */
export function sortFilePath(sort: string, metaHash: string): string {
  return `sort/${encodeURIComponent(sort)}.${metaHash}.json`;
}
