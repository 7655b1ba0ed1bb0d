import type { Block } from './blocks.ts';
import { titleShaped } from './line-shapes.ts';

// Kinds of block a page holds besides titles and paragraphs, told by their wording alone.

/** A bracketed line (【基层动态】, 〖党建动态〗) read without its brackets. */
export const unbracketed = (text: string) => /^[【〖[]([^】〗\]]{1,30})[】〗\]]$/u.exec(text)?.[1] ?? text;

/** A photo caption: 图为……, 上图：……, as a page prints under a picture. */
export const isCaption = (block: Block) =>
  block.level === 0 &&
  [...block.text].length <= 150 &&
  (/^(?:[▲△■●◆★]\s*)?(?:图为|[上下左右]图[：:为]|图[：:]|图片[：:])/u.test(block.text) ||
    (/^[▲△]/u.test(block.text) && photoCredit.test(block.text)));
/** A photographer's credit closing a caption: 记者 高乐 摄, （刘畅 摄）, 通讯员 宋佳 摄影. */
const photoCredit = /(?:[\s\u3000（(]|[。！？])(?:(?:记者|通讯员|摄影)[\s\u3000]*)?\p{Script=Han}{2,4}[\s\u3000]*摄影?[）)]?$/u;
/** A line that is only a date: 2024年12月3日, 2024-12-03. */
export const dateLine = /^\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})$/u;
/** Where an article continues on another page: （下转第4版）, （上接第1版）, 转第2版. */
export const jumpLine = /^[（(]?\s*(下转|上接|转)\s*第?\s*([\d一二三四五六七八九十]{1,3})\s*版\s*[）)]?$/u;
/** A name alone on its line, perhaps after a print mark: 王建国, ■ 陈晨 (not 党旗飘扬, a headline's second line). */
export const bareName = /^(?:[\u25a0-\u25ff\u2605\u2606\u2022][\s\u3000]*)?(\p{Script=Han}{2,3})$/u;
/** The note on where the author works, under a commentary: （作者单位：市委党校）, （作者系市委党校教授）. */
export const authorNote = /^[（(]作者(?:单位[：:]?|系)\s*([^）)]{2,40})[）)]$/u;
/** An editor's note, printed above or at the top of the article it introduces. */
export const isEditorsNote = (block: Block) => block.level === 0 && /^编者按/u.test(block.text);
// Words before an author in a closing bracket: （供稿：市委组织部 张伟）, （作者：王军）.
export const creditLabel = /^(?:供稿|稿件来源|作者|撰稿|撰文|文|来稿)[：:]\s*/u;
export const endsSentence = /[。！？!?”』」]$/u;

/**
 * A paragraph whose last sentence is followed by its byline in brackets, as briefs print it:
 * ……受到居民好评。（通讯员 刘芳） is the paragraph and a closing byline, two blocks.
 */
export function separateClosingBylines(blocks: readonly Block[], readClosing: (text: string) => string | undefined): Block[] {
  return blocks.flatMap((block) => {
    const match = /^(.*[。！？!?”』」])\s*([（(][^（）()]{2,40}[）)])$/u.exec(block.text);
    if (block.level > 0 || !match || readClosing(match[2]!) === undefined) return [block];
    return [
      { ...block, text: match[1]! },
      { ...block, text: match[2]! },
    ];
  });
}

/** A photo caption printed on at the end of a paragraph: ……顺利实现。图为党员突击队队员在施工。（刘畅 摄） */
const gluedCaption =
  /^(.*[。！？!?”』」])\s*((?:[▲△]\s*)?(?:图为|[上下左右]图[：:为])[^。！？]{4,120}[。！？]?\s*(?:[（(][^（）()]{1,20}[）)])?)$/u;

/**
 * The blocks as the split reads them: a caption printed on at a paragraph's end stands apart, and
 * a Markdown line bold from end to end (**一、支部建在项目上**), a subhead in a pasted file, is read
 * as the line without its asterisks, marked as a heading.
 */
export function readableBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    const bold = /^\*\*([^*]{2,40})\*\*$|^__([^_]{2,40})__$/u.exec(block.text);
    if (block.level === 0 && bold) return [{ ...block, text: (bold[1] ?? bold[2]!).trim(), level: 2 }];
    const caption = block.level === 0 ? gluedCaption.exec(block.text) : null;
    return caption
      ? [
          { ...block, text: caption[1]! },
          { ...block, text: caption[2]! },
        ]
      : [block];
  });
}

/** A heading, or in plain text a line shaped like one: 市水务局开展主题党日活动, 市水务局：抓实冬季供水保障. */
export const headingLike = (block: Block) => block.level > 0 || titleShaped(block.text);
