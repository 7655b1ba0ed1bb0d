/**
 * The raw material of the synthetic corpus: the sentences and headings of the real printed page
 * kept in the repository, so that the generated text has the vocabulary, punctuation and
 * sentence lengths a bulletin really has (which is what the search index and the Markdown
 * pipeline are sensitive to).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const samplePagePath = fileURLToPath(new URL('../../test/fixtures/import/sample-page.txt', import.meta.url));

export interface SampleText {
  /** Whole sentences, without the 本报讯 lead-in, each ending in its punctuation. */
  sentences: string[];
  /** The page's headings (titles and section headings), without # marks or dashes. */
  headings: string[];
}

/** A lead-in that only belongs at the start of a brief; the generator writes its own. */
const leadIn = /^本报讯（[^）]*）/;

export function readSampleText(path = samplePagePath): SampleText {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim());
  const headings = lines
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#+\s*/, '').replace(/^——/, ''))
    .filter((line) => line.length >= 4);
  // Prose lines only; the page breaks some paragraphs in the middle of a word, so lines are
  // joined and cut again at sentence ends.
  const prose = lines.filter((line) => line.length >= 20 && !line.startsWith('#')).join('');
  const sentences = [
    ...new Set(
      (prose.match(/[^。！？]+[。！？][”’」』）]?/gu) ?? [])
        .map((sentence) => sentence.replace(leadIn, '').trim())
        .filter((sentence) => sentence.length >= 12 && sentence.length <= 220),
    ),
  ];
  return { sentences, headings };
}
