import { joinPieces, type Block } from './blocks.ts';
import { isMarked, opensBrief } from './bylines.ts';

/** What a repair did, for the editor's report. */
export interface Repair {
  /** Page line of the paragraph concerned. */
  line: number;
  description: string;
}

/** Characters that may end a paragraph: a sentence end, a closing quote or bracket after one, or a colon before a list. */
const paragraphEnd = /[。！？!?；;：:…）)」』”’》]$/u;

const preview = (text: string, from: 'start' | 'end') => (from === 'end' ? `……${[...text].slice(-8).join('')}` : `${[...text].slice(0, 8).join('')}……`);

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
    // A line after a print mark (▲摄影 李明) is a line of its own, never part of a sentence.
    if (previous && previous.level === 0 && block.level === 0 && !paragraphEnd.test(previous.text) && !opensBrief(block.text) && !isMarked(previous.text) && !isMarked(block.text)) {
      repairs.push({ line: block.line, description: `接上断开的段落：“${preview(previous.text, 'end')}”与“${preview(block.text, 'start')}”` });
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

/** Remove spaces inside Chinese text, which print extraction leaves between characters. */
export function removeStraySpaces(body: readonly Block[]): { body: Block[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const cleaned = body.map((block) => {
    const kept = block.level === 0 ? (opening.exec(block.text)?.[0] ?? '') : '';
    const rest = block.text.slice(kept.length);
    const fixed = rest.replace(strayInChinese, '');
    if (fixed === rest) return block;
    repairs.push({ line: block.line, description: `去掉中文之间的 ${rest.length - fixed.length} 个空格` });
    return { ...block, text: kept + fixed };
  });
  return { body: cleaned, repairs };
}
