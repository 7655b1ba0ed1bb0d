import type { Block } from './blocks.ts';

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

/** An article's title as the report writes it: 《技能比武强本领》, or what it is when the page printed none. */
export const titleForEditor = (title: string) => (title ? `《${title}》` : '（没有标题的简讯）');
