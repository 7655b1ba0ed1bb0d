/**
 * Traditional-character queries (消防培訓) find simplified text. The full table is fetched only
 * when a query has a character that has a simplified form; which characters do is known from a
 * bitmap of the CJK Unified Ideographs block, small enough to ship with the search page.
 */

/** The block the bitmap covers: CJK Unified Ideographs. */
export const bitmapStart = 0x4e00;
export const bitmapEnd = 0x9fff;

/** A bitmap of the characters that are keys of `table`, base64-encoded. */
export function encodeBitmap(characters: Iterable<string>): string {
  const bits = new Uint8Array(Math.ceil((bitmapEnd - bitmapStart + 1) / 8));
  for (const character of characters) {
    const code = character.codePointAt(0)!;
    if (code < bitmapStart || code > bitmapEnd) continue;
    const offset = code - bitmapStart;
    bits[offset >> 3]! |= 1 << (offset & 7);
  }
  let binary = '';
  for (const byte of bits) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A test for "has a simplified form", from `encodeBitmap`'s output. */
export function decodeBitmap(encoded: string): (character: string) => boolean {
  const binary = atob(encoded);
  return (character) => {
    const code = character.codePointAt(0)!;
    if (code < bitmapStart || code > bitmapEnd) return false;
    const offset = code - bitmapStart;
    return ((binary.charCodeAt(offset >> 3) >> (offset & 7)) & 1) === 1;
  };
}

/** Replace each character that has a simplified form by it. */
export function toSimplified(text: string, table: Readonly<Record<string, string>>): string {
  let result = '';
  for (const character of text) result += table[character] ?? character;
  return result;
}
