/**
 * 打印本期: the print page lists the articles; this puts each whole article in place of
 * its link, taken from the article's own page (already cached when the reader has read it), so
 * the issue prints as one document in page order. What does not load stays a link, and says so.
 */
import { element } from './element.ts';

const root = document.querySelector<HTMLElement>('[data-print-issue]');
if (root) void assemble(root);

async function assemble(root: HTMLElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-print-status]')!;
  status.textContent = root.dataset['loading'] ?? '';
  const items = [...root.querySelectorAll<HTMLLIElement>('[data-print-article]')];
  const loaded = await Promise.all(items.map((item, index) => articleOf(item, index).catch(() => undefined)));
  const contents = root.querySelector('ol')!;
  const heading = root.querySelector('h2')!;
  // Each article goes before the contents, in page order, and its item leaves the list: what
  // stays listed is exactly what did not load.
  let failed = 0;
  items.forEach((item, index) => {
    const article = loaded[index];
    if (article) {
      root.insertBefore(article, heading);
      item.remove();
    } else {
      failed++;
    }
  });
  if (failed === 0) {
    contents.remove();
    heading.remove();
  } else {
    // The paper says what is missing, and where to read it.
    status.classList.remove('no-print');
    for (const link of contents.querySelectorAll('a')) link.dataset['printHref'] = link.href;
  }
  // Pictures below the first screen wait for the reader to scroll (loading="lazy"): on paper
  // they would be empty boxes. Each is fetched now, and the issue is ready once all have come.
  const pictures = [...root.querySelectorAll('img')];
  for (const picture of pictures) picture.loading = 'eager';
  await Promise.all(pictures.map((picture) => picture.decode().catch(() => undefined)));
  status.textContent = (failed === 0 ? root.dataset['ready'] : root.dataset['failed']) ?? '';
  const printNow = root.querySelector<HTMLButtonElement>('[data-print-now]')!;
  printNow.hidden = false;
  printNow.addEventListener('click', () => window.print());
  root.dataset['printReady'] = failed === 0 ? 'true' : 'partly';
}

/** The article an item links to, as the print page shows it: its title block and its body. */
async function articleOf(item: HTMLLIElement, index: number): Promise<HTMLElement> {
  const link = item.querySelector('a')!;
  const response = await fetch(link.href);
  if (!response.ok) throw new Error(`${link.href}: HTTP ${response.status}`);
  const articlePage = new DOMParser().parseFromString(await response.text(), 'text/html');
  const header = articlePage.querySelector('.article-header');
  const body = articlePage.querySelector('.article-body');
  if (!header || !body) throw new Error(`${link.href}: no article`);
  const heading = element('header', 'article-header');
  for (const part of header.querySelectorAll('.kicker, .article-title, .subtitle, .byline')) {
    // The article's h1 heads one section of the issue here.
    heading.append(
      part.classList.contains('article-title') ? element('h2', 'article-title', part.textContent ?? '') : document.importNode(part, true),
    );
  }
  const page = item.querySelector('[data-print-page]')?.textContent;
  if (page) heading.append(element('p', 'item-meta', page));
  const article = element('article', 'article print-issue-article');
  article.classList.toggle('print-issue-feature', isFeature(header, body));
  const printedBody = document.importNode(body, true);
  ownIds(printedBody, `piece-${index + 1}-`);
  for (const paragraph of printedBody.querySelectorAll('p')) {
    if ((paragraph.textContent ?? '').length <= shortParagraph) paragraph.classList.add('print-whole');
  }
  article.append(heading, printedBody);
  return article;
}

/**
 * Give a piece's ids (its section headings', its footnotes') a prefix of its own, and its links
 * and references to them: every article names its first footnote alike, and on one page the
 * ids must differ for each footnote link to reach its own note.
 */
function ownIds(body: Element, prefix: string): void {
  for (const named of body.querySelectorAll('[id]')) named.id = `${prefix}${named.id}`;
  for (const link of body.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    link.setAttribute('href', `#${prefix}${link.getAttribute('href')!.slice(1)}`);
  }
  for (const attribute of ['aria-describedby', 'aria-labelledby']) {
    for (const referring of body.querySelectorAll(`[${attribute}]`)) {
      const ids = referring.getAttribute(attribute)!.split(/\s+/).filter(Boolean);
      referring.setAttribute(attribute, ids.map((id) => `${prefix}${id}`).join(' '));
    }
  }
}

/** About what an A4 sheet holds at the print size, in characters: a piece longer than this starts a sheet of its own. */
const sheetOfText = 1500;

/**
 * About five lines of a sheet, in characters. A paragraph this short cannot be split with three
 * lines on each sheet (orphans and widows in global.css), and Chromium then breaks it anyway,
 * leaving one or two lines at the top of a sheet: such a paragraph moves whole instead.
 */
const shortParagraph = 220;

/** A feature starts a new sheet, as in the paper: a piece with a subtitle or section headings, or longer than a sheet. Briefs run on. */
function isFeature(header: Element, body: Element): boolean {
  // The heading of a brief's footnotes (注释) is no section heading.
  const sections = [...body.querySelectorAll('h2, h3')].filter((heading) => !heading.closest('[data-footnotes]'));
  return header.querySelector('.subtitle') !== null || sections.length > 0 || (body.textContent ?? '').length > sheetOfText;
}
