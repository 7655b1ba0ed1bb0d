import { catalogued, type Problem } from '../problems/problems.ts';
import { suggest } from '../text/suggest.ts';
import type { Position } from '../files/yaml-source.ts';

/**
 * A warning for each key the format does not know, guessing the intended one: a misspelt key
 * (titel, alias) would otherwise be ignored without a word.
 */
export function unknownKeyProblems(
  data: object,
  known: readonly string[],
  file: string,
  positionOf: (key: string) => Position | undefined,
): Problem[] {
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const [guess] = suggest(key, known, 1);
      const place = positionOf(key);
      return catalogued(file, 'UnknownField', { line: place?.line, column: place?.column, field: key }, [key, guess], [], 'warning');
    });
}
