import { endsSentence, headingLike, isEditorsNote } from './block-kinds.ts';
import type { Block } from './blocks.ts';
import { isMarked, opensBrief, standaloneByline } from './bylines.ts';
import { titleShaped } from './line-shapes.ts';
import type { PageArticle } from './page-article.ts';

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

/** A section's rank: 1. is first unless the article is numbered 一、 already. */
function sectionRank(rank: 0 | 1 | 2, article: PageArticle): 1 | 2 {
  return rank || (article.body.some((part) => part.level === 2 && /^[一二三四五六七八九十]{1,3}、/u.test(part.text)) ? 2 : 1);
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
export function sectionOrParagraph(block: Block, next: Block | undefined, article: PageArticle): Block {
  if (block.level > 0) {
    // Pages use # marks as loosely as they like (### 一、 beside a bare （一）): a heading's level is
    // told by its numbering, and any other heading is a section.
    const numbered = numberedSection(block.text);
    return { ...block, level: numbered ? sectionRank(numbered.rank, article) + 1 : 2 };
  }
  // A short line after a print mark (◆ 学深一步, ■ 筑牢根基) is how many pages mark a subhead.
  const marked = /^[◆◇■□●○★☆▶►][\s\u3000]*(.+)$/u.exec(block.text)?.[1];
  // Not a name after the text (■ 陈晨 over the next title): a subhead has text of its own below it.
  const textBelow = next !== undefined && next.level === 0 && !headingLike(next);
  if (marked && subheadLike(marked) && [...marked].length >= 3 && standaloneByline(block.text) === undefined && textBelow)
    return { ...block, text: marked, level: 2 };
  const numbered = numberedSection(block.text);
  if (numbered) return { ...block, text: numbered.text, level: sectionRank(numbered.rank, article) + 1 };
  const previous = article.body.at(-1);
  const afterParagraph = previous !== undefined && (previous.level > 0 || endsSentence.test(previous.text) || isEditorsNote(previous));
  const beforeParagraph = next !== undefined && next.level === 0 && !headingLike(next) && !opensBrief(next.text);
  if (afterParagraph && beforeParagraph && subheadLike(block.text) && !isMarked(block.text) && standaloneByline(block.text) === undefined) {
    article.guesses.push(
      `原文第 ${block.line} 行“${block.text}”当作了小标题（导入的稿件里写成 ## 开头的一行）；如果它其实是正文，请删去 ## 并把它接回上下文`,
    );
    return { ...block, level: 2 };
  }
  return block;
}
