/**
 * docs/performance.md: one section per corpus size, replaced when the same size is measured
 * again and kept otherwise, and a comparison of 10,000 with 1,000 articles once both exist.
 * Each section carries its rows as JSON in an HTML comment, so a later run can compare sizes
 * without parsing the table.
 */
import type { CorpusInfo } from './corpus.ts';
import type { Machine } from './machine.ts';
import type { Row } from './metrics.ts';
import { formatRatio, markdownTable } from './table.ts';

export interface Section {
  articles: number;
  runs: number;
  machine: Machine;
  corpus: Omit<CorpusInfo, 'dir' | 'probe'>;
  rows: Row[];
  /** What did not finish in some run, said under the table. */
  notes?: string[];
}

const title = '# 生成性能';

const intro = `由 \`npm run bench -- --articles N [--runs R]\` 生成，每个规模一节，重新测量同一规模时替换该节。

“同类”是 \`scripts/bench/peer/\` 里一个不做任何调优的普通 Astro 7 网站：同一个内容文件夹、Astro 默认的 glob 加载器和
Markdown 处理、每篇一页、首页列出最新稿件、每个单位、栏目、期次分页列表（每页 20 篇），然后用 Pagefind 1.6 命令行
（\`pagefind --site\`，默认设置）建索引。稿件是确定性生成的模拟简报（样刊版面的句子，七成短讯、三成长篇通讯，80 个单位，
每周一期，每年约 3,000 篇）。

- 时间是墙钟秒数。本项目在读完稿件后就在单独的线程里建索引（直接写出 Pagefind 格式的索引文件），与生成页面同时进行：“搜索索引”是建索引本身的时间，
  “站点生成”是整个生成减去页面生成完后还要等索引的时间，两者相加可以超过整个生成；两者的内存峰值也有重叠。
- 内存是每 50 毫秒读取 /proc 中整个进程树的 VmRSS 之和的峰值。
- “重新生成”是保留缓存、在内容里加一篇稿件后再生成一次（同类为 astro build 加 pagefind）。
- 搜索下载量在无头 Chromium 里测，本地服务器像 docs/nginx.conf 一样 gzip 压缩并允许缓存，只计 /pagefind/ 下的字节：
  “第一次”是每个查询各在一个新浏览器里搜（10 个查询的中位数），“之后”是同一浏览器里接着搜其余查询的中位数。
  本项目用搜索页 \`/search/?q=…\`，同类用 Pagefind 默认的 JS 接口（search() 后取前 5 条的 data()）。
- \`npm run dev\` 用另一份相同内容的文件夹测（没有缓存），到首页有应答、再到第一篇文章页返回 200 且含标题；然后在这篇的正文开头加一段，
  到文章页显示出来；再在 Chromium 里第一次搜索（这时才建索引），然后再改一次，到搜索页用新加的词搜得到这篇。
- 机器上可能同时有别的生成在跑（见各节的负载），时间只能作参考。`;

function begin(articles: number): string {
  return `<!-- bench:${articles} -->`;
}
function end(articles: number): string {
  return `<!-- /bench:${articles} -->`;
}

export function renderSection(section: Section): string {
  const { machine, corpus } = section;
  const rows = section.rows.map((row) => ({ ...row }));
  return [
    begin(section.articles),
    `## ${section.articles.toLocaleString('en-US')} 篇`,
    '',
    `${machine.date}；${machine.cpu}，${machine.cores} 核，内存 ${machine.memoryGiB} GiB；${machine.os}；Node ${machine.node}；` +
      `开始时负载 ${machine.load}；${section.runs} 次的中位数。`,
    `内容：${corpus.articles} 篇（其中草稿 ${corpus.drafts} 篇），${corpus.issues} 期，${corpus.firstDate} 至 ${corpus.lastDate}。`,
    '',
    markdownTable(rows),
    '',
    ...(section.notes?.length ? [...section.notes.map((note) => `注：${note}`), ''] : []),
    `<!-- bench-data ${JSON.stringify({ articles: section.articles, rows: rows.map(({ key, ours, peer }) => ({ key, ours, peer })) })} -->`,
    end(section.articles),
  ].join('\n');
}

interface StoredRow {
  key: string;
  ours: number | null;
  peer: number | null;
}

/** The sections already in the file, by size. */
function readSections(text: string): Map<number, string> {
  const sections = new Map<number, string>();
  for (const match of text.matchAll(/<!-- bench:(\d+) -->[\s\S]*?<!-- \/bench:\1 -->/g)) sections.set(Number(match[1]), match[0]);
  return sections;
}

function storedRows(section: string): Map<string, StoredRow> {
  const json = /<!-- bench-data (\{.*\}) -->/.exec(section)?.[1];
  if (!json) return new Map();
  const data = JSON.parse(json) as { rows: StoredRow[] };
  return new Map(data.rows.map((row) => [row.key, row]));
}

/** 10,000 against 1,000: the issue wants at most 11× the cost for 10× the articles. */
function scaling(sections: Map<number, string>): string {
  const small = sections.get(1000);
  const large = sections.get(10000);
  if (!small || !large) return '';
  const a = storedRows(small);
  const b = storedRows(large);
  const lines = [
    '## 规模：10,000 篇与 1,000 篇',
    '',
    '| 指标 | 本项目 10,000 / 1,000 | 同类 10,000 / 1,000 | 目标 |',
    '| --- | ---: | ---: | --- |',
  ];
  for (const [key, label, target] of [
    ['wholeSeconds', '整个生成（秒）', '本项目 ≤ 11×'],
    ['wholePeakMiB', '整个生成峰值内存', ''],
    ['indexSeconds', '搜索索引（秒）', ''],
    ['rebuildSeconds', '加一篇后重新生成（秒）', ''],
  ] as const) {
    const ratio = (side: 'ours' | 'peer') => {
      const x = a.get(key)?.[side];
      const y = b.get(key)?.[side];
      return x && y ? formatRatio(y / x) : '—';
    };
    const ours = ratio('ours');
    const met = target && ours !== '—' ? (Number.parseFloat(ours) <= 11 ? ' ✓' : ' ✗') : '';
    lines.push(`| ${label} | ${ours} | ${ratio('peer')} | ${target}${met} |`);
  }
  return lines.join('\n');
}

/**
 * Where the file's analyses begin: what follows it is written from profiles, by hand, and a
 * bench run keeps it as it is.
 */
export const analysesMarker = '<!-- analyses: kept by npm run bench -->';

/** The file with `section` put in its place (the old section of the same size replaced). */
export function updatePerformanceDoc(existing: string, section: Section): string {
  const sections = readSections(existing);
  sections.set(section.articles, renderSection(section));
  const ordered = [...sections].sort(([a], [b]) => a - b).map(([, text]) => text);
  const at = existing.indexOf(analysesMarker);
  const analyses = at < 0 ? '' : existing.slice(at).trimEnd();
  const parts = [title, intro, ...ordered, scaling(sections), analyses].filter(Boolean);
  return `${parts.join('\n\n')}\n`;
}
