import type { Block } from './blocks.ts';
import { isMarked, opensBrief } from './bylines.ts';
import { joinPieces } from './join-pieces.ts';
import { compact, listItem, titleShaped } from './line-shapes.ts';
import { paragraphEnd } from './paragraph-lines.ts';
import type { Repair } from './repair-note.ts';

const preview = (text: string, from: 'start' | 'end') =>
  from === 'end' ? `……${[...text].slice(-8).join('')}` : `${[...text].slice(0, 8).join('')}……`;

/**
 * Mend paragraphs the print layout broke: a paragraph that does not end a sentence continues in
 * the next one (the page broke it at a column, even mid-word), so the two are joined, with no
 * space between Chinese characters. Headings are never joined, and nothing is joined into a
 * paragraph opening with 本报讯: that is the start of a brief, never the rest of a sentence.
 */
export function mendBrokenParagraphs(body: readonly Block[]): { body: Block[]; repairs: Repair[] } {
  const mended: Block[] = [];
  const repairs: Repair[] = [];
  for (const block of body) {
    const previous = mended.at(-1);
    // A line after a print mark (▲摄影 李明) is a line of its own, never part of a sentence; a list
    // item (（1）…) starts a paragraph of its own, and a short one (（3）强化考核) ends one too.
    const joins =
      previous !== undefined &&
      !paragraphEnd.test(previous.text) &&
      !opensBrief(block.text) &&
      !listItem.test(block.text) &&
      !(listItem.test(previous.text) && titleShaped(previous.text)) &&
      !isMarked(previous.text) &&
      !isMarked(block.text);
    if (previous && previous.level === 0 && block.level === 0 && joins) {
      repairs.push({
        line: block.line,
        description: `接上断开的段落：“${preview(previous.text, 'end')}”与“${preview(block.text, 'start')}”`,
      });
      mended[mended.length - 1] = { ...previous, text: joinPieces(previous.text, block.text) };
      continue;
    }
    mended.push({ ...block });
  }
  return { body: mended, repairs };
}

const cjk = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—]';
const strayInChinese = new RegExp(`(?<=${cjk})[ \\t\\u3000]+(?=${cjk})`, 'gu');
// 本报讯（通讯员 王笛）keeps its spaces: they separate the role and the names.
const opening = /^(?:(?:【本报讯】|本报讯)\s*[（(][^）)]*[）)]|[（(]本报讯[^）)]*[）)])/u;

/** Runs of spaces as one plain space: a title's or a heading's halves (书记领航 亮“项”攻坚) keep theirs. */
export const oneSpace = (text: string) => text.replace(/[\s\u3000]+/gu, ' ').trim();

// A quoted slogan in two halves (“节约用水 从我做起”, “党员服务进万家 温暖过冬送光明”) keeps its space.
const slogan = /“([^“”]{3,40})”/gu;
const sloganHalves = (inside: string) => inside.split(/[ \t\u3000]+/u).every((half) => /^[\p{Script=Han}A-Za-z0-9+·]{3,}$/u.test(half));

/**
 * Remove spaces inside Chinese text, which print extraction leaves between characters; a heading
 * keeps one space where it had some, as a title does, and so does a quoted slogan in two halves.
 */
export function removeStraySpaces(body: readonly Block[]): { body: Block[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const cleaned = body.map((block) => {
    if (block.level > 0) return oneSpace(block.text) === block.text ? block : { ...block, text: oneSpace(block.text) };
    const kept = opening.exec(block.text)?.[0] ?? '';
    const rest = block.text.slice(kept.length);
    const protectedSpaces = new Set<number>();
    for (const match of rest.matchAll(slogan)) {
      if (!sloganHalves(match[1]!)) continue;
      for (const space of match[1]!.matchAll(/[ \t\u3000]+/gu)) protectedSpaces.add(match.index + 1 + space.index);
    }
    let removed = 0;
    const fixed = rest.replace(strayInChinese, (spaces, at: number) => {
      if (protectedSpaces.has(at)) return spaces === ' ' ? ' ' : ((removed += spaces.length - 1), ' ');
      removed += spaces.length;
      return '';
    });
    if (fixed === rest) return block;
    if (removed) repairs.push({ line: block.line, description: `去掉中文之间的 ${removed} 个空格` });
    return { ...block, text: kept + fixed };
  });
  return { body: cleaned, repairs };
}

/**
 * Keep once a paragraph the page printed twice in one article: the same paragraph again (with
 * the same or other line breaks, with or without a blank line between, which can leave the two
 * copies joined as one), anywhere in the article. Short lines (说明, 一、) may well repeat.
 */
export function dropRepeatedParagraphs(body: readonly Block[]): { body: Block[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const seen = new Set<string>();
  const kept: Block[] = [];
  for (const block of body) {
    let text = block.text;
    // Counted in characters, not UTF-16 units: a name such as 𠮷 is one character.
    const key = [...compact(text)];
    const half = key.length / 2;
    if (block.level === 0 && key.length >= 20 && Number.isInteger(half) && key.slice(0, half).join('') === key.slice(half).join('')) {
      // Both copies in one paragraph: keep the first, as printed.
      let count = 0;
      const cut = [...text].findIndex((character) => !/\s/u.test(character) && ++count > half);
      text = [...text].slice(0, cut).join('').trimEnd();
    }
    if (block.level === 0 && compact(text).length >= 10 && seen.has(compact(text))) {
      repairs.push({ line: block.line, description: `删去重复印了一遍的段落“${preview(text, 'start')}”` });
      continue;
    }
    if (text !== block.text) repairs.push({ line: block.line, description: `删去段落里重复印了一遍的文字“${preview(text, 'start')}”` });
    if (block.level === 0) seen.add(compact(text));
    kept.push(text === block.text ? block : { ...block, text });
  }
  return { body: kept, repairs };
}
