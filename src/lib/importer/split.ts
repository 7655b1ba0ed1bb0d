import type { Registry } from '../content/registries.ts';
import { resolveColumn } from '../content/registries.ts';
import { subtitleLine, type Block } from './blocks.ts';
import { titleShaped } from './line-shapes.ts';
import { parseByline } from '../text/byline.ts';
import { authorLine, closingByline, isMarked, openingByline, opensBrief, standaloneByline, unmistakableByline } from './bylines.ts';

/** An article as found on the page, before repairs. */
export interface PageArticle {
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  /** Where the byline was found, for the report. */
  bylineFrom?: 'line' | 'opening' | 'end';
  /** The column marker in force, if any. */
  column?: string;
  /** Body paragraphs and section headings (level > 0), in order. */
  body: Block[];
  /** The page line of the title. */
  line: number;
  /** Photo captions (图为……): their pictures are not in the text, so they are left out of the body. */
  captions: Block[];
  /** What the split guessed about this article, for the editor to confirm. */
  guesses: string[];
  /** Where the author works, from a note such as （作者单位：市委党校）. */
  affiliation?: string;
}

/** A heading, or in plain text a line shaped like one: 市水务局开展主题党日活动, 市水务局：抓实冬季供水保障. */
const headingLike = (block: Block) => block.level > 0 || titleShaped(block.text);
const isSubtitle = (block: Block) => subtitleLine(block.text);
// The line above a brief's opening (本报讯…) is its title whatever it holds (水务局：抓实冬季供水保障),
// unless it ends a sentence (a headline's 诉求谁来办？ aside): then it is the end of the article
// before, and the brief has lost its title.
const titleAboveOpening = (block: Block) =>
  block.level > 0 || (block.text.length <= 80 && (!/[。！？!?]$/u.test(block.text) || titleShaped(block.text)) && !opensBrief(block.text));

/** A bracketed line (【基层动态】, 〖党建动态〗) read without its brackets. */
const unbracketed = (text: string) => /^[【〖\[]([^】〗\]]{1,30})[】〗\]]$/u.exec(text)?.[1] ?? text;

/**
 * A section heading's rank from how it is numbered or marked: 一、 and 【…】 first, （一） second;
 * 1. first unless the article is numbered 一、 already (rank 0: the caller decides).
 */
export function numberedSection(text: string): { rank: 0 | 1 | 2; text: string } | undefined {
  if ([...text].length > 40 || /[。！？；]$/u.test(text)) return undefined;
  if (/^[一二三四五六七八九十]{1,3}、\S/u.test(text)) return { rank: 1, text };
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]\S/u.test(text)) return { rank: 2, text };
  if (/^\d{1,2}[.．、](?=[\p{Script=Han}“])/u.test(text) && titleShaped(text)) return { rank: 0, text };
  const bracketed = /^【([^】]{2,30})】$/u.exec(text);
  if (bracketed && !/本报讯/u.test(bracketed[1]!)) return { rank: 1, text: bracketed[1]! };
  return undefined;
}

/** A photo caption: 图为……, 上图：……, as a page prints under a picture. */
const isCaption = (block: Block) => block.level === 0 && [...block.text].length <= 150 && /^(?:[▲△■●◆★]\s*)?(?:图为|[上下左右]图[：:为]|图[：:]|图片[：:])/u.test(block.text);
/** A line that is only a date: 2024年12月3日, 2024-12-03. */
const dateLine = /^\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})$/u;
/** Where an article continues on another page: （下转第4版）, （上接第1版）, 转第2版. */
const jumpLine = /^[（(]?\s*(下转|上接|转)\s*第?\s*(\d{1,2})\s*版\s*[）)]?$/u;
/** A name alone on its line: 王建国, 欧阳明. */
const bareName = /^\p{Script=Han}{2,4}$/u;
/** The note on where the author works, under a commentary: （作者单位：市委党校）, （作者系市委党校教授）. */
const authorNote = /^[（(]作者(?:单位[：:]?|系)\s*([^）)]{2,40})[）)]$/u;
/** An editor's note, printed above or at the top of the article it introduces. */
const isEditorsNote = (block: Block) => block.level === 0 && /^编者按/u.test(block.text);
// Words before an author in a closing bracket: （供稿：市委组织部 张伟）, （作者：王军）.
const creditLabel = /^(?:供稿|稿件来源|作者|撰稿|撰文|文|来稿)[：:]\s*/u;
const endsSentence = /[。！？!?”』」]$/u;

/**
 * A paragraph whose last sentence is followed by its byline in brackets, as briefs print it:
 * ……受到居民好评。（通讯员 刘芳） is the paragraph and a closing byline, two blocks.
 */
function separateClosingBylines(blocks: readonly Block[], readClosing: (text: string) => string | undefined): Block[] {
  return blocks.flatMap((block) => {
    const match = /^(.*[。！？!?”』」])\s*([（(][^（）()]{2,40}[）)])$/u.exec(block.text);
    if (block.level > 0 || !match || readClosing(match[2]!) === undefined) return [block];
    return [{ ...block, text: match[1]! }, { ...block, text: match[2]! }];
  });
}

/** A photo caption printed on at the end of a paragraph: ……顺利实现。图为党员突击队队员在施工。（刘畅 摄） */
const gluedCaption = /^(.*[。！？!?”』」])\s*((?:[▲△]\s*)?(?:图为|[上下左右]图[：:为])[^。！？]{4,120}[。！？]?\s*(?:[（(][^（）()]{1,20}[）)])?)$/u;

/**
 * The blocks as the split reads them: a caption printed on at a paragraph's end stands apart, and
 * a Markdown line bold from end to end (**一、支部建在项目上**), a subhead in a pasted file, is read
 * as the line without its asterisks, marked as a heading.
 */
function readableBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    const bold = /^\*\*([^*]{2,40})\*\*$|^__([^_]{2,40})__$/u.exec(block.text);
    if (block.level === 0 && bold) return [{ ...block, text: (bold[1] ?? bold[2]!).trim(), level: 2 }];
    const caption = block.level === 0 ? gluedCaption.exec(block.text) : null;
    return caption ? [{ ...block, text: caption[1]! }, { ...block, text: caption[2]! }] : [block];
  });
}

/** Two bylines of one article as one (本报讯（记者 高乐）… ■通讯员 王笛): each role once, each name once. */
function mergeBylines(first: string, second: string): string {
  const groups = parseByline(first);
  for (const { role, names } of parseByline(second)) {
    const same = groups.find((group) => group.role === role);
    if (same) same.names.push(...names.filter((name) => !same.names.includes(name)));
    else groups.push({ role, names: [...names] });
  }
  return groups.map(({ role, names }) => [role, ...names].filter(Boolean).join(' ')).join(' ');
}

/** The author line reader for a registry: its unit names and aliases count as organisations. */
export function authorLineReader(registry: Registry): (text: string) => string | undefined {
  const names = new Set(registry.units.flatMap((unit) => [unit.name, ...unit.aliases]));
  return (text) => {
    const byline = authorLine(text, names);
    if (byline) return byline;
    // 通讯员：李晓燕 reads as 通讯员 李晓燕; 作者：王文博 is the name alone.
    const labelled = /^(?:作者|撰稿|撰文|文)[：:]\s*(\p{Script=Han}{2,4}(?:[\s、，,]+\p{Script=Han}{2,4})*)$/u.exec(text.trim());
    if (labelled) return labelled[1]!.split(/[\s、，,]+/u).join(' ');
    const colon = /^([^：:]{1,8})[：:]\s*(.+)$/u.exec(text.trim());
    return colon ? authorLine(`${colon[1]} ${colon[2]}`, names) : undefined;
  };
}

/**
 * Cut a page's blocks into articles, whatever heading levels the page uses (plain text too): the
 * line above a brief's opening (本报讯, 【本报讯】, （本报讯…）) always starts an article; a
 * heading, or a short line that is no sentence, starts an article when a byline follows it (after
 * an optional subtitle), when it is the page's first heading, when it follows a column marker or
 * the previous article's closing byline, or when the text under it ends with a byline of its own;
 * any other heading, numbered line (一、 （一） 【…】) or short line between sentences is a section
 * of the current article. A heading right above a title is its kicker; a line starting with ——
 * right below, its subtitle. A bare line naming a column of the registry is a column marker for
 * the articles after it. An editor's note (编者按) goes with the article below it; photo captions
 * are set aside.
 */
export function splitArticles(input: readonly Block[], registry: Registry): { articles: PageArticle[]; stray: Block[] } {
  const articles: PageArticle[] = [];
  const stray: Block[] = [];
  const readAuthor = authorLineReader(registry);
  const readClosing = (text: string): string | undefined => {
    const found = closingByline(text);
    if (found) return found;
    const inside = /^[（(]([^（）()]{2,40})[）)]$/u.exec(text.trim())?.[1];
    if (inside !== undefined) return readAuthor(inside.replace(creditLabel, ''));
    // 供稿：市统计局 周敏 on a line of its own, without brackets.
    return creditLabel.test(text.trim()) ? readAuthor(text.trim().replace(creditLabel, '')) : undefined;
  };
  const blocks = separateClosingBylines(readableBlocks(input), readClosing);
  const startsWithByline = (block: Block | undefined) => block !== undefined && (readAuthor(block.text) !== undefined || openingByline(block.text) !== undefined);
  const columnMarker = (block: Block | undefined) => (block && block.text.length <= 14 ? resolveColumn(unbracketed(block.text), registry) : undefined);
  let column: string | undefined;
  let opensArticle = true; // the page start, a column marker or a closing byline
  // At the page start (its header lines are left out when it is read), after a column marker or a
  // closing byline, the article before has ended: a plain short line is the next title.
  let articleEnded = true;
  let notes: Block[] = [];
  const titleAt = (index: number): boolean => {
    const block = blocks[index];
    // A marked author line (■通讯员 王笛) is never a title, whatever follows it.
    if (!block || isSubtitle(block) || (isMarked(block.text) && standaloneByline(block.text) !== undefined)) return false;
    let next = index + 1;
    while (blocks[next] && isSubtitle(blocks[next]!)) next++;
    if (blocks[next] && opensBrief(blocks[next]!.text)) return titleAboveOpening(block);
    return headingLike(block) && startsWithByline(blocks[next]);
  };
  // A short line in an article that has its byline, over paragraphs that end with another byline
  // (……好评。（通讯员 刘芳））: the title of a brief whose byline closes it.
  const titleOfClosedBrief = (index: number): boolean => {
    const current = articles.at(-1);
    if (!current?.byline || current.bylineFrom === 'end' || !headingLike(blocks[index]!) || blocks[index]!.level > 0) return false;
    let next = index + 1;
    const passes = (block: Block) => block.level === 0 && (!headingLike(block) || numberedSection(block.text) !== undefined) && readClosing(block.text) === undefined;
    while (blocks[next] && passes(blocks[next]!)) next++;
    return next > index + 1 && blocks[next] !== undefined && readClosing(blocks[next]!.text) !== undefined;
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const marker = columnMarker(block);
    if (marker && !startsWithByline(blocks[index + 1]) && !titleAt(index)) {
      column = marker.name;
      opensArticle = true;
      articleEnded = true;
      continue;
    }
    const current = articles.at(-1);
    if (isEditorsNote(block) && (!current || articleEnded || titleAt(index + 1) || titleAt(index + 2))) {
      notes.push(block);
      continue;
    }
    // A date under the title (2024年12月3日), as a correspondent's file heads itself: the article's
    // date is the issue's, so the line is left out and the editor told.
    if (current && current.body.every(isEditorsNote) && dateLine.test(block.text.normalize('NFKC'))) {
      current.guesses.push(`原文第 ${block.line} 行的日期“${block.text}”没有放进正文；稿件日期用的是出版日期，如需改用这个日期，请修改日期（date）`);
      continue;
    }
    const jump = jumpLine.exec(block.text.normalize('NFKC'));
    if (current && jump) {
      current.guesses.push(
        jump[1] === '上接'
          ? `原文第 ${block.line} 行“${block.text}”：这篇稿件的开头在第 ${jump[2]} 版，请把那里的文字接到正文前面`
          : `原文第 ${block.line} 行“${block.text}”：这篇稿件在第 ${jump[2]} 版还有下文，请把那里的文字接到正文后面`,
      );
      continue;
    }
    const affiliation = authorNote.exec(block.text)?.[1];
    if (current && affiliation) {
      current.affiliation = affiliation;
      continue;
    }
    if (current && isCaption(block)) {
      current.captions.push(block);
      continue;
    }
    // A byline after the text, before anything else can claim the line (a short line above a title
    // reads as its kicker): marked (■…) or in brackets, or unmarked with a space (通讯员 何静). It
    // ends the article where the next one starts: a title with its byline or 本报讯 below, a
    // heading, a column marker, the page's end, or (for an article with no byline yet) any short
    // line. An article that has its byline keeps a marked line followed by more text: that is a
    // ▲摄影 credit under a picture, and the short line after it a section of the same article.
    if (current && current.body.length > 0 && block.level === 0) {
      const marked = readClosing(block.text);
      const byline = marked ?? unmistakableByline(block.text);
      if (byline) {
        const next = blocks[index + 1];
        const nextStarts = !next || next.level > 0 || titleAt(index + 1) || (headingLike(next) && titleAt(index + 2)) || columnMarker(next) !== undefined || isEditorsNote(next);
        const ends = nextStarts || (!current.byline && headingLike(next!));
        // An unmarked line only where the article ends; one that has its byline takes another only there.
        if ((marked || ends) && (nextStarts || !current.byline)) {
          current.byline = current.byline ? mergeBylines(current.byline, byline) : byline;
          current.bylineFrom ??= 'end';
          if (ends) {
            opensArticle = true;
            articleEnded = true;
          }
          continue;
        }
      }
    }
    // A kicker is the short line just above a title: a heading, or a plain line with no sentence in it.
    const kickerLike = block.level > 0 || (block.text.length <= 20 && !/[。！？，,]/u.test(block.text));
    const isKicker = kickerLike && !isSubtitle(block) && titleAt(index + 1) && !titleAt(index);
    const closedBrief = !isKicker && block.level === 0 && !titleAt(index) && !articleEnded && titleOfClosedBrief(index);
    const isTitle =
      block.level > 0
        ? !isSubtitle(block) && (titleAt(index) || (opensArticle && !isKicker) || !current)
        : titleAt(index) || closedBrief || (articleEnded && !isKicker && headingLike(block) && !isSubtitle(block) && numberedSection(block.text) === undefined);
    if (isKicker || isTitle) {
      const title = isKicker ? blocks[++index]! : block;
      const article: PageArticle = {
        title: title.text,
        body: notes,
        line: title.line,
        captions: [],
        guesses: closedBrief ? [`原文第 ${title.line} 行“${title.text}”下面的文字以署名结尾，按一篇新稿件的标题处理；如果它是上一篇的小标题，请把两篇合并`] : [],
        ...(isKicker ? { kicker: block.text } : {}),
        ...(column ? { column } : {}),
      };
      notes = [];
      while (blocks[index + 1] && isSubtitle(blocks[index + 1]!)) article.subtitle = blocks[++index]!.text;
      const under = blocks[index + 1];
      // A commentary is signed by its author's name alone (王建国), over the text.
      const byline = under ? (readAuthor(under.text) ?? (bareName.test(under.text) && blocks[index + 2]?.level === 0 ? under.text : undefined)) : undefined;
      if (byline) {
        article.byline = byline;
        article.bylineFrom = 'line';
        index++;
      }
      articles.push(article);
      opensArticle = false;
      articleEnded = false;
      continue;
    }
    if (!current) {
      stray.push(...notes, block);
      notes = [];
      continue;
    }
    if (!current.byline && current.body.every((part) => isEditorsNote(part))) {
      const opening = openingByline(block.text);
      if (opening?.byline) {
        current.byline = opening.byline;
        current.bylineFrom = 'opening';
      }
    }
    current.body.push(sectionOrParagraph(block, blocks[index + 1], current));
    articleEnded = false;
  }
  stray.push(...notes);
  return { articles, stray };
}

/**
 * A line that can be a plain subhead: short, no sentence in it, nothing trailing; at most one
 * comma, between two phrases of three characters or more (精心选育，项目加速“落地生根”).
 */
function subheadLike(text: string): boolean {
  const length = [...text].length;
  if (length > 30 || /[。！？；;!?：:、，,]$/u.test(text) || /[。！？；;!?]/u.test(text)) return false;
  const phrases = text.split(/[，,]/u);
  return phrases.length === 1 || (phrases.length === 2 && length <= 24 && phrases.every((phrase) => [...phrase].length >= 3));
}

/**
 * A body block as a section heading when it is one: numbered (一、 （一）) or bracketed (【…】) for
 * sure; a short line with no sentence in it, between a finished paragraph and a paragraph, as a
 * guess the editor is asked to confirm. Ranks become heading levels 2 and 3 (## and ###).
 */
function sectionOrParagraph(block: Block, next: Block | undefined, article: PageArticle): Block {
  if (block.level > 0) return block;
  const numbered = numberedSection(block.text);
  if (numbered) {
    const rank = numbered.rank || (article.body.some((part) => part.level === 2 && /^[一二三四五六七八九十]{1,3}、/u.test(part.text)) ? 2 : 1);
    return { ...block, text: numbered.text, level: rank + 1 };
  }
  const previous = article.body.at(-1);
  const afterParagraph = previous !== undefined && (previous.level > 0 || endsSentence.test(previous.text) || isEditorsNote(previous));
  const beforeParagraph = next !== undefined && next.level === 0 && !headingLike(next) && !opensBrief(next.text);
  if (afterParagraph && beforeParagraph && subheadLike(block.text) && !isMarked(block.text) && standaloneByline(block.text) === undefined) {
    article.guesses.push(`原文第 ${block.line} 行“${block.text}”当作小标题（稿件里以 ## 开头的一行）；如果它是正文的一部分，请去掉 ## 并把它接回段落`);
    return { ...block, level: 2 };
  }
  return block;
}
