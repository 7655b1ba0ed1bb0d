/**
 * Levenshtein distance, by characters (so one Chinese character counts as one edit). Ours because
 * fastest-levenshtein and leven count UTF-16 units, where a rare character (𠮷) is two edits.
 */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * Up to `limit` candidates that look like what the writer meant: those containing it or
 * contained in it first, then those within a third of its length in edits.
 */
export function suggest(value: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { candidate: string; score: number }[] = [];
  const budget = Math.max(1, Math.ceil([...value].length / 3));
  for (const candidate of new Set(candidates)) {
    if (candidate.includes(value) || value.includes(candidate)) {
      scored.push({ candidate, score: 0 });
      continue;
    }
    const distance = editDistance(value, candidate);
    if (distance <= budget) scored.push({ candidate, score: distance });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate, 'zh-CN'))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
