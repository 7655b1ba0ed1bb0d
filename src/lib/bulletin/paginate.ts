/** Listings show this many articles a page. */
export const pageSize = 20;

/** One page of a paginated listing. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  /** The place of the page's first item in the whole listing, 1-based: a numbered list goes on counting from it. */
  first: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/** The URL of page `number` of a listing at `base` (which ends in /): base/, base/2/, … */
export function pageUrl(base: string, number: number): string {
  return number <= 1 ? base : `${base}${number}/`;
}

/**
 * Split a listing into pages of `size`; an empty listing still has its first page. Not Astro's
 * `paginate()`: its pages name their URLs by its own rules, where every URL of the site comes from routes.ts.
 */
export function paginate<T>(items: readonly T[], base: string, size = pageSize): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * size, number * size),
      number,
      first: index * size + 1,
      total,
      url: pageUrl(base, number),
      ...(number > 1 ? { prevUrl: pageUrl(base, number - 1) } : {}),
      ...(number < total ? { nextUrl: pageUrl(base, number + 1) } : {}),
    };
  });
}
