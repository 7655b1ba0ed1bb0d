import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchAssets } from '../../../src/integrations/search-assets.ts';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { stringifyEntities } from 'stringify-entities';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { searchRecord } from '../../../src/lib/search/document.ts';
import { indexableWords, lowerCaseWord } from '../../../src/lib/search/pagefind-words.ts';
import { indexWords, tokenize } from '../../../src/lib/search/tokens.ts';
import type { IndexPage } from '../../../src/lib/search/index-shard.ts';
import type { IndexAssets } from '../../../src/lib/search/merge-index.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';
import { readIndex, writeIndex } from './index-helpers.ts';

/** A page as HTML that Pagefind's own indexer reads to the same words, weights, metadata, filters and sort. */
function asHtml(page: IndexPage): string {
  const escapeHtml = (text: string) => stringifyEntities(text, { escapeOnly: true });
  const attribute = (name: string, key: string, value: string) =>
    `<meta data-pagefind-${name}="${escapeHtml(key)}[content]" content="${escapeHtml(value)}">`;
  const head = [
    ...Object.entries(page.meta).map(([key, value]) => attribute('meta', key, value)),
    ...Object.entries(page.filters).flatMap(([key, values]) => values.map((value) => attribute('filter', key, value))),
    ...Object.entries(page.sort).map(([key, value]) => attribute('sort', key, value)),
  ];
  const sections = page.sections.map(({ weight, words }) => `<p data-pagefind-weight="${weight}">${escapeHtml(words.join(' '))}</p>`);
  return `<!doctype html><html lang="zh-cn"><head>${head.join('')}</head><body data-pagefind-body>${sections.join('')}</body></html>`;
}

async function indexWithPagefind(pages: readonly IndexPage[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(errors.join('; '));
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: asHtml(page) });
    expect(added.errors).toEqual([]);
  }
  await index.writeFiles({ outputPath: folder });
  await index.deleteIndex();
}

/** A deterministic generator of awkward words: scripts, diacritics, compounds, odd CJK-script symbols. */
function awkwardPages(count: number): IndexPage[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const samples = [
    '党建引领基层治理，6·21 专项行动在 2024 年第 3 期见报。',
    'Café Zürich señor naïve façade ÉCOLE Ǆemal İstanbul ΟΔΟΣ Москва',
    '㋐年 ⺀字 ⼀心 々 〇 ゟ 한국어 ひらがな カタカナ ｆｕｌｌ ＷＩＤＴＨ ２０２４年',
    'x² ½ Ⅻ 𠮷野家 𝐀𝐁 ǅ ﬁne ŉ ß ẞ İi',
    'a b c 1 22 333 g20 COVID-19 e-mail snake_case 市水务局',
  ];
  const words = samples.flatMap((sample) => indexWords(tokenize(sample)).map(lowerCaseWord));
  return Array.from({ length: count }, (_, number) => {
    const run = (length: number) => Array.from({ length }, () => pick(words));
    return {
      url: `/awkward/${number}/`,
      content: `text ${number}`,
      sections: [
        { weight: 1, words: run(40) },
        { weight: pick([10, 5, 3, 0.5]), words: run(6) },
      ],
      meta: {
        title: run(3).join(pick([' ', '', '、'])),
        date: `2024-0${1 + (number % 9)}-1${number % 10}`,
        ...(number % 4 === 0 ? { draft: 'true' } : {}),
      },
      filters: { 单位: number % 3 === 0 ? [] : [pick(['市水务局', '市审计局', 'Zürich'])], 年份: ['2024'] },
      sort: { date: `2024-0${1 + (number % 9)}-1${number % 10}` },
    };
  });
}

describe('the index writer', () => {
  const root = mkdtempSync(join(tmpdir(), 'write-index-'));
  let assets: IndexAssets;

  beforeAll(async () => {
    assets = await searchAssets(join(root, 'cache'));
  }, 60_000);

  afterAll(async () => {
    await pagefind.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Index `pages` both ways and read both back by URL. */
  async function both(name: string, pages: IndexPage[], chunkEntries?: number) {
    await indexWithPagefind(pages, join(root, `${name}-pagefind`));
    writeIndex(pages, assets, join(root, `${name}-ours`), chunkEntries);
    return { theirs: readIndex(join(root, `${name}-pagefind`)), ours: readIndex(join(root, `${name}-ours`)) };
  }

  function expectSameIndex({ theirs, ours }: Awaited<ReturnType<typeof both>>, pages: IndexPage[]) {
    expect(ours.pageCount).toBe(pages.length);
    expect([...ours.words.keys()]).toEqual([...theirs.words.keys()]);
    expect(ours.words).toEqual(theirs.words);
    expect(ours.filters).toEqual(theirs.filters);
    expect(ours.metaFields).toEqual(theirs.metaFields);
    for (const [url, page] of theirs.pages) {
      const mine = ours.pages.get(url)!;
      expect(mine.wordCount).toBe(page.wordCount);
      // The text a result shows is the article's own, not Pagefind's list of words; the site's
      // own fields (the start of a long text, the other texts for phrases) come after Pagefind's.
      const { cut: _cut, texts: _texts, ...pagefindFields } = mine.fragment as typeof mine.fragment & { cut?: boolean; texts?: string[] };
      expect({ ...pagefindFields, content: '' }).toEqual({ ...page.fragment, content: '' });
    }
    const dates = (urls: string[] = []) => urls.map((url) => pages.find((page) => page.url === url)!.sort['date']);
    expect(dates(ours.sortedUrls.get('date'))).toEqual(dates(theirs.sortedUrls.get('date')));
  }

  test("writes the index Pagefind writes for the bulletin's articles", async () => {
    const registry = fixtureRegistry();
    const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
    const pages = bulletin.articles.map((article) => searchRecord(article, bulletin, createRoutes('/')));
    expectSameIndex(await both('bulletin', pages), pages);
  }, 60_000);

  test('writes the index Pagefind writes for words of many scripts, compounds and diacritics, in many chunks', async () => {
    const pages = awkwardPages(60);
    const indexes = await both('awkward', pages, 300);
    expect(indexes.ours.words.size).toBeGreaterThan(100);
    expect([...indexes.ours.words.keys()].some((word) => word.includes('←'))).toBe(true);
    expectSameIndex(indexes, pages);
  }, 60_000);

  test('stores every letter and digit that has diacritics as Pagefind does, and every letter-like mark', async () => {
    const words: string[] = [];
    for (let code = 0x80; code < 0x30000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (!/[\p{Alphabetic}\p{N}]/u.test(character)) continue;
      if (/\p{M}/u.test(character)) words.push(`a${character}`);
      else if (character.normalize('NFD') !== character) words.push(character);
    }
    // Kana voicing marks beside letters that decompose otherwise (が beside 한 and é).
    words.push('がé한', 'が한', '한', 'ヷ', 'カ\u309a');
    const pages = Array.from({ length: Math.ceil(words.length / 500) }, (_, number): IndexPage => ({
      url: `/letters/${number}/`,
      content: '',
      sections: [{ weight: 1, words: words.slice(number * 500, number * 500 + 500) }],
      meta: {},
      filters: {},
      sort: {},
    }));
    const indexes = await both('letters', pages);
    expect(indexes.ours.words.size).toBeGreaterThan(5000);
    expect([...indexes.ours.words.keys()]).toEqual([...indexes.theirs.words.keys()]);
    expect(indexes.ours.words).toEqual(indexes.theirs.words);
  }, 60_000);
});

test('keeps a compound whole and its parts longer than a byte, with a share of its weight', () => {
  expect(indexableWords('2024-年')).toEqual([
    { word: '2024年', part: false },
    { word: '2024', part: true },
    { word: '年', part: true },
  ]);
  expect(indexableWords('café')).toEqual([{ word: 'cafe', original: 'café', part: false }]);
  expect(lowerCaseWord('ΟΔΟΣ')).toBe('οδοσ');
});
