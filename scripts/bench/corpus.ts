/**
 * The synthetic bulletin: N articles in the content format (docs/content-format.md), laid out
 * as articles/YYYY/MM/, weekly issues at about 3,000 articles a year, 70% briefs and 30%
 * features, ~0.5% drafts, some Chinese file names. Everything comes from one seeded generator,
 * so the same N always gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlScalar } from '../../src/lib/files/yaml-scalar.ts';
import { briefBody, featureBody, headingPhrases, type TextSource } from './article-text.ts';
import { createRandom, type Random } from './prng.ts';
import { readSampleText } from './sentences.ts';
import { bulletinUnits, unitsYaml, sampleContentDir, type GeneratedUnit } from './units.ts';

const seed = 20241126;
const articlesPerYear = 3000;
export const articlesPerIssue = Math.round(articlesPerYear / 52);
/** The newest issue's date; older issues go back a week each. */
const lastIssueDate = Date.UTC(2025, 11, 25);
const day = 86_400_000;

const surnames = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红文辉鹏飞晓东雪梅海燕宇航思远佳琪子涵欣怡浩然'];
const tags = [
  '书记项目',
  '安全生产',
  '技能比武',
  '警示教育',
  '志愿服务',
  '主题教育',
  '乡村振兴',
  '营商环境',
  '党建品牌',
  '消防安全',
  '理论学习',
  '基层党建',
];
/** Columns of the sample; every brief is 党建动态, features go to the others. */
const featureColumns = ['通讯', '通讯', '要闻', '理论学习', '基层风采', '专题'];

export interface CorpusInfo {
  dir: string;
  articles: number;
  drafts: number;
  issues: number;
  firstDate: string;
  lastDate: string;
  /** A published article with an ASCII file name (so its URL is known without the site's code), and its file in the content folder. */
  probe: { path: string; title: string; file: string };
}

/** A YAML scalar as yamlScalar() wrote it: plain, or double-quoted JSON. */
const unquote = (scalar: string) => (scalar.startsWith('"') ? (JSON.parse(scalar) as string) : scalar);

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

function personName(random: Random): string {
  const given = random.int(1, 2);
  let name = random.pick(surnames);
  for (let i = 0; i < given; i++) name += random.pick(givenChars);
  return name;
}

/** How a correspondent refers to a unit: mostly the full name, sometimes an alias. */
function unitReference(random: Random, unit: GeneratedUnit): string {
  return unit.aliases.length && random.next() < 0.15 ? random.pick(unit.aliases) : unit.name;
}

interface Generator {
  random: Random;
  text: TextSource;
  units: GeneratedUnit[];
}

function createGenerator(): Generator {
  const random = createRandom(seed);
  const sample = readSampleText();
  return { random, units: bulletinUnits(), text: { random, sample, phrases: headingPhrases(sample), seen: new Set() } };
}

/** The file (relative to the content folder) and text of article number `index` of `total`. */
function article(generator: Generator, index: number, total: number): { path: string; text: string } {
  const { random, units, text } = generator;
  const issues = Math.ceil(total / articlesPerIssue);
  const issue = Math.floor(index / articlesPerIssue) + 1;
  const issueTime = lastIssueDate - (issues - issue) * 7 * day;
  const date = isoDate(issueTime - random.int(0, 6) * day);
  const feature = random.next() < 0.3;
  const unitCount = feature ? random.int(1, 5) : random.next() < 0.8 ? 1 : 2;
  const chosen = [...new Set(Array.from({ length: unitCount }, () => random.pick(units)))];
  const title = random.next() < 0.4 ? `${random.pick(text.phrases)} ${random.pick(text.phrases)}` : random.pick(text.phrases);
  const reporter = personName(random);
  const byline = feature
    ? random.next() < 0.2
      ? `记者 ${reporter} 通讯员 ${personName(random)}`
      : `记者 ${reporter}`
    : `通讯员 ${reporter}`;
  const articleTags = [...new Set(Array.from({ length: random.int(0, 2) }, () => random.pick(tags)))];
  const draft = index % 200 === 137;
  const front = [
    '---',
    `title: ${yamlScalar(title)}`,
    ...(feature ? [`subtitle: ${yamlScalar(`——${chosen[0]!.name}以“${random.pick(text.phrases)}”推动党建与业务深度融合`)}`] : []),
    `date: ${date}`,
    `column: ${feature ? random.pick(featureColumns) : '党建动态'}`,
    `units: [${chosen.map((unit) => unitReference(random, unit)).join(', ')}]`,
    `byline: ${byline}`,
    ...(articleTags.length ? [`tags: [${articleTags.join(', ')}]`] : []),
    `issue: ${issue}`,
    `page: ${random.int(1, 4)}`,
    `order: ${(index % articlesPerIssue) + 1}`,
    ...(draft ? ['draft: true'] : []),
    '---',
  ];
  const body = feature ? featureBody(text) : briefBody(text, byline, date, chosen[0]!.name);
  // A few files are named in Chinese, as correspondents do; the site derives a pinyin slug.
  const chineseName = random.next() < 0.03;
  const name = chineseName ? `${title.replace(/[^\p{Script=Han}]/gu, '')}${index}` : `${date.replace(/-/g, '')}-${index}`;
  return { path: `articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${name}.md`, text: `${front.join('\n')}\n\n${body}\n` };
}

const madeFolders = new Set<string>();

function writeFile(dir: string, path: string, text: string): void {
  const file = join(dir, path);
  const folder = join(file, '..');
  if (!madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
  madeFolders.add(folder);
  writeFileSync(file, text);
}

/** Write the registries and `total` articles into `dir` (an empty folder). */
export function generateCorpus(dir: string, total: number): CorpusInfo {
  madeFolders.clear();
  const generator = createGenerator();
  const siteYaml = readFileSync(`${sampleContentDir}site.yaml`, 'utf8').replace(/^trustedMdx:.*$/m, 'trustedMdx: []');
  writeFile(dir, 'site.yaml', siteYaml);
  writeFile(dir, 'columns.yaml', readFileSync(`${sampleContentDir}columns.yaml`, 'utf8'));
  writeFile(dir, 'units.yaml', unitsYaml());
  const dates: string[] = [];
  let drafts = 0;
  let probe: CorpusInfo['probe'] | undefined;
  for (let index = 0; index < total; index++) {
    const { path, text } = article(generator, index, total);
    writeFile(dir, path, text);
    const slug = /\/(\d{8}-\d+)\.md$/.exec(path)?.[1];
    if (!probe && slug && !text.includes('\ndraft: true\n'))
      probe = { path: `/articles/${slug}/`, title: unquote(/\ntitle: (.*)\n/.exec(text)![1]!), file: path };
    dates.push(/\ndate: (\S+)\n/.exec(text)![1]!);
    if (text.includes('\ndraft: true\n')) drafts++;
  }
  dates.sort();
  if (!probe) throw new Error('the corpus has no published article with an ASCII file name');
  const issues = Math.ceil(total / articlesPerIssue);
  return { dir, articles: total, drafts, issues, firstDate: dates[0] ?? '', lastDate: dates.at(-1) ?? '', probe };
}

/**
 * One more article, as an editor adds one between two builds: the generator continues past the
 * corpus, so the new article is like the others and lands in the newest issue's folder.
 */
export function addArticle(dir: string, total: number): string {
  madeFolders.clear();
  const generator = createGenerator();
  // Replaying the corpus keeps the random stream and the set of paragraphs already used.
  let next = article(generator, 0, total + 1);
  for (let index = 1; index <= total; index++) next = article(generator, index, total + 1);
  writeFile(dir, next.path, next.text);
  return next.path;
}
