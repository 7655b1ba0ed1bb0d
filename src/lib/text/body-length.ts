import { markdownToText } from './plain-text.ts';

/** The opening of a brief: 本报讯（通讯员 李华）, 【本报讯】, （本报讯）, or a byline in parentheses alone. */
const lead = /^\s*(?:【本报讯】|本报讯|[（(]本报讯[）)])?\s*(?:[（(][^（）()]*[）)])?/u;
const letters = /[\p{L}\p{N}]/gu;
/** What a reader never sees as text: link and picture addresses, HTML tags, link definitions. */
const markup = /\]\([^)]*(?:\)|$)|<[^>]*(?:>|$)|^[ \t]*\[[^\]]+\]:.*$/gmu;

/** How many letters `text` has, counting no further than `limit`. */
function countUpTo(text: string, limit: number): number {
  let found = 0;
  letters.lastIndex = 0;
  while (found < limit && letters.exec(text)) found++;
  return found;
}

/** How far into the body the quick count looks: a written body has its first sentence there. */
const window = 1000;

/**
 * How many characters (汉字, letters, digits) a body has beyond its 本报讯（……） lead, when that
 * is fewer than `least`; undefined when the body has at least that many. Punctuation, markup
 * and addresses do not count; picture descriptions do. Most bodies say so in their first
 * sentence: the letters of their first lines, without link and picture addresses and HTML tags,
 * settle them without parsing (script text inside HTML would be counted there, which no
 * correspondent writes); only a body with fewer is read as Markdown and counted exactly.
 */
export function shortBodyLength(body: string, least: number): number | undefined {
  const start = lead.exec(body)?.[0].length ?? 0;
  if (countUpTo(body.slice(start, start + window).replace(markup, ''), least) >= least) return undefined;
  const written = countUpTo(markdownToText(body).replace(lead, ''), least);
  return written < least ? written : undefined;
}
