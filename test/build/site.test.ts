import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { findLosses, indexedPageCount } from '../../src/integrations/verify-build.ts';
import { readArticles, type Article } from '../../src/lib/content/articles.ts';
import { buildBulletin } from '../../src/lib/bulletin/bulletin.ts';
import { loadRegistry, type Registry } from '../../src/lib/content/registries.ts';
import { createRoutes } from '../../src/lib/bulletin/routes.ts';
import { statsByYear, statsCsv } from '../../src/lib/bulletin/stats.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { buildSite, listedArticles, listFiles, readPage, type BuildResult } from './build-site.ts';
import { brokenInternalLinks } from './links.ts';
import { readIndex } from '../unit/search/index-helpers.ts';

const routes = createRoutes('/');
const outDir = mkdtempSync(join(tmpdir(), 'bulletin-build-'));
let build: BuildResult;
let registry: Registry;
let published: Article[];
let drafts: Article[];

beforeAll(() => {
  build = buildSite(fixtureDir, outDir);
  registry = loadRegistry(fixtureDir).registry!;
  const { articles } = readArticles(fixtureDir, registry);
  published = articles.filter((article) => !article.draft);
  drafts = articles.filter((article) => article.draft);
});

/** Every article URL a paginated listing links to, following its 下一页 links. */
function collectListing(first: string): { urls: string[]; pages: string[][] } {
  const pages: string[][] = [];
  let path: string | undefined = first;
  while (path) {
    const page = readPage(outDir, path);
    pages.push(listedArticles(page));
    path = page.querySelector('.pagination a[rel="next"]')?.getAttribute('href');
  }
  return { urls: pages.flat(), pages };
}

const rss = (path: string) => new XMLParser().parse(readFileSync(join(outDir, path), 'utf8')).rss.channel;
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

test('the build succeeds and ends with a one-line summary', () => {
  expect(build.status, build.output).toBe(0);
  expect(build.output).toMatch(/生成完毕：26 篇稿件、5 个单位、2 个栏目、\d+ 个页面，用时 [\d.]+ 秒。/);
});

describe('article pages', () => {
  test('each carries its title, byline and body', () => {
    expect(published).toHaveLength(26);
    for (const article of published) {
      const page = readPage(outDir, routes.article(article.slug));
      expect(page.querySelector('h1')?.text).toBe(article.title);
      expect(page.querySelector('.byline')?.text).toBe(article.byline.text);
      const firstParagraph = article.body
        .trim()
        .split(/\n\s*\n/)[0]!
        .replace(/\n/g, '');
      expect(page.querySelector('.article-body')?.text).toContain(firstParagraph);
    }
  });

  test('keeps the space between role and name in a byline', () => {
    const page = readPage(outDir, routes.article('shen-ji-ju-shu-ji-xiang-mu'));
    expect(page.querySelector('.byline')?.text).toBe('记者 高乐 通讯员 李明');
  });

  test('shows kicker, subtitle, units by canonical name, column, tags, issue and page', () => {
    const page = readPage(outDir, routes.article('shen-ji-ju-shu-ji-xiang-mu'));
    expect(page.querySelector('.kicker')?.text).toBe('书记项目巡礼');
    expect(page.querySelector('.subtitle')?.text).toBe('——市审计局以党建引领审计事业发展');
    const meta = page.querySelector('.article-meta')!;
    expect(meta.querySelectorAll('.unit-links a').map((link) => [link.text, link.getAttribute('href')])).toEqual([
      ['市审计局', '/units/shi-shen-ji-ju/'],
      ['市水务局', '/units/shuiwuju/'],
    ]);
    expect(meta.querySelector('a[href="/columns/tong-xun/"]')?.text).toBe('通讯');
    expect(meta.querySelector('a[href="/issues/12/"]')?.text).toBe('第 12 期 第 1 版');
    expect(meta.querySelectorAll('.tag-list a').map((link) => link.text)).toEqual(['书记项目', '党建品牌']);
    expect(page.querySelectorAll('.article-body h2').map((heading) => heading.text)).toEqual(['精心选育', '花开果茂']);
  });

  test('shows the cover and body pictures optimised, with their sizes', () => {
    const images = readPage(outDir, routes.article('shen-ji-ju-shu-ji-xiang-mu')).querySelectorAll('.article-body img');
    expect(images.map((image) => image.getAttribute('alt'))).toEqual(['审计局书记项目结硕果', '审计人员在现场']);
    for (const image of images) {
      expect(image.getAttribute('src')).toMatch(/^\/_astro\/biwu\.[\w-]+\.webp$/);
      expect(image.getAttribute('width')).toBe('640');
      expect(image.getAttribute('height')).toBe('400');
    }
  });

  test('resolves pictures again when the build reuses its content cache', () => {
    const again = mkdtempSync(join(tmpdir(), 'bulletin-rebuild-'));
    expect(buildSite(fixtureDir, again).status).toBe(0);
    const images = readPage(again, routes.article('shen-ji-ju-shu-ji-xiang-mu')).querySelectorAll('.article-body img');
    expect(images.map((image) => image.getAttribute('src'))).toEqual([
      expect.stringMatching(/^\/_astro\//),
      expect.stringMatching(/^\/_astro\//),
    ]);
  });

  test('joins lines wrapped inside a Chinese sentence', () => {
    const page = readPage(outDir, routes.article('shen-ji-ju-shu-ji-xiang-mu'));
    expect(page.querySelector('.article-body')?.text).toContain('前线堡垒作用，引领审计事业');
  });

  test('links the older and newer article of the same column', () => {
    const column = collectListing(routes.column('dongtai')).urls;
    const middle = readPage(outDir, column[1]!);
    expect(middle.querySelector('.article-neighbours a[rel="next"]')?.getAttribute('href')).toBe(column[0]);
    expect(middle.querySelector('.article-neighbours a[rel="prev"]')?.getAttribute('href')).toBe(column[2]);
  });

  test('lists other articles of the same units', () => {
    const page = readPage(outDir, routes.article('canlian-zhucan'));
    const related = page.querySelectorAll('main .related .title-list a').map((link) => link.getAttribute('href'));
    expect(related).toContain(routes.article('shen-ji-ju-shu-ji-xiang-mu'));
  });

  test('gets an ASCII URL from a Chinese file name', () => {
    expect(existsSync(join(outDir, 'articles/shen-ji-ju-shu-ji-xiang-mu/index.html'))).toBe(true);
  });
});

describe('unit pages', () => {
  test('each unit lists exactly its articles, newest first', () => {
    for (const unit of registry.units) {
      const expected = published
        .filter((article) => article.units.includes(unit.slug))
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((article) => routes.article(article.slug));
      const { urls } = collectListing(routes.unit(unit.slug));
      expect(new Set(urls), unit.name).toEqual(new Set(expected));
      expect(urls).toHaveLength(expected.length);
      const dates = urls.map((url) => published.find((article) => routes.article(article.slug) === url)!.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  test('paginates at 20 articles a page', () => {
    const { pages } = collectListing(routes.unit('shuiwuju'));
    expect(pages.map((page) => page.length)).toEqual([20, 5]);
    expect(existsSync(join(outDir, 'units/shuiwuju/2/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'units/shuiwuju/3/index.html'))).toBe(false);
  });

  test('the units index groups units by category with their counts', () => {
    const page = readPage(outDir, routes.units());
    const groups = page.querySelectorAll('.unit-group').map((group) => ({
      category: group.querySelector('h2')?.text,
      units: group.querySelectorAll('li').map((item) => item.text.replace(/\s+/g, ' ')),
    }));
    expect(groups).toEqual([
      { category: '政府部门', units: ['市水务局 25 篇', '市审计局 1 篇', '市林业局 0 篇'] },
      { category: '群团组织', units: ['市残联 1 篇'] },
      { category: '党委机关', units: ['市委组织部 1 篇'] },
    ]);
  });
});

describe('feeds', () => {
  test('the site feed parses and lists the newest articles with absolute links', () => {
    const channel = rss('rss.xml');
    const items = asList<{ title: string; link: string }>(channel.item);
    expect(items).toHaveLength(26);
    expect(items[0]).toMatchObject({
      title: '审计局书记项目结硕果',
      link: 'https://fixture.example.cn/articles/shen-ji-ju-shu-ji-xiang-mu/',
    });
  });

  test('a unit feed lists only that unit’s articles', () => {
    const items = asList<{ title: string }>(rss('units/canlian/rss.xml').item);
    expect(items.map((item) => item.title)).toEqual(['市残联成立助残党员先锋队']);
    expect(asList(rss('units/linyeju/rss.xml').item)).toEqual([]);
  });
});

describe('other pages', () => {
  test('an issue lists its articles in page order', () => {
    expect(listedArticles(readPage(outDir, routes.issue(12)))).toEqual([
      routes.article('shen-ji-ju-shu-ji-xiang-mu'),
      routes.article('canlian-zhucan'),
    ]);
  });

  test('a tag page lists the articles with that tag', () => {
    const tagLink = readPage(outDir, routes.tags())
      .querySelectorAll('a')
      .find((link) => link.text === '志愿服务');
    expect(listedArticles(readPage(outDir, tagLink!.getAttribute('href')!))).toEqual([routes.article('canlian-zhucan')]);
  });

  test("the statistics page offers each year's figures as a CSV file made with the site", () => {
    const page = readPage(outDir, routes.stats());
    expect(page.querySelector('.page-intro')?.text).not.toContain('npm');
    const links = page.querySelectorAll('a[download]');
    const years = statsByYear(buildBulletin(registry, published));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(years.map((stats) => routes.statsFile(stats.period)));
    expect(links[0]?.getAttribute('download')).toBe(`${registry.site.name}来稿统计-${years[0]!.period}.csv`);
    for (const stats of years) expect(readFileSync(join(outDir, routes.statsFile(stats.period)), 'utf8')).toBe(statsCsv(stats));
  });

  test('the archive has a page per year and per month', () => {
    const month = readPage(outDir, routes.month('2023-12'));
    expect(month.querySelectorAll('main .title-list > li > a').map((link) => link.getAttribute('href'))).toEqual([
      routes.article('xinnian'),
    ]);
    expect(month.querySelector('main time')?.text).toBe('2023年12月31日');
    expect(readPage(outDir, routes.year('2024')).querySelectorAll('.month-list li')).toHaveLength(12);
  });

  test('pages carry canonical URLs from site.yaml', () => {
    expect(readPage(outDir, routes.unit('canlian')).querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://fixture.example.cn/units/canlian/',
    );
  });

  test('has a 404 page that leads back into the site', () => {
    const page = readPage(outDir, '/404.html');
    expect(page.querySelector('h1')?.text).toBe('找不到这个页面');
    expect(page.querySelectorAll('main a').length).toBeGreaterThanOrEqual(3);
  });

  test('every internal link and asset of every page resolves', () => {
    expect(brokenInternalLinks(outDir)).toEqual([]);
  });

  test('every URL is ASCII', () => {
    expect(listFiles(outDir).filter((file) => /[^\x20-\x7e]/.test(file))).toEqual([]);
  });

  test('every page ends with </html>: nothing, not even a script, comes after it', () => {
    const pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => !readFileSync(join(outDir, file), 'utf8').trimEnd().endsWith('</html>'))).toEqual([]);
  });
});

describe('special pages', () => {
  test('an MDX page from a trusted folder runs its code and renders its components, at an ASCII URL', () => {
    const page = readPage(outDir, '/zhuanti/guan-yu-ben-kan/');
    expect(page.querySelector('h1')?.text).toBe('关于本刊');
    const body = page.querySelector('.special-body')!;
    expect(body.querySelector('p')?.text).toBe('本刊创办于 2024 年。');
    expect(body.querySelector('.figure-card .figure-value')?.text).toBe('26篇');
    expect(body.querySelector('.timeline .timeline-when')?.text).toBe('2023年12月');
    const pictures = body.querySelectorAll('.gallery img');
    expect(pictures).toHaveLength(2);
    for (const picture of pictures) expect(picture.getAttribute('src')).toMatch(/^\/_astro\/biwu\.[\w-]+\.webp$/);
  });

  test('the home page leads to the special pages', () => {
    expect(readPage(outDir, '/').querySelector('.special-pages a')?.getAttribute('href')).toBe('/zhuanti/guan-yu-ben-kan/');
  });
});

describe('nothing lost', () => {
  test('the check after a build names each article missing from its page, listings, feed, sitemap or index', () => {
    const copy = mkdtempSync(join(tmpdir(), 'bulletin-lost-'));
    cpSync(outDir, copy, { recursive: true });
    const bulletin = buildBulletin(registry, published);
    expect(findLosses(copy, bulletin, indexedPageCount(copy))).toEqual({ losses: [] });
    rmSync(join(copy, 'articles', 'xinnian'), { recursive: true });
    const unitPage = join(copy, 'units', 'canlian', 'index.html');
    writeFileSync(unitPage, readFileSync(unitPage, 'utf8').replace('<a href="/articles/canlian-zhucan/">', '<a href="/elsewhere/">'));
    const { losses, indexMismatch } = findLosses(copy, bulletin, 25);
    expect(losses.map((loss) => `${loss.article.sourcePath} ${loss.where}`)).toEqual([
      'articles/2024/12/残联.md 单位“市残联”的列表',
      'articles/2023/xinnian.md 页面',
    ]);
    expect(indexMismatch).toBe('搜索索引有 25 页，稿件有 26 篇');
  });
});

describe('drafts', () => {
  test('are left out of the build everywhere', () => {
    expect(drafts.map((draft) => draft.title)).toEqual(['林业局草稿稿件']);
    expect(existsSync(join(outDir, 'articles/linye-draft'))).toBe(false);
    const leaks = listFiles(outDir)
      .filter((file) => /\.(html|xml)$/.test(file))
      .filter(
        (file) =>
          readFileSync(join(outDir, file), 'utf8').includes('林业局草稿稿件') ||
          readFileSync(join(outDir, file), 'utf8').includes('linye-draft'),
      );
    expect(leaks).toEqual([]);
  });
});

test('the sitemap lists every article', () => {
  const sitemap = listFiles(outDir)
    .filter((file) => /^sitemap-\d+\.xml$/.test(file))
    .map((file) => readFileSync(join(outDir, file), 'utf8'))
    .join('');
  for (const article of published) expect(sitemap).toContain(`https://fixture.example.cn${routes.article(article.slug)}`);
});

describe('the correspondents’ form (/admin/)', () => {
  test('is built with Decap’s files beside it and asks search engines not to index it', () => {
    const page = readPage(outDir, '/admin/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    const sources = page.querySelectorAll('script[src]').map((script) => script.getAttribute('src'));
    expect(sources.slice(0, 2)).toEqual(['./manual-init.js', './decap-cms.js']);
    for (const file of ['manual-init.js', 'decap-cms.js']) expect(existsSync(join(outDir, 'admin', file)), file).toBe(true);
  });

  test('is in no sitemap, feed or search index', () => {
    const xml = listFiles(outDir).filter((file) => file.endsWith('.xml'));
    expect(xml).toEqual(expect.arrayContaining(['sitemap-0.xml', 'rss.xml']));
    for (const file of xml) expect(readFileSync(join(outDir, file), 'utf8'), file).not.toContain('/admin');
    const indexed = [...readIndex(join(outDir, 'pagefind')).pages.keys()];
    expect(indexed.sort()).toEqual(published.map((article) => routes.article(article.slug)).sort());
  });
});

test('no page needs an inline script or style: the Content-Security-Policies of docs/nginx.conf allow none', () => {
  const inline: string[] = [];
  for (const file of listFiles(outDir).filter((name) => name.endsWith('.html'))) {
    const page = parse(readFileSync(join(outDir, file), 'utf8'));
    // A script element without src runs only if it is JavaScript; JSON handed to a script is data.
    for (const script of page.querySelectorAll('script:not([src])'))
      if (!/^application\/(?:ld\+)?json$/.test(script.getAttribute('type') ?? '')) inline.push(`${file}: <script>`);
    if (page.querySelector('style')) inline.push(`${file}: <style>`);
    if (page.querySelector('[style]')) inline.push(`${file}: style=`);
  }
  expect(inline).toEqual([]);
});
