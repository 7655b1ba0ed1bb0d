/**
 * The shapes of a printed line the importer tells apart before it knows what the line is. One
 * definition, so that reading the lines, cutting blocks and splitting articles agree on them.
 */

/** How wide a line prints: a Chinese character is one, a Latin letter or digit half. */
export const printWidth = (text: string) => [...text].reduce((sum, character) => sum + (/[\x20-\x7e]/.test(character) ? 0.5 : 1), 0);

/**
 * A line shaped like a title, kicker, heading or column name: short, no full stop in it,
 * nothing trailing that would continue it, and at most two commas or colons between its phrases
 * (市水务局：抓实冬季供水保障, 聚焦主责主业，让党建“活”起来). A sentence cut by the layout
 * (活动中，服务团队逐户) is no title: it ends open or holds more phrases than a headline does.
 */
export function titleShaped(text: string): boolean {
  if (printWidth(text) > 40 || /[。；;]/u.test(text) || /[，,、：:]$/u.test(text)) return false;
  const pauses = (text.match(/[，,：:]/gu) ?? []).length;
  // A headline may ask or exclaim (诉求谁来办？ 点赞！这支党员服务队…), once or twice, briefly.
  const exclaims = (text.match(/[！？!?]/gu) ?? []).length;
  return pauses <= 2 && exclaims <= 2 && (exclaims === 0 || printWidth(text) <= 30);
}

/** A text without its whitespace: the same paragraph however the page broke or spaced it. */
export const compact = (text: string) => text.replace(/\s+/gu, '');

/** An item of a list, which starts a paragraph of its own: （1）…, 1.…, ①…. */
export const listItem = /^(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d)|[①-⑳])/u;
