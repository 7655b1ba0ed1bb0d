import type { Registry } from '../content/registries.ts';
import { resolveColumn } from '../content/registries.ts';
import { subtitleLine, type Block } from './blocks.ts';
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
}

/** A heading, or in plain text a short line that is no sentence: 市水务局开展主题党日活动. */
const headingLike = (block: Block) => block.level > 0 || (block.text.length <= 40 && !/[。！？；，,.!?;：:]/u.test(block.text));
const isSubtitle = (block: Block) => subtitleLine(block.text);
// The line above a brief's opening (本报讯…) is its title whatever it holds (水务局：抓实冬季供水保障),
// unless it ends a sentence: then it is the end of the article before, and the brief has lost its title.
const titleAboveOpening = (block: Block) => block.level > 0 || (block.text.length <= 80 && !/[。！？!?]$/u.test(block.text) && !opensBrief(block.text));

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
  return (text) => authorLine(text, names);
}

/**
 * Cut a page's blocks into articles, whatever heading levels the page uses (plain text too): the
 * line above a brief's opening (本报讯, 【本报讯】, （本报讯…）) always starts an article; a
 * heading, or a short line that is no sentence, starts an article when a byline follows it (after an optional subtitle), when it is the page's first
 * heading, or when it follows a column marker or the previous article's closing byline; any
 * other heading is a section of the current article. A heading right above a title is its
 * kicker; a line starting with —— right below, its subtitle. A bare line naming a column of the
 * registry is a column marker for the articles after it.
 */
export function splitArticles(blocks: readonly Block[], registry: Registry): { articles: PageArticle[]; stray: Block[] } {
  const articles: PageArticle[] = [];
  const stray: Block[] = [];
  const readAuthor = authorLineReader(registry);
  const startsWithByline = (block: Block | undefined) => block !== undefined && (readAuthor(block.text) !== undefined || openingByline(block.text) !== undefined);
  let column: string | undefined;
  let opensArticle = true; // the page start, a column marker or a closing byline
  // After a column marker or a closing byline (not at the page start, where a plain line may be
  // the page's own header), the article before has ended: a plain short line is the next title.
  let articleEnded = false;
  const titleAt = (index: number): boolean => {
    const block = blocks[index];
    // A marked author line (■通讯员 王笛) is never a title, whatever follows it.
    if (!block || isSubtitle(block) || (isMarked(block.text) && standaloneByline(block.text) !== undefined)) return false;
    let next = index + 1;
    while (blocks[next] && isSubtitle(blocks[next]!)) next++;
    if (blocks[next] && opensBrief(blocks[next]!.text)) return titleAboveOpening(block);
    return headingLike(block) && startsWithByline(blocks[next]);
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const marker = block.text.length <= 12 ? resolveColumn(block.text, registry) : undefined;
    if (marker && !startsWithByline(blocks[index + 1]) && !titleAt(index)) {
      column = marker.name;
      opensArticle = true;
      articleEnded = true;
      continue;
    }
    const current = articles.at(-1);
    // A byline after the text, before anything else can claim the line (a short line above a title
    // reads as its kicker): marked (■…) or in brackets, or unmarked with a space (通讯员 何静). It
    // ends the article where the next one starts: a title with its byline or 本报讯 below, a
    // heading, a column marker, the page's end, or (for an article with no byline yet) any short
    // line. An article that has its byline keeps a marked line followed by more text: that is a
    // ▲摄影 credit under a picture, and the short line after it a section of the same article.
    if (current && current.body.length > 0 && block.level === 0) {
      const marked = closingByline(block.text);
      const byline = marked ?? unmistakableByline(block.text);
      if (byline) {
        const next = blocks[index + 1];
        const nextStarts =
          !next || next.level > 0 || titleAt(index + 1) || (headingLike(next) && titleAt(index + 2)) || (next.text.length <= 12 && resolveColumn(next.text, registry) !== undefined);
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
    const isTitle =
      block.level > 0
        ? !isSubtitle(block) && (titleAt(index) || (opensArticle && !isKicker) || !current)
        : titleAt(index) || (articleEnded && !isKicker && headingLike(block) && !isSubtitle(block));
    if (isKicker || isTitle) {
      const title = isKicker ? blocks[++index]! : block;
      const article: PageArticle = { title: title.text, body: [], line: title.line, ...(isKicker ? { kicker: block.text } : {}), ...(column ? { column } : {}) };
      while (blocks[index + 1] && isSubtitle(blocks[index + 1]!)) article.subtitle = blocks[++index]!.text;
      const byline = blocks[index + 1] ? readAuthor(blocks[index + 1]!.text) : undefined;
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
      stray.push(block);
      continue;
    }
    if (!current.byline && current.body.length === 0) {
      const opening = openingByline(block.text);
      if (opening?.byline) {
        current.byline = opening.byline;
        current.bylineFrom = 'opening';
      }
    }
    current.body.push(block);
    articleEnded = false;
  }
  return { articles, stray };
}
