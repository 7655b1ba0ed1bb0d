import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeFile } from '../files/encoding.ts';
import { findKeyTypos, fixKeyTypos } from '../files/frontmatter-keys.ts';
import { repeatedParagraphProblems } from './repeated-paragraphs.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import type { FrontmatterMemo, FrontmatterRead } from './frontmatter-memo.ts';
import { articleFilePattern, articleFileStem, strayFileProblems } from './article-files.ts';
import { articleBodyProblems } from './article-body.ts';
import type { MessageCode } from '../problems/messages.ts';
import { displayPath } from '../files/paths.ts';
import { catalogued, type CatalogueFill, type Problem, type ProblemPlace } from '../problems/problems.ts';
import type { Registry } from './registries.ts';
import { articleFieldInfo, articleKeys, articleTextKeys, createArticleSchema, readYesNo, type ArticleFrontmatter } from './schema.ts';
import { shortHash, slugFromFileName } from '../text/slug.ts';
import { isInTrustedFolder, untrustedMdxProblems } from './special-pages.ts';
import { pastedTextProblems, readPastedText } from './pasted-text.ts';
import { summarise } from '../text/summary.ts';
import { unknownKeyProblems } from './unknown-keys.ts';
import { walkFiles } from '../files/walk.ts';
import { parseYamlSource } from '../files/yaml-source.ts';
import { findYamlTraps, type YamlTrap } from '../files/yaml-traps.ts';
import { yamlTrapProblems } from './yaml-trap-problems.ts';
import { zodProblems } from './zod-problems.ts';

/** The folder of the content folder that holds articles. */
export const articlesFolder = 'articles';

/**
 * An article as the site uses it: its frontmatter's fields as the schema reads them (from the one
 * table of fields, fields/article-fields.ts), references resolved, slug settled, summary made.
 * Units are slugs in the order written, without repeats; the column is a slug; the date YYYY-MM-DD;
 * the cover, when given, a path relative to the article file.
 */
export type Article = Omit<ArticleFrontmatter, 'slug' | 'summary'> & {
  slug: string;
  /** Path relative to the content folder, forward slashes: how messages name the file. */
  sourcePath: string;
  /** As written, else taken from the first paragraph. */
  summary: string;
  /** The Markdown body. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
};

/** Every article file under the articles folder: .md, .mdx and .markdown in any case, any depth, sorted by path. */
export function listArticleFiles(dir: string, onEscape?: (path: string) => void): string[] {
  return walkFiles(join(dir, articlesFolder), dir, onEscape).filter((file) => articleFilePattern.test(file));
}

/** What reading one article file gives: the article when it is valid, and every problem found. */
export interface ParsedArticle {
  article?: Article;
  problems: Problem[];
  /** True when the slug was written in the frontmatter, false when it was derived. */
  slugWritten?: boolean;
  /** Where the written slug is, for messages about it. */
  slugPlace?: { line: number; column: number };
}

/** Read one article file, validate it against the bulletin's registries and check its pictures. */
export function readArticle(dir: string, file: string, registry: Registry, memo?: FrontmatterMemo): ParsedArticle {
  const sourcePath = displayPath(dir, file);
  return parseArticle(sourcePath, readFileSync(file), registry, dir, memo);
}

/**
 * Validate the bytes of an article file; `sourcePath` is how messages name it. With the content
 * folder given, its pictures are checked on disk too. With a memo, frontmatter validated by an
 * earlier run is taken from it (the pictures are always checked: they are files of their own).
 */
export function parseArticle(
  sourcePath: string,
  bytes: Uint8Array,
  registry: Registry,
  contentDir?: string,
  memo?: FrontmatterMemo,
): ParsedArticle {
  const at = <Code extends MessageCode>(code: Code, place: ProblemPlace, ...fill: CatalogueFill<Code>) => catalogued(sourcePath, code, place, ...fill);

  // Articles are Markdown; MDX (which runs code) is only for editors' special pages.
  if (extname(sourcePath).toLowerCase() === '.mdx') return { problems: isInTrustedFolder(sourcePath, registry.site.trustedMdx) ? [] : [at('MdxNotTrusted', { line: 1 })] };

  const decoded = decodeFile(bytes);
  if (decoded.text === undefined) return { problems: [at(decoded.reason === 'binary' ? 'NotText' : 'NotUtf8', {})] };
  // Encoding and line ends are reported, then the text is checked as well, so one run lists everything.
  const problems: Problem[] = [];
  if (decoded.encoding === 'gb18030') problems.push(at('Gbk', { line: 1 }));
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') problems.push(at('Utf16', { line: 1 }));
  if (decoded.encoding === 'utf-8-bom') problems.push(at('Utf8Bom', { line: 1 }, [], [], 'warning'));
  const crlf = decoded.text.indexOf('\r\n');
  if (crlf !== -1) problems.push(at('CrLf', { line: decoded.text.slice(0, crlf).split('\n').length }, [], [], 'warning'));

  // What a paste from WeChat, Word or a PDF leaves (invisible characters, odd spaces, indents) is
  // named, and read as ordinary text: 市水务局 with a zero-width space is still the unit, and
  // none reaches a page, the feed or the index.
  const pasted = readPastedText(decoded.text);
  problems.push(...pastedTextProblems(sourcePath, pasted.lines));
  const split = splitFrontmatter(pasted.text);
  if (split.unclosed) return { problems: [...problems, at('UnclosedFrontmatter', { line: split.yamlLine - 1 })] };
  const body = { sourcePath, body: split.body, bodyLine: split.bodyLine, contentDir };
  if (split.yaml === undefined) {
    return { problems: [...problems, at('MissingFrontmatter', { line: 1 }), ...articleBodyProblems({ ...body, draft: false, measure: false })] };
  }

  const { yaml, yamlLine } = split;
  const readFront = () => readFrontmatter(sourcePath, yaml, yamlLine, registry);
  const read = memo ? memo.read(`${sourcePath}\n${yamlLine}\n${yaml}`, readFront) : readFront();
  problems.push(...read.problems);
  // The body and the pictures are checked whatever the frontmatter holds: one run lists every problem.
  problems.push(...articleBodyProblems({ ...body, cover: read.cover, coverLine: read.coverLine, date: read.front?.date, draft: read.draft ?? false, measure: true }));
  if (!read.front || problems.some((entry) => entry.severity === 'error')) return { problems };

  const { front, slugPlace } = read;
  const article: Article = {
    ...fieldsGiven(front),
    slug: front.slug ?? slugFromFileName(articleFileStem(sourcePath)),
    sourcePath,
    summary: front.summary ?? summarise(split.body),
    body: split.body,
    bodyLine: split.bodyLine,
  };
  return { article, problems, slugWritten: front.slug !== undefined, ...(slugPlace ? { slugPlace } : {}) };
}

/** The frontmatter's fields that have a value: an optional field left out is absent, never undefined. */
function fieldsGiven(front: ArticleFrontmatter): ArticleFrontmatter {
  return Object.fromEntries(articleKeys.flatMap((key) => (front[key as keyof ArticleFrontmatter] === undefined ? [] : [[key, front[key as keyof ArticleFrontmatter]]]))) as ArticleFrontmatter;
}

/**
 * The body to render: the cover picture first, through the same Markdown image pipeline as
 * the body's own pictures (so it is optimised and sized the same way), then the body.
 */
export function withCover(article: Pick<Article, 'cover' | 'title' | 'body'>): string {
  if (!article.cover) return article.body;
  const alt = article.title.replace(/[[\]\\]/g, '\\$&');
  return `![${alt}](<${article.cover}>)\n\n${article.body}`;
}

/** A frontmatter's text with each trapped line as it should be written (the line its message gives). */
function withTrapsMended(yaml: string, traps: readonly YamlTrap[]): string {
  const lines = yaml.split('\n');
  for (const trap of traps) if (lines[trap.line - 1] !== undefined) lines[trap.line - 1] = trap.corrected;
  return lines.join('\n');
}

const keyTypoCodes = { colon: 'FullWidthColon', space: 'FullWidthSpace', nospace: 'ColonWithoutSpace' } as const;

/**
 * An article's frontmatter read and validated against the registries: its problems, and when
 * it is valid the fields and the places a later message may point at. Depends on nothing but
 * its arguments, so a memo can keep it between runs.
 */
export function readFrontmatter(sourcePath: string, yaml: string, yamlLine: number, registry: Registry): FrontmatterRead {
  const at = <Code extends MessageCode>(code: Code, place: ProblemPlace, ...fill: CatalogueFill<Code>) => catalogued(sourcePath, code, place, ...fill);
  const problems: Problem[] = [];
  const typos = findKeyTypos(yaml);
  for (const typo of typos) {
    const place = { line: yamlLine + typo.line, column: typo.column + 1, field: typo.key };
    problems.push(at(keyTypoCodes[typo.kind], place, [typo.key], [typo.key]));
  }
  const fixedYaml = fixKeyTypos(yaml, typos);
  let source = parseYamlSource(fixedYaml);
  const positionOf = (path: readonly PropertyKey[]) => {
    const position = source.positionOf(path);
    return position && { line: position.line + yamlLine - 1, column: position.column };
  };
  // A title or byline that YAML reads otherwise than written (# starts a comment, `: ` a second
  // key, * an alias, 1.10 a number) is told as what it is, with the line to write instead of
  // the error it causes (a syntax error, an empty or wrongly typed field).
  const traps = findYamlTraps(fixedYaml, source.errors.length ? undefined : source.data, articleTextKeys);
  problems.push(...yamlTrapProblems(sourcePath, traps, yamlLine));
  // A trap that breaks the whole frontmatter (`byline: 通讯员: 王笛`) must not hide the file's other
  // problems: the rest is read as if each trapped line were written as its message says.
  if (source.errors.length && traps.length) {
    const mended = parseYamlSource(withTrapsMended(fixedYaml, traps));
    if (mended.errors.length === 0) source = mended;
  }
  if (source.errors.length) {
    const trapLines = new Set(traps.map((trap) => trap.line));
    const syntax = source.errors.filter((error) => !trapLines.has(error.line)).map((error) => at('YamlSyntax', { line: error.line + yamlLine - 1, column: error.column }, [error.detail]));
    return { problems: [...problems, ...syntax] };
  }
  const data = source.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return { problems: [...problems, at('NotAMapping', { line: yamlLine })] };
  problems.push(...unknownKeyProblems(data, articleKeys, sourcePath, (key) => positionOf([key])));

  const fields = data as Record<string, unknown>;
  const coverLine = positionOf(['cover'])?.line;
  const written = {
    ...(typeof fields['cover'] === 'string' && fields['cover'].trim() ? { cover: fields['cover'].trim() } : {}),
    ...(coverLine === undefined ? {} : { coverLine }),
    ...(readYesNo(fields['draft']) === true ? { draft: true } : {}),
  };
  const result = createArticleSchema(registry).safeParse(data, { reportInput: true });
  if (!result.success) {
    const site = { file: sourcePath, positionOf };
    const trapped = new Set(traps.map((trap) => trap.key));
    const schema = zodProblems(result.error.issues, site, articleFieldInfo).filter((problem) => !trapped.has(problem.field?.split('.')[0] ?? ''));
    return { problems: [...problems, ...schema], ...written };
  }
  const front = result.data;
  // A trap in an optional field leaves a valid but wrong value (kicker: #1 is no kicker): the article waits for the fix.
  if (traps.length > 0) return { problems, ...written };
  const slugPlace = front.slug === undefined ? undefined : positionOf(['slug']);
  return { problems, front, ...written, ...(slugPlace ? { slugPlace } : {}) };
}


/** An article and how it came by its slug. */
export interface SlugClaim {
  article: Article;
  slugWritten: boolean;
  /** Where the written slug is. */
  line?: number;
  column?: number;
}

/** Read every article of a content folder, each with a slug of its own. */
export function readArticles(dir: string, registry: Registry, memo?: FrontmatterMemo): { articles: Article[]; problems: Problem[]; strayFiles: string[] } {
  const read: SlugClaim[] = [];
  const problems: Problem[] = [];
  const escapes = (path: string) => problems.push(catalogued(displayPath(dir, path), 'SymlinkOutside', { line: 1 }));
  // One walk of the folder: the articles, and the files that should have been articles.
  const files = walkFiles(join(dir, articlesFolder), dir, escapes);
  for (const file of files.filter((path) => articleFilePattern.test(path))) {
    const result = readArticle(dir, file, registry, memo);
    problems.push(...result.problems);
    if (result.article) read.push({ article: result.article, slugWritten: result.slugWritten ?? false, ...result.slugPlace });
  }
  const settled = settleArticleSlugs(read);
  // The articles folder was walked above, and an .mdx article is reported as it is read.
  const articlesRoot = join(dir, articlesFolder);
  const strayMdx = untrustedMdxProblems(dir, registry.site.trustedMdx, (path) => path === articlesRoot);
  const strays = strayFileProblems(dir, files);
  return {
    articles: settled.articles,
    problems: [...problems, ...settled.problems, ...repeatedParagraphProblems(settled.articles), ...strayMdx, ...strays],
    strayFiles: strays.map((problem) => problem.file),
  };
}

/** Older first; on the same day, by path, so the order never depends on how files were listed. */
const byAge = (a: Article, b: Article) => a.date.localeCompare(b.date) || a.sourcePath.localeCompare(b.sourcePath);

/**
 * Make every slug unique without ever moving a published page. Two written slugs that clash are
 * an error in both files, each naming the other: only the writers know which should change. A
 * written slug that an older article already has from its file name is an error in the newer
 * file. A slug derived from a file name gives way, to an older written or derived slug: it gets
 * a short hash of its path added, and a warning says so.
 */
export function settleArticleSlugs(read: readonly SlugClaim[]): { articles: Article[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const claims = new Map<string, SlugClaim>();
  const refused = new Set<string>();
  const written = read.filter((entry) => entry.slugWritten);
  for (const claim of written) {
    const { article } = claim;
    const first = claims.get(article.slug);
    if (first === undefined) {
      claims.set(article.slug, claim);
      continue;
    }
    for (const [mine, theirs] of [[first, claim], [claim, first]] as const) {
      refused.add(mine.article.sourcePath);
      problems.push(catalogued(mine.article.sourcePath, 'SlugClash', { line: mine.line, column: mine.column, field: 'slug' }, [article.slug, theirs.article.sourcePath], [article.slug]));
    }
  }
  const derived = read
    .filter((entry) => !entry.slugWritten)
    .map((entry) => entry.article)
    .sort(byAge);
  // Derived slugs oldest first: the first article with a slug is the one that has it.
  const firstDerived = new Map<string, Article>();
  for (const article of derived) if (!firstDerived.has(article.slug)) firstDerived.set(article.slug, article);
  for (const claim of written) {
    const first = firstDerived.get(claim.article.slug);
    const older = first && byAge(first, claim.article) < 0 ? first : undefined;
    if (!older || refused.has(claim.article.sourcePath)) continue;
    refused.add(claim.article.sourcePath);
    problems.push(catalogued(claim.article.sourcePath, 'SlugTaken', { line: claim.line, column: claim.column, field: 'slug' }, [claim.article.slug, older.sourcePath], [claim.article.slug]));
  }
  const owner = new Map<string, string>();
  for (const claim of written) if (!refused.has(claim.article.sourcePath)) owner.set(claim.article.slug, claim.article.sourcePath);
  const renamed = new Map<Article, string>();
  for (const article of derived) {
    const other = owner.get(article.slug);
    if (other === undefined) {
      owner.set(article.slug, article.sourcePath);
      continue;
    }
    const slug = `${article.slug}-${shortHash(article.sourcePath)}`;
    owner.set(slug, article.sourcePath);
    renamed.set(article, slug);
    problems.push(catalogued(article.sourcePath, 'SlugRenamed', { field: 'slug' }, [article.slug, other, slug], [article.slug], 'warning'));
  }
  const articles = read
    .map((entry) => entry.article)
    .filter((article) => !refused.has(article.sourcePath))
    .map((article) => (renamed.has(article) ? { ...article, slug: renamed.get(article)! } : article));
  return { articles, problems };
}

