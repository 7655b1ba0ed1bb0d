import { markdownToText } from './plain-text.ts';

/** The opening of a brief: 本报讯（通讯员 李华）, 【本报讯】, （本报讯）, or a byline in parentheses alone. */
const lead = /^\s*(?:【本报讯】|本报讯|[（(]本报讯[）)])?\s*(?:[（(][^（）()]*[）)])?/u;
const letters = /[\p{L}\p{N}]/gu;
/** What a reader never sees as text: link and picture addresses, HTML tags, link definitions. */
const markup = /\]\([^)]*\)|<[^>]*>|^[ \t]*\[[^\]]+\]:.*$/gmu;

const count = (text: string) => text.match(letters)?.length ?? 0;

/**
 * How many characters (汉字, letters, digits) a body has beyond its 本报讯（……） lead, when that
 * is fewer than `least`; undefined when the body has at least that many. Punctuation, markup
 * and addresses do not count; picture descriptions do. Most bodies are long: a count of the
 * Markdown without its addresses and tags, which is never less than the text's, settles them
 * without parsing; only a short body is read as Markdown.
 */
export function shortBodyLength(body: string, least: number): number | undefined {
  if (count(body.replace(lead, '').replace(markup, '')) >= least) return undefined;
  const written = count(markdownToText(body).replace(lead, ''));
  return written < least ? written : undefined;
}
