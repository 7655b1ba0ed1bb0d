import { resolveColumn, type Registry } from '../content/registries.ts';
import { fieldName } from '../problems/field-names.ts';
import { readPage, type Block } from './blocks.ts';
import { compact } from './line-shapes.ts';
import { paragraphEnd } from './paragraph-lines.ts';
import { decideDuplicates } from './duplicates.ts';
import { dropRepeatedParagraphs, mendBrokenParagraphs, oneSpace, removeStraySpaces } from './repair.ts';
import type { Repair } from './repair-note.ts';
import { authorLineReader } from './author-lines.ts';
import { titleForEditor, type PageArticle } from './page-article.ts';
import { splitArticles } from './split.ts';
import { findUnits, unknownOrganisations } from './units.ts';

/** What the editor gives besides the page: the issue's date and, optionally, its number and page. */
export interface ImportOptions {
  date: string;
  issue?: number;
  page?: number;
  /** The column of articles before any column marker. */
  column?: string;
}

/** One article made from the page, ready to be written, with what was done and what is left to decide. */
export interface ImportedArticle {
  title: string;
  kicker?: string;
  subtitle?: string;
  date: string;
  column: string;
  units: string[];
  byline: string;
  issue?: number;
  page?: number;
  /** Place on the printed page. */
  order: number;
  /** Section headings (level 2 for ##, 3 for ###) and paragraphs, in order. */
  body: Block[];
  repairs: Repair[];
  /** Things the importer could not decide, for the editor. */
  decisions: string[];
}

/** The import of one page. */
export interface PageImport {
  articles: ImportedArticle[];
  /** Organisations named in the articles that units.yaml does not know. */
  unknownUnits: string[];
  /** Text before the first title, which belongs to no article. */
  stray: Block[];
  /** What reading the page repaired before it was split: furniture left out, letter-spaced headlines joined. */
  repairs: Repair[];
}

/** A long piece by a reporter, with sections: what the bulletin calls a 通讯 (feature). */
function looksLikeFeature(article: PageArticle): boolean {
  const length = article.body.reduce((sum, block) => sum + block.text.length, 0);
  return /记者/.test(article.byline ?? '') && (article.body.some((block) => block.level > 0) || length > 1500);
}

/** Articles the page printed twice, title and opening alike: each later copy. */
function repeatedArticles(articles: readonly PageArticle[]): PageArticle[] {
  const seen = new Set<string>();
  return articles.filter((article) => {
    const opening = article.body.find((block) => block.level === 0)?.text ?? '';
    const key = `${compact(article.title)}|${compact(opening)}`;
    if (compact(opening).length < 10) return false;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

/**
 * A byline that is a name alone (王建国) takes the unit of the note under the article (（作者单位：
 * 市委党校）) as an author line does: 市委党校 王建国, with the registry's name for it when known.
 */
function signedWithAffiliation(byline: string, affiliation: string | undefined, registry: Registry): string {
  if (!affiliation || !/^\p{Script=Han}{2,4}$/u.test(byline)) return byline;
  const [unit] = findUnits(affiliation, registry);
  const organisation =
    unit && findUnits(affiliation, registry).length === 1 && affiliation.includes(unit.name)
      ? unit.name
      : affiliation.split(/[\s，,、]/u)[0]!;
  return `${organisation} ${byline}`;
}

/**
 * Section headings as levels 2 and 3 (## and ###) whatever marks the page used: the article's
 * title is the page's only level 1, and its sections follow it without a gap.
 */
function sectionLevels(body: readonly Block[]): Block[] {
  const levels = [...new Set(body.filter((block) => block.level > 0).map((block) => block.level))].sort((a, b) => a - b);
  return body.map((block) => (block.level > 0 ? { ...block, level: Math.min(levels.indexOf(block.level) + 2, 6) } : block));
}

/**
 * Turn the text of a printed page into articles: split it, mend what the layout broke, settle
 * paragraphs printed twice, find each article's units, and note everything the editor must
 * decide. Nothing here touches the disk.
 */
export function importPage(text: string, registry: Registry, options: ImportOptions): PageImport {
  const readAuthor = authorLineReader(registry);
  const page = readPage(text, (line) => readAuthor(line) !== undefined, {
    name: registry.site.name,
    ...(registry.site.publisher ? { publisher: registry.site.publisher } : {}),
  });
  const { articles: found, stray } = splitArticles(page.blocks, registry);
  const repeated = repeatedArticles(found);
  const pageRepairs = [
    ...page.repairs,
    ...repeated.map((article) => ({ line: article.line, description: `删去重复印了一遍的稿件${titleForEditor(article.title)}` })),
  ];
  const cleaned = found
    .filter((article) => !repeated.includes(article))
    .map((article) => {
      const spaces = removeStraySpaces(article.body);
      const mended = mendBrokenParagraphs(spaces.body);
      const single = dropRepeatedParagraphs(mended.body);
      const decisions = [...article.guesses];
      const last = single.body.filter((block) => block.level === 0).at(-1);
      if (last && !paragraphEnd.test(last.text)) {
        decisions.push(
          `正文最后一段没有写完（“……${[...last.text].slice(-10).join('')}”），下文可能排在版面别处（分栏或转版）：请找到后接上`,
        );
      }
      for (const caption of article.captions) {
        decisions.push(
          `原文第 ${caption.line} 行是图片说明“${[...caption.text].slice(0, 20).join('')}……”，文字稿里没有图片，所以没有放进正文：如有原图，请放进 images/ 文件夹，在正文相应位置插入图片并写上这句说明`,
        );
      }
      return { article, body: sectionLevels(single.body), repairs: [...spaces.repairs, ...mended.repairs, ...single.repairs], decisions };
    });

  const duplicates = decideDuplicates(cleaned.map(({ body }) => body.filter((block) => block.level === 0).map((block) => block.text)));
  for (const duplicate of duplicates) {
    const titles = (indexes: number[]) => indexes.map((index) => titleForEditor(cleaned[index]!.article.title)).join('、');
    const names = titles(duplicate.articles);
    const start = `“${[...duplicate.text].slice(0, 12).join('')}……”`;
    for (const index of duplicate.articles) {
      const entry = cleaned[index]!;
      if (duplicate.keptIn === undefined) {
        entry.decisions.push(`有一段同时出现在${names}中（${start}），请决定保留在哪一篇`);
      } else if (duplicate.keptIn !== index) {
        const at = entry.body.findIndex((block) => compact(block.text) === duplicate.text);
        if (at === -1) continue;
        const { line } = entry.body[at]!;
        entry.body.splice(at, 1);
        entry.repairs.push({ line, description: `删去重复印了一遍的段落${start}，它属于${titles([duplicate.keptIn])}` });
      } else {
        entry.decisions.push(
          `核对：这一段（${start}）也印在了${titles(duplicate.articles.filter((other) => other !== index))}中，已从那里删去`,
        );
      }
    }
  }

  // A brief without a title that was only a paragraph printed twice has nothing left: it was no brief.
  const emptied = cleaned.filter(({ article, body }) => article.title === '' && !body.some((block) => block.level === 0));
  for (const entry of emptied) pageRepairs.push(...entry.repairs);
  const kept = cleaned.filter((entry) => !emptied.includes(entry));

  const featureColumn = resolveColumn('通讯', registry);
  const unknownUnits = new Set<string>();
  const articles = kept.map(({ article, body, repairs, decisions }, index): ImportedArticle => {
    const paragraphs = body.filter((block) => block.level === 0).map((block) => block.text);
    // A column marker on the page wins; a feature before any marker is a 通讯 whatever the page's default.
    let column = article.column;
    if (!column && featureColumn && looksLikeFeature(article)) {
      column = featureColumn.name;
      decisions.push(`没有栏目标记，按体裁（记者署名、有小标题）定为“${column}”，请核对`);
    }
    column ??= options.column;
    if (!column) decisions.push(`没有栏目标记，也没有用 --column 指定栏目，请在稿件信息的${fieldName('column')}中填写`);

    // The lead: the first paragraph, and the second too when the first is only a quotation
    // (本报讯（通讯员 王笛）“……”某某说。), as briefs often open.
    const opensWithQuote = /^(?:【本报讯】|本报讯)?\s*(?:[（(][^）)]*[）)])?\s*“/u.test(paragraphs[0] ?? '');
    // The byline's organisation (市审计局 张海涛) and the author's unit count as the lead's.
    const lead = [article.title, article.byline ?? '', article.affiliation ?? '', ...paragraphs.slice(0, opensWithQuote ? 2 : 1)].join(
      '\n',
    );
    let units = findUnits(lead, registry);
    if (units.length === 0) {
      units = findUnits(paragraphs.join('\n'), registry);
      if (units.length) decisions.push(`导语中没有登记过的单位，单位取自全文（${units.length} 个），请核对`);
      else decisions.push(`没有找到登记过的单位，请在稿件信息的${fieldName('units')}中填写`);
    }
    for (const name of unknownOrganisations(lead, registry)) unknownUnits.add(name);

    const mentioned = [...new Set(paragraphs.join('').match(/\d{1,2}月\d{1,2}日/g) ?? [])];
    if (mentioned.length)
      decisions.push(
        `正文提到 ${mentioned.join('、')}；稿件日期用的是出版日期 ${options.date}，如需改为事件日期请修改${fieldName('date')}`,
      );
    if (!article.byline) decisions.push(`没有找到署名，请在稿件信息的${fieldName('byline')}中填写，如“通讯员 王笛”`);

    return {
      title: oneSpace(article.title),
      ...(article.kicker ? { kicker: oneSpace(article.kicker) } : {}),
      ...(article.subtitle ? { subtitle: oneSpace(article.subtitle) } : {}),
      date: options.date,
      column: column ?? '',
      units: units.map((unit) => unit.name),
      byline: signedWithAffiliation(article.byline ?? '', article.affiliation, registry),
      ...(options.issue ? { issue: options.issue } : {}),
      ...(options.page ? { page: options.page } : {}),
      order: index + 1,
      body,
      repairs,
      decisions,
    };
  });
  return { articles, unknownUnits: [...unknownUnits], stray, repairs: pageRepairs };
}
