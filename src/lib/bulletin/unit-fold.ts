/**
 * How a long list of an article's units folds, wherever it is shown: the article page, every
 * listing and the search results (the feature that opens the sample names 17 units).
 */

/** Units named before the rest fold away; a list of up to one more is shown whole, as folding one name saves nothing. */
const shownUnits = 3;

export function foldUnits<T>(units: readonly T[]): { shown: T[]; rest: T[] } {
  if (units.length <= shownUnits + 1) return { shown: [...units], rest: [] };
  return { shown: units.slice(0, shownUnits), rest: units.slice(shownUnits) };
}

/** The fold control's words: the count is of all the article's units. */
export const unitFoldStrings = {
  more: (count: number) => `等 ${count} 个单位`,
  fewer: '收起',
};
