import type { Repair } from './repair-note.ts';
import { invisibleByLine, invisibleNames, withoutInvisible } from '../text/invisible.ts';
import { hiddenSpaceCharacters } from '../text/layout-spaces.ts';
import { pageFurniture, type Masthead } from './furniture.ts';
import { titleShaped } from './line-shapes.ts';

/** One line of a page's text as the importer reads it. */
export interface PageLine {
  /** The line without its indentation and trailing spaces; '' for a blank line. */
  text: string;
  /** 1-based line in the page text. */
  line: number;
  /** Whether the line starts indented (　　, two or more spaces, a tab): the print habit for a paragraph's start. */
  indented: boolean;
}

// Spaces that are other characters than they look (no-break, thin…) become plain ones, removed
// later between Chinese; invisible characters are dropped (the same sets `check` names).
const otherSpaces = new RegExp(`[${hiddenSpaceCharacters}]`, 'gu');
const indentation = /^(?:\u3000|[ \t]*\t| {2})[ \t\u3000]*/u;

/** A line whose every character is set apart by a space (市 财 政 局 开 展), as display headlines print. */
export function joinLetterSpacing(text: string): string | undefined {
  const words = text.split(/[ \u3000]+/u).filter(Boolean);
  if (words.length < 4) return undefined;
  const single = words.filter((word) => [...word.replace(/[“”‘’"'《》〈〉「」（）()·]/gu, '')].length <= 1).length;
  if (single / words.length < 0.8 || !/\p{Script=Han}/u.test(text)) return undefined;
  // A wider gap than the one between letters separates the headline's halves: 书 记 领 航  亮 项 攻 坚.
  const gapWidth = (gap: string) => [...gap].reduce((sum, character) => sum + (character === '\u3000' ? 2 : 1), 0);
  const letterGap = Math.min(...(text.match(/[ \u3000]+/gu) ?? []).map(gapWidth));
  return text
    .split(/([ \u3000]+)/u)
    .map((piece, index) => (index % 2 === 0 ? piece : gapWidth(piece) > letterGap ? ' ' : ''))
    .join('');
}

/**
 * Read a page's text into lines: invisible characters dropped, Unicode spaces made plain, line and
 * paragraph separators (U+2028, U+2029) read as line ends, page furniture (headers, footers, page
 * numbers, 责任编辑 lines, a WeChat post's own lines) left out, and letter-spaced headlines joined.
 * Every change that concerns the text is reported.
 */
export function readPageLines(text: string, masthead: Masthead = {}): { lines: PageLine[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  // Lines counted as the page is read below: \r, U+2028 and U+2029 end lines too.
  const hidden = invisibleByLine(text.replace(/^\uFEFF/, '').replace(/\r\n|\r|\u2028|\u2029/gu, '\n'));
  if (hidden.length) {
    const names = invisibleNames(hidden.flatMap((found) => found.characters));
    repairs.push({
      line: hidden[0]!.line,
      description: `删去看不见的字符：${names.join('、')}（粘贴时夹带的，在第 ${hidden.map((found) => found.line).join('、')} 行）`,
    });
  }
  const lines: PageLine[] = [];
  // Under a post's 往期推荐, the titles of other posts follow, up to the next blank line.
  let recommending = false;
  const removedAs: (string | undefined)[] = [];
  withoutInvisible(text.replace(/^\uFEFF/, ''))
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .forEach((raw, index) => {
      const line = index + 1;
      const cleaned = raw.replace(otherSpaces, ' ');
      const indented = indentation.test(cleaned) && cleaned.trim() !== '';
      let content = cleaned.replace(/^[ \t\u3000]+|[ \t\u3000]+$/gu, '');
      if (!content) recommending = false;
      const furniture = content
        ? recommending && titleShaped(content)
          ? '公众号推荐的其他文章'
          : pageFurniture(content, masthead)
        : undefined;
      if (furniture && /往期|推荐阅读/u.test(content)) recommending = true;
      removedAs.push(furniture);
      if (furniture) {
        const shown = [...content.replace(/\s+/gu, ' ')];
        repairs.push({ line, description: `删去${furniture}“${shown.slice(0, 40).join('')}${shown.length > 40 ? '……' : ''}”` });
        content = '';
      }
      // A Markdown heading's marks (## 红 色 引 擎) stay apart from the letters they mark.
      const marks = /^#{1,6}\s+/u.exec(content)?.[0] ?? '';
      const joined = content ? joinLetterSpacing(content.slice(marks.length)) : undefined;
      if (joined && joined !== content.slice(marks.length)) {
        repairs.push({ line, description: `去掉标题字间的空格：“${joined}”` });
        content = marks + joined;
      }
      lines.push({ text: content, line, indented: content !== '' && indented });
    });
  removeBulletinName(lines, removedAs, repairs);
  return { lines, repairs };
}

/**
 * Another bulletin's name over its masthead (警营党建 right above 内部资料 注意保存, at the top of
 * the page): a short line with no blank line between it and a masthead or header line below.
 */
function removeBulletinName(lines: PageLine[], removedAs: readonly (string | undefined)[], repairs: Repair[]): void {
  const top = lines.findIndex((line) => line.text);
  if (top === -1 || top > 3) return;
  const below = removedAs[top + 1];
  const name = lines[top]!.text;
  if ((below === '报头' || below === '页眉') && [...name].length <= 12 && titleShaped(name) && !/[：:，,]/u.test(name)) {
    repairs.push({ line: lines[top]!.line, description: `删去报头“${name}”` });
    lines[top] = { ...lines[top]!, text: '', indented: false };
  }
}
