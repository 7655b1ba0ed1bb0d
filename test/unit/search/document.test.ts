import { expect, test } from 'vitest';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin/bulletin.ts';
import { createRoutes } from '../../../src/lib/bulletin/routes.ts';
import { searchRecord } from '../../../src/lib/search/document.ts';
import { indexWords, tokenize } from '../../../src/lib/search/tokens.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();
const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
const feature = bulletin.bySlug.get('shen-ji-ju-shu-ji-xiang-mu')!;
const record = searchRecord(feature, bulletin, createRoutes('/'));
const meta = (name: string) => record.meta[name];
const filters = (name: string) => record.filters[name];

test('points at the article page', () => {
  expect(record.url).toBe('/articles/shen-ji-ju-shu-ji-xiang-mu/');
});

test('carries the metadata a result shows, with the real title', () => {
  expect(meta('title')).toBe('审计局书记项目结硕果');
  expect(meta('date')).toBe('2024-12-20');
  expect(meta('units')).toBe('市审计局、市水务局');
  expect(meta('column')).toBe('通讯');
  expect(meta('byline')).toBe('记者 高乐 通讯员 李明');
});

test('files the article under its units, column, year and issue', () => {
  expect(filters('单位')).toEqual(['市审计局', '市水务局']);
  expect(filters('栏目')).toEqual(['通讯']);
  expect(filters('年份')).toEqual(['2024']);
  expect(filters('期')).toEqual(['12']);
});

const bodyOf = (page: typeof record) => page.sections.find((section) => section.weight === 1)!;
const titleOf = (page: typeof record) => page.sections.find((section) => section.weight === 10)!;

test('holds the body, cut into index words, and shows its plain text in results', () => {
  expect(bodyOf(record).words.slice(0, 4)).toEqual(['市审', '审计', '计局', '局精']);
  expect(record.content.startsWith('市审计局精心打造“34666”党建系统工程，')).toBe(true);
  expect(Object.keys(record.meta).sort()).toEqual(['byline', 'column', 'date', 'title', 'units']);
});

test('weights the title above the body and indexes units under every name and their pinyin', () => {
  expect(titleOf(record)).toEqual({ weight: 10, words: indexWords(tokenize('审计局书记项目结硕果')) });
  const all = record.sections
    .filter((section) => section.weight !== 1 && section.weight !== 10)
    .flatMap((section) => section.words)
    .join(' ');
  expect(all).toContain('审计 计局 局');
  expect(all).toContain('水务 务局 局');
  expect(all.split(' ')).toEqual(expect.arrayContaining(['shuiwuju', 'swj', 'shenjiju', 'gaole']));
});

test('indexes words in lower case, as the index stores them', () => {
  const latin = { ...feature, title: 'COVID 防控 G20' };
  expect(titleOf(searchRecord(latin, bulletin, createRoutes('/'))).words).toEqual(['covid-防', '防控', '控', 'g', '20']);
});

test('puts the body last, after the parts whose places are alike from page to page: dates and issue first', () => {
  const weights = record.sections.map((section) => section.weight);
  expect(weights.at(-1)).toBe(1);
  expect(record.sections[0]!.words.slice(0, 3)).toEqual(['2024', '12', '20']);
});
