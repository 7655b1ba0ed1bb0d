/**
 * Characters that show as nothing, brought in by pastes from web pages and chat apps: zero-width
 * spaces and joiners, direction marks, the word joiner, a byte-order mark inside the text, the
 * soft hyphen Word leaves (it splits a word for search, unseen), and the bidirectional
 * controls, which can make a line read in another order than it is written.
 * A zero-width joiner inside an emoji (👨‍👩‍👧) is part of the emoji and stays.
 */
const invisible =
  /(?<!\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})|[\u00AD\u200B\u200C\u200E\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;

const anyInvisible = /[\u00AD\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/u;

const names: Record<string, string> = {
  '\u00AD': '软连字符',
  '\u200B': '零宽空格',
  '\u200C': '零宽不连字',
  '\u200D': '零宽连字',
  '\u200E': '从左到右标记',
  '\u200F': '从右到左标记',
  '\u2060': '零宽不换行',
  '\uFEFF': '零宽不换行空格（BOM）',
};

/**
 * How a writer can be told of the characters found: their Chinese names, each once (零宽空格、
 * 文字方向控制符). Never a code such as U+200B, which means nothing to a correspondent.
 */
export function invisibleNames(characters: readonly string[]): string[] {
  return [...new Set(characters.map((character) => names[character] ?? '文字方向控制符'))];
}

/** The text without its invisible characters (tested for first: almost no text has any, and the full pattern is slow). */
export function withoutInvisible(text: string): string {
  return anyInvisible.test(text) ? text.replace(invisible, '') : text;
}

/** Each line (1-based) that holds invisible characters, with the characters found on it. */
export function invisibleByLine(text: string): { line: number; characters: string[] }[] {
  if (!anyInvisible.test(text)) return [];
  const found: { line: number; characters: string[] }[] = [];
  text.split('\n').forEach((line, index) => {
    const characters = [...new Set(line.match(invisible) ?? [])];
    if (characters.length > 0) found.push({ line: index + 1, characters });
  });
  return found;
}
