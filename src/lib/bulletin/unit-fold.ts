/**
 * How a long list of an article's units folds, wherever it is shown: the article page, every
 * listing and the search results (the feature that opens the sample names 17 units). The words
 * of its control are the search page's (src/lib/search/strings.ts), which the rest of the UI shares.
 */

/** Units named before the rest fold away; a list of up to one more is shown whole, as folding one name saves nothing. */
const shownUnits = 3;

/**
 * The units shown and those folded. `lead` comes first: on a unit's own listing, or in results
 * narrowed to a unit, that unit is why the piece is there, and must not fold away.
 */
export function foldUnits<T>(units: readonly T[], lead?: (unit: T) => boolean): { shown: T[]; rest: T[] } {
  const ordered = lead ? [...units.filter(lead), ...units.filter((unit) => !lead(unit))] : [...units];
  if (ordered.length <= shownUnits + 1) return { shown: ordered, rest: [] };
  return { shown: ordered.slice(0, shownUnits), rest: ordered.slice(shownUnits) };
}
