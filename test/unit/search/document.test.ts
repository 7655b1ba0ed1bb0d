import { expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { readArticles } from '../../../src/lib/articles.ts';
import { buildBulletin } from '../../../src/lib/bulletin.ts';
import { createRoutes } from '../../../src/lib/routes.ts';
import { searchRecord } from '../../../src/lib/search/document.ts';
import { indexWords, tokenize } from '../../../src/lib/search/tokens.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();
const bulletin = buildBulletin(registry, readArticles(fixtureDir, registry).articles);
const feature = bulletin.bySlug.get('shen-ji-ju-shu-ji-xiang-mu')!;
const record = searchRecord(feature, bulletin, createRoutes('/'));
const page = parse(record.html);
const meta = (name: string) => page.querySelector(`meta[data-pagefind-meta="${name}[content]"]`)?.getAttribute('content');
const filters = (name: string) => page.querySelectorAll(`meta[data-pagefind-filter="${name}[content]"]`).map((element) => element.getAttribute('content'));

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

test('starts with the body, cut into index words, and carries its plain text for excerpts', () => {
  const words = page.querySelector('body > p')!.text.split(' ');
  expect(words.slice(0, 4)).toEqual(['市审', '审计', '计局', '局精']);
  expect(record.text.startsWith('市审计局精心打造“34666”党建系统工程，')).toBe(true);
  expect(meta('g')).toBeUndefined();
});

test('weights the title above the body and indexes units under every name and their pinyin', () => {
  const sections = page.querySelectorAll('p[data-pagefind-weight]').map((element) => [element.getAttribute('data-pagefind-weight'), element.text]);
  expect(sections[0]).toEqual(['10', indexWords(tokenize('审计局书记项目结硕果')).join(' ')]);
  const all = sections.map(([, text]) => text).join(' ');
  expect(all).toContain('审计 计局 局');
  expect(all).toContain('水务 务局 局');
  expect(all.split(' ')).toEqual(expect.arrayContaining(['shuiwuju', 'swj', 'shenjiju', 'gaole']));
});
