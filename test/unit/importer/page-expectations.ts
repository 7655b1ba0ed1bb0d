import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRegistry, type Registry } from '../../../src/lib/content/registries.ts';
import { importPage, type ImportedArticle, type ImportOptions } from '../../../src/lib/importer/import-page.ts';
import { readPageInput } from '../../../src/lib/importer/read-input.ts';

/** What a fixture page must import to: per article its head, headings and each paragraph's first and last words. */
export interface ExpectedArticle {
  title: string;
  kicker?: string;
  subtitle?: string;
  byline: string;
  column: string;
  headings: [level: number, text: string][];
  /** Each paragraph in order, by how it starts and how it ends. */
  paragraphs: [start: string, end: string][];
  /** Words that must appear among the article's decisions for the editor (what the importer guessed). */
  decisions?: string[];
}

interface ExpectedPage {
  options: ImportOptions;
  articles: ExpectedArticle[];
}

const folder = fileURLToPath(new URL('../../fixtures/import-pages/', import.meta.url));

export const pagesRegistry = (): Registry => loadRegistry(folder).registry!;

/** The fixture pages (page text, or a Word file read as the import command reads it), each with what it must import to. */
export async function fixturePages(): Promise<{ name: string; text: string; expected: ExpectedPage }[]> {
  const files = readdirSync(`${folder}pages`)
    .filter((file) => /\.(txt|docx)$/.test(file))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const name = file.replace(/\.(txt|docx)$/, '');
      const input = await readPageInput(`${folder}pages/${file}`);
      if ('problem' in input) throw new Error(input.problem);
      return { name, text: input.text, expected: JSON.parse(readFileSync(`${folder}pages/${name}.expected.json`, 'utf8')) as ExpectedPage };
    }),
  );
}

/** How one imported article differs from what was expected: one line per difference, none when right. */
export function differences(actual: ImportedArticle | undefined, expected: ExpectedArticle): string[] {
  if (!actual) return [`missing article ${expected.title}`];
  const found: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) found.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  same('title', actual.title, expected.title);
  same('kicker', actual.kicker, expected.kicker);
  same('subtitle', actual.subtitle, expected.subtitle);
  same('byline', actual.byline, expected.byline);
  same('column', actual.column, expected.column);
  same(
    'headings',
    actual.body.filter((block) => block.level > 0).map((block) => [block.level, block.text]),
    expected.headings,
  );
  const paragraphs = actual.body.filter((block) => block.level === 0).map((block) => block.text);
  if (paragraphs.length !== expected.paragraphs.length)
    found.push(
      `paragraphs: got ${paragraphs.length}, want ${expected.paragraphs.length}: ${JSON.stringify(paragraphs.map((text) => `${text.slice(0, 12)}…${text.slice(-8)}`))}`,
    );
  expected.paragraphs.forEach(([start, end], index) => {
    const text = paragraphs[index];
    if (text !== undefined && (!text.startsWith(start) || !text.endsWith(end)))
      found.push(`paragraph ${index + 1}: ${JSON.stringify(text)} should run from ${start} to ${end}`);
  });
  for (const words of expected.decisions ?? []) {
    if (!actual.decisions.some((decision) => decision.includes(words)))
      found.push(`no decision mentions ${words}: ${JSON.stringify(actual.decisions)}`);
  }
  return found;
}

/** Import a fixture page and compare it article by article. */
export function comparePage(page: Awaited<ReturnType<typeof fixturePages>>[number], registry: Registry) {
  const { articles } = importPage(page.text, registry, page.expected.options);
  const expectedTitles = page.expected.articles.map((article) => article.title);
  const perArticle = page.expected.articles.map((expected, index) => ({
    title: expected.title,
    differences: differences(articles[index], expected),
  }));
  const right = perArticle.filter((article) => article.differences.length === 0).length;
  return { articles, expectedTitles, perArticle, right, total: page.expected.articles.length };
}
