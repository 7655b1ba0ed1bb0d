import { resolveColumn, type Registry } from '../content/registries.ts';
import { authorReaders, mergeBylines } from './author-lines.ts';
import {
  authorNote,
  bareName,
  dateLine,
  headingLike,
  isCaption,
  isEditorsNote,
  jumpLine,
  readableBlocks,
  separateClosingBylines,
  unbracketed,
} from './block-kinds.ts';
import { subtitleLine, type Block } from './blocks.ts';
import { isMarked, openingByline, opensBrief, standaloneByline, unmistakableByline } from './bylines.ts';
import { compact, listItem, titleShaped } from './line-shapes.ts';
import { titleForEditor, type PageArticle } from './page-article.ts';
import { paragraphEnd } from './paragraph-lines.ts';
import { numberedSection, sectionOrParagraph } from './sections.ts';

const isSubtitle = (block: Block) => subtitleLine(block.text);
// The line above a brief's opening (本报讯…) is its title whatever it holds (水务局：抓实冬季供水保障),
// unless it ends a sentence (a headline's 诉求谁来办？ aside): then it is the end of the article
// before, and the brief has lost its title.
const titleAboveOpening = (block: Block) =>
  block.level > 0 || (block.text.length <= 80 && (!/[。！？!?]$/u.test(block.text) || titleShaped(block.text)) && !opensBrief(block.text));

/** A brief the page printed without a title, from its opening (after an editor's note, if any): the editor is asked for the title. */
function untitledBrief(body: Block[], column: string | undefined, byline: string | undefined): PageArticle {
  const opening = body.at(-1)!;
  return {
    title: '',
    body,
    line: opening.line,
    captions: [],
    guesses: [`原文第 ${opening.line} 行起的一篇简讯上面没有标题，按一篇没有标题的简讯导入：请补上标题（title）`],
    ...(byline ? { byline, bylineFrom: 'opening' as const } : {}),
    ...(column ? { column } : {}),
  };
}

/**
 * Lines of an article that are no part of its text, noted on the article instead: a date under the
 * title (2024年12月3日, as a correspondent's file heads itself; the article's date is the issue's),
 * where it continues on another page (（下转第4版）), where its author works (（作者单位：…）), and
 * photo captions. Whether the block was one of them.
 */
function setAside(block: Block, article: PageArticle): boolean {
  const plain = block.text.normalize('NFKC');
  if (article.body.every(isEditorsNote) && dateLine.test(plain)) {
    article.guesses.push(
      `原文第 ${block.line} 行的日期“${block.text}”没有放进正文；稿件日期用的是出版日期，如需改用这个日期，请修改日期（date）`,
    );
    return true;
  }
  const jump = jumpLine.exec(plain);
  if (jump) {
    article.guesses.push(
      jump[1] === '上接'
        ? `原文第 ${block.line} 行“${block.text}”：这篇稿件的开头在第 ${jump[2]} 版，请把那里的文字接到正文前面`
        : `原文第 ${block.line} 行“${block.text}”：这篇稿件在第 ${jump[2]} 版还有下文，请把那里的文字接到正文后面`,
    );
    return true;
  }
  const affiliation = authorNote.exec(block.text)?.[1];
  if (affiliation) {
    article.affiliation = affiliation;
    return true;
  }
  if (isCaption(block)) {
    article.captions.push(block);
    return true;
  }
  return false;
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
  const { readAuthor, readClosing, openingAuthor } = authorReaders(registry);
  const blocks = separateClosingBylines(readableBlocks(input), readClosing);
  const startsWithByline = (block: Block | undefined) =>
    block !== undefined && (readAuthor(block.text) !== undefined || openingByline(block.text) !== undefined);
  const columnMarker = (block: Block | undefined) =>
    block && block.text.length <= 14 ? resolveColumn(unbracketed(block.text), registry) : undefined;
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
    // An editor's note may stand between a feature's head and its byline.
    if (blocks[next] && isEditorsNote(blocks[next]!) && startsWithByline(blocks[next + 1])) next++;
    if (blocks[next] && opensBrief(blocks[next]!.text)) return titleAboveOpening(block) && readClosing(block.text) === undefined;
    return headingLike(block) && startsWithByline(blocks[next]);
  };
  // A short line in an article that has its byline, over paragraphs that end with another byline
  // (……好评。（通讯员 刘芳））: the title of a brief whose byline closes it.
  const titleOfClosedBrief = (index: number): boolean => {
    const current = articles.at(-1);
    if (!current?.byline || current.bylineFrom === 'end' || !headingLike(blocks[index]!) || numberedSection(blocks[index]!.text))
      return false;
    let next = index + 1;
    const passes = (block: Block) =>
      block.level === 0 && (!headingLike(block) || numberedSection(block.text) !== undefined) && readClosing(block.text) === undefined;
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
    if (current && setAside(block, current)) continue;
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
        const nextStarts =
          !next ||
          next.level > 0 ||
          titleAt(index + 1) ||
          (headingLike(next) && titleAt(index + 2)) ||
          columnMarker(next) !== undefined ||
          isEditorsNote(next);
        // A byline in brackets or after a mark closes an article that had none: what follows is the
        // next piece, a title or (in a 简讯 column) the next brief printed without one.
        const ends = nextStarts || (!current.byline && (headingLike(next!) || marked !== undefined));
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
    // A kicker is the line just above a title: a heading, or a plain line shaped like one (it may be
    // longer than the title: 市直机关工委召开2024年度基层党组织书记抓党建工作述职评议会议强调).
    const kickerLike =
      headingLike(block) &&
      !opensBrief(block.text) &&
      !listItem.test(block.text) &&
      numberedSection(block.text) === undefined &&
      (block.text.match(/[，,]/gu) ?? []).length <= 1;
    const isKicker = kickerLike && !isSubtitle(block) && titleAt(index + 1) && !titleAt(index);
    const closedBrief = !isKicker && !titleAt(index) && !articleEnded && titleOfClosedBrief(index);
    // A heading marked # is a title, as the page's top level: sections are marked ## or deeper.
    const isTitle =
      block.level > 0
        ? !isSubtitle(block) && (titleAt(index) || (opensArticle && !isKicker) || !current || block.level === 1 || closedBrief)
        : titleAt(index) ||
          closedBrief ||
          (articleEnded && !isKicker && headingLike(block) && !isSubtitle(block) && numberedSection(block.text) === undefined);
    if (isKicker || isTitle) {
      const title = isKicker ? blocks[++index]! : block;
      const article: PageArticle = {
        title: title.text,
        body: notes,
        line: title.line,
        captions: [],
        guesses: closedBrief
          ? [`原文第 ${title.line} 行“${title.text}”下面的文字以署名结尾，按一篇新稿件的标题处理；如果它是上一篇的小标题，请把两篇合并`]
          : [],
        ...(isKicker ? { kicker: block.text } : {}),
        ...(column ? { column } : {}),
      };
      notes = [];
      while (blocks[index + 1] && isSubtitle(blocks[index + 1]!)) article.subtitle = blocks[++index]!.text;
      if (blocks[index + 1] && isEditorsNote(blocks[index + 1]!) && startsWithByline(blocks[index + 2]))
        article.body.push(blocks[++index]!);
      const under = blocks[index + 1];
      // A commentary is signed by its author's name alone (王建国), over the text.
      const name = under && blocks[index + 2]?.level === 0 && !isEditorsNote(under) ? bareName.exec(under.text)?.[1] : undefined;
      const byline = under ? (readAuthor(under.text) ?? name) : undefined;
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
    // Text right after a column marker or an article's closing byline, under no title: a brief of a
    // 简讯 column, printed without a title and closed by its byline.
    if ((current || column) && articleEnded && block.level === 0 && !headingLike(block) && !isEditorsNote(block)) {
      articles.push(untitledBrief([...notes, block], column, openingAuthor(block.text)));
      notes = [];
      articleEnded = false;
      opensArticle = false;
      continue;
    }
    if (!current) {
      stray.push(...notes, block);
      notes = [];
      continue;
    }
    // A brief's opening after the text of another article: a brief the page printed without a title.
    // (The same opening printed twice is a repeated paragraph, kept once later, not a second brief.)
    const printedAgain = () => current.body.some((part) => compact(part.text) === compact(block.text));
    if (
      block.level === 0 &&
      opensBrief(block.text) &&
      current.body.some((part) => part.level === 0 && !isEditorsNote(part)) &&
      !printedAgain()
    ) {
      articles.push(untitledBrief([...notes, block], column, openingAuthor(block.text)));
      notes = [];
      articleEnded = false;
      continue;
    }
    if (!current.byline && current.body.every((part) => isEditorsNote(part))) {
      const byline = openingAuthor(block.text);
      if (byline) {
        current.byline = byline;
        current.bylineFrom = 'opening';
      }
    }
    current.body.push(sectionOrParagraph(block, blocks[index + 1], current));
    articleEnded = false;
  }
  stray.push(...notes);
  rejoinColumnBreaks(articles);
  return { articles, stray };
}

// Characters a sentence does not start with (不是 与会…, 过去…, 着力…, 及时…, 而今…, which do):
// a paragraph starting with one is the rest of a sentence.
const continuation = /^[等的了、，,。；;）)”]/u;

/**
 * A feature that runs over two columns with a brief printed between them: the feature's text stops
 * mid-sentence, and its rest (等难题43个。……) follows the brief's text. That rest, from the paragraph
 * that starts mid-sentence to the brief's end, goes back to the feature, and the editor is told.
 */
function rejoinColumnBreaks(articles: PageArticle[]): void {
  articles.forEach((article, index) => {
    const last = article.body.at(-1);
    const next = articles[index + 1];
    if (!last || last.level > 0 || paragraphEnd.test(last.text) || !next) return;
    const at = next.body.findIndex((block, position) => position > 0 && block.level === 0 && continuation.test(block.text));
    if (at === -1) return;
    const moved = next.body.splice(at);
    article.body.push(...moved);
    article.guesses.push(
      `正文在第 ${last.line} 行断开，下文印在${titleForEditor(next.title)}之后（原文第 ${moved[0]!.line} 行起），已接回本篇，请核对`,
    );
  });
}
