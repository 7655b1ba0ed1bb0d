import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { articlePath } from '../content/new-article.ts';
import { frontmatterText } from '../content/frontmatter-text.ts';
import { shortHash } from '../text/slug.ts';
import { parseYamlSource } from '../files/yaml-source.ts';
import { samePlaceImport, type ImportSource } from './identity.ts';
import type { ImportedArticle } from './import-page.ts';

/** Where the importer remembers what it wrote, so a second run neither duplicates nor clobbers. */
const manifestFile = '.import-manifest.json';

interface Manifest {
  /**
   * Content-relative path → the article it holds (date|title), the hash of the text as the
   * importer wrote it, and where on which page file it came from (to know it again retitled).
   */
  files: Record<string, { key: string; hash: string; from?: ImportSource }>;
}

/** What happened to one article on this run. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-edited';

/** The file of one article and what happened to it; `previousTitle` when it was known again under a new title. */
export interface WriteResult {
  path: string;
  outcome: WriteOutcome;
  previousTitle?: string;
  similarity?: number;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
/**
 * An article's identity across imports: its date and title; a brief printed without a title is
 * known by the start of its first paragraph instead, so two of them never share a file.
 */
function articleKey(article: { date: string; title: string; opening: string }): string {
  return `${article.date}|${article.title || `（无题）${[...article.opening.replace(/\s+/gu, '')].slice(0, 30).join('')}`}`;
}

/** The key of an imported article (see articleKey). */
const importedKey = (article: ImportedArticle) =>
  articleKey({ ...article, opening: article.body.find((block) => block.level === 0)?.text ?? '' });

/** The Markdown file of an imported article: full frontmatter, then sections and paragraphs. */
function importedArticleText(article: ImportedArticle): string {
  const body = article.body.map((block) => (block.level > 0 ? `${'#'.repeat(Math.max(block.level, 2))} ${block.text}` : block.text));
  return `${frontmatterText(article)}\n\n${body.join('\n\n')}\n`;
}

/**
 * A short, readable slug from the start of a title: its first Chinese characters read two by
 * two (技能比武强本领 → jineng-biwu), longer when that name is taken.
 */
export function importSlug(title: string, length: number): string {
  const run = [...(title.match(/\p{Script=Han}+/u)?.[0] ?? '')];
  if (run.length === 0) return `article-${shortHash(title)}`;
  const pairs: string[] = [];
  for (let index = 0; index < Math.min(length, run.length); index += 2) {
    pairs.push(pinyin(run.slice(index, Math.min(index + 2, length)).join(''), { toneType: 'none', separator: '', v: true }).toLowerCase());
  }
  return pairs.join('-');
}

/** The title and date of an existing article file, to recognise an article imported before. */
function existingKey(file: string): string | undefined {
  try {
    const split = splitFrontmatter(readFileSync(file, 'utf8'));
    const data = split.yaml === undefined ? undefined : (parseYamlSource(split.yaml).data as Record<string, unknown> | undefined);
    if (!data) return undefined;
    const opening =
      split.body
        .split(/\n\s*\n/u)
        .find((part) => part.trim() && !part.trim().startsWith('#'))
        ?.trim() ?? '';
    return articleKey({ date: String(data['date']), title: String(data['title'] ?? ''), opening });
  } catch {
    return undefined;
  }
}

/** The body of an article file (frontmatter left out), or undefined when it cannot be read. */
function fileBody(file: string): string | undefined {
  try {
    return splitFrontmatter(readFileSync(file, 'utf8')).body;
  } catch {
    return undefined;
  }
}

/**
 * The file each article was imported into before, if any: first by date and title, for every
 * article, so that one keeping its title keeps its file; then, for the rest, the earlier import
 * of the same page that has the same body under another title (see samePlaceImport).
 */
function previousFiles(
  dir: string,
  manifest: Manifest,
  articles: readonly ImportedArticle[],
  source: string | undefined,
): (Omit<WriteResult, 'outcome'> | undefined)[] {
  const entries = Object.entries(manifest.files).map(([path, entry]) => ({ path, ...entry }));
  const taken = new Set<string>();
  const found = articles.map((article): Omit<WriteResult, 'outcome'> | undefined => {
    const path = entries.find((entry) => entry.key === importedKey(article))?.path;
    if (path) taken.add(path);
    return path ? { path } : undefined;
  });
  if (source === undefined) return found;
  // Each earlier file is read once, however many articles of this page are compared with it.
  const bodies = new Map<string, string | undefined>();
  const bodyOf = (path: string) => {
    if (!bodies.has(path)) bodies.set(path, fileBody(join(dir, ...path.split('/'))));
    return bodies.get(path);
  };
  return found.map((known, index) => {
    if (known) return known;
    const article = articles[index]!;
    const body = article.body.map((block) => block.text).join('\n');
    const match = samePlaceImport(article.date, sourceOf(article, source), body, entries, taken, bodyOf);
    if (match) taken.add(match.path);
    return match;
  });
}

const sourceOf = (article: ImportedArticle, file: string): ImportSource => ({
  file,
  ...(article.issue ? { issue: article.issue } : {}),
  ...(article.page ? { page: article.page } : {}),
  order: article.order,
});

/**
 * Write imported articles to articles/年/月/<slug>.md. An article imported before (same title,
 * or same page and body: see previousFiles) goes to the same file, which is updated only if
 * nobody edited it since (its hash is in the manifest); an edited one is kept, unless `force`.
 * With `dryRun`, nothing is written, but every outcome is worked out the same. `source` is the
 * page file's name, recorded to know an article again when its title changes.
 */
export function writeImported(
  dir: string,
  articles: readonly ImportedArticle[],
  options: { dryRun?: boolean; force?: boolean; source?: string },
): WriteResult[] {
  const manifestPath = join(dir, manifestFile);
  const manifest: Manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : { files: {} };
  const previous = previousFiles(dir, manifest, articles, options.source);
  const claimed = new Set(previous.flatMap((match) => (match ? [match.path] : [])));
  const results = articles.map((article, index): WriteResult => {
    const key = importedKey(article);
    const text = importedArticleText(article);
    const pathFor = (slug: string) => articlePath(article.date, slug);
    // A brief printed without a title is named after its first words (after 本报讯（…）) until it has one.
    const named = article.title || (article.body.find((block) => block.level === 0)?.text ?? '').replace(/^[^）)]*本报讯[^）)]*[）)]/u, '');
    const match = previous[index];
    let path = match?.path;
    for (let length = 4; !path; length += 2) {
      const candidate = pathFor(length > 40 ? `${importSlug(named, 4)}-${shortHash(key)}` : importSlug(named, length));
      const file = join(dir, ...candidate.split('/'));
      const free = !claimed.has(candidate) && (!existsSync(file) || existingKey(file) === key);
      if (free) path = candidate;
    }
    claimed.add(path);
    const file = join(dir, ...path.split('/'));
    let outcome: WriteOutcome;
    if (!existsSync(file)) outcome = 'created';
    else {
      const current = readFileSync(file, 'utf8');
      const untouched = manifest.files[path]?.hash === hash(current);
      if (current === text) outcome = 'unchanged';
      else if (untouched || options.force) outcome = 'updated';
      else outcome = 'kept-edited';
    }
    if (!options.dryRun && (outcome === 'created' || outcome === 'updated')) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text, 'utf8');
    }
    if (outcome !== 'kept-edited')
      manifest.files[path] = {
        key,
        hash: hash(text),
        ...(options.source === undefined ? {} : { from: sourceOf(article, options.source) }),
      };
    return { ...match, path, outcome };
  });
  if (!options.dryRun && results.some((result) => result.outcome !== 'kept-edited')) {
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  }
  return results;
}
