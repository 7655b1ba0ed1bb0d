import { joinPieces } from './join-pieces.ts';
import { opensBrief } from './bylines.ts';
import { printWidth, titleShaped } from './line-shapes.ts';
import type { PageLine } from './page-lines.ts';

/**
 * How a paragraph may end: a sentence end, closing quotes and brackets after one (……说：“好。”),
 * a bracket after a sentence (……好评。（通讯员 刘芳）), or a colon before a list. A quote closed
 * after a word (认领“楼道长”) is a sentence the layout cut.
 */
export const paragraphEnd =
  /(?:[。！？!?；;：:…]|[。！？!?…][”’」』）)》]+|[^\p{Script=Han}\s][）)]|[。！？!?…][”’」』]?\s*[（(][^（）()]{1,40}[）)])$/u;

/** How wide a line printed, its indent included. */
const lineWidth = (line: PageLine) => printWidth(line.text) + (line.indented ? 2 : 0);

/**
 * The width a PDF's text was wrapped at, if it was: most long lines are that wide, give or take a
 * character. Text saved from Word or typed has lines as long as their paragraphs, so no width wins.
 */
export function wrapWidth(lines: readonly PageLine[]): number | undefined {
  const widths = lines
    .filter((line) => line.text)
    .map(lineWidth)
    .filter((value) => value >= 10);
  if (widths.length < 4) return undefined;
  let best: { at: number; count: number } | undefined;
  for (const candidate of new Set(widths.map(Math.round))) {
    const count = widths.filter((value) => Math.abs(value - candidate) <= 1.5).length;
    if (!best || count > best.count || (count === best.count && candidate > best.at)) best = { at: candidate, count };
  }
  return best && best.count >= Math.max(3, widths.length * 0.4) ? best.at : undefined;
}

/** How paragraphs of news commonly open: a time, a place in time, or a quotation. */
const paragraphOpening =
  /^(?:近年来|今年以来|近日|日前|近期|\d{1,2}月\d{1,2}日|\d{4}年|活动中|会上|会议|下一步|此外|同时|据悉|据了解|目前|截至|“)/u;

/** A line that starts something of its own whatever the line above: a numbered section, a caption, an editor's note. */
const startsOwnPart = (text: string) =>
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|【|图为|[上下左右]图[：:为]|编者按)/u.test(text);
/** A photo caption's credit ends its line: 图为……。　孙悦　摄. */
const endsWithCredit = (text: string) => /[\s\u3000（(]摄[）)]?$|摄影?[）)]?$/u.test(text) && /^(?:图为|[上下左右]图)/u.test(text);

/**
 * Lay out a page's lines as paragraphs separated by blank lines, the form the rest of the importer
 * reads. An indented line always starts a paragraph. Pages with blank lines between paragraphs
 * are otherwise left as they are. Pages without (a PDF's text wrapped at the column width, or
 * Word's one line per paragraph) are read line by line: a line continues the one above when that
 * one was cut at the wrap width or in mid-sentence, and a short line with no sentence in it (a
 * title, a byline, a column name) stands alone.
 */
export function layOutParagraphs(lines: readonly PageLine[]): PageLine[] {
  const written = lines.filter((line) => line.text);
  const lastWritten = lines.findLastIndex((line) => line.text);
  const blanksBetween = lines.filter((line, index) => !line.text && lines[index - 1]?.text && index < lastWritten).length;
  // A few short lines alone say nothing of the page's habits: they are read as one block, as before.
  const lineByLine = blanksBetween < written.length * 0.25 && (written.length >= 8 || written.some((line) => printWidth(line.text) > 40));
  const wrap = wrapWidth(lines);
  const out: PageLine[] = [];
  const blank = (line: number): PageLine => ({ text: '', line, indented: false });
  let lastLine: PageLine | undefined; // the line above as printed, before any joining
  for (const line of lines) {
    const previous = out.at(-1);
    const above = lastLine;
    lastLine = line;
    if (!line.text || !previous?.text || !above?.text) {
      out.push({ ...line });
      continue;
    }
    if (line.indented || (lineByLine && (opensBrief(line.text) || startsOwnPart(line.text) || endsWithCredit(above.text)))) {
      out.push(blank(line.line), { ...line });
      continue;
    }
    const cutAtWrap = wrap !== undefined && lineWidth(above) >= wrap - 1.5;
    if (!lineByLine) {
      // Paragraphs on consecutive lines between blank lines: a line ending a sentence short of the
      // wrap width ends its paragraph. Anything else is left to the block's own reading (blocks.ts).
      // So does a title-shaped line over a line as long as a paragraph's (节能宣传周里的党员身影 / 近日，……).
      if ((paragraphEnd.test(above.text) && !cutAtWrap) || (titleShaped(above.text) && !cutAtWrap && printWidth(line.text) > 40))
        out.push(blank(line.line));
      out.push({ ...line });
      continue;
    }
    // A full line ending a sentence goes on, unless what follows starts afresh: a short title-shaped
    // line (a title), or a line opening as paragraphs do (近年来，…, 12月4日，…, “…).
    const startsAfresh = titleShaped(line.text) && (wrap === undefined || lineWidth(line) < wrap - 1.5 || paragraphOpening.test(line.text));
    // A line as wide as the column that stands alone (a long kicker) over a short title-shaped
    // line: a paragraph's last line would end its sentence, so the short line is a title.
    const kickerOverTitle =
      previous.text === above.text && titleShaped(above.text) && titleShaped(line.text) && lineWidth(line) < (wrap ?? 0) - 1.5;
    const continues = paragraphEnd.test(above.text)
      ? cutAtWrap && !startsAfresh
      : (cutAtWrap && !kickerOverTitle) || !titleShaped(above.text);
    if (continues) out[out.length - 1] = { ...previous, text: joinPieces(previous.text, line.text) };
    else out.push(blank(line.line), { ...line });
  }
  return out;
}
