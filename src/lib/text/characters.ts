/** The form a name is compared in: NFKC (full-width → half-width), trimmed, inner spaces dropped. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();
}

/** Length in characters as a reader counts them (an emoji or a rare CJK character is one). */
export function charLength(text: string): number {
  return [...text].length;
}
