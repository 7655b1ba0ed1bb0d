/**
 * The table of the benchmark: one row per metric, ours beside the peer's, their ratio, and the
 * issue's target for the metric with whether it is met. Rows are plain data, so runs can be
 * combined (medians) and the docs can carry them.
 */
import type { BuildMeasure } from './builds.ts';
import type { DevMeasure } from './dev-server.ts';
import type { OutputStats } from './output-stats.ts';
import type { SearchBytes } from './search-bytes.ts';
import { median } from './stats.ts';

/** Everything measured of one site in one run. */
export interface SiteMeasures {
  build: BuildMeasure;
  rebuild: BuildMeasure;
  output: OutputStats;
  search: SearchBytes;
}

export interface RunMeasures {
  ours: SiteMeasures;
  peer: SiteMeasures;
  dev: DevMeasure;
}

export interface Row {
  key: string;
  label: string;
  ours: number;
  /** NaN where the peer has no such figure. */
  peer: number;
  /** ours / peer; NaN without a peer figure. */
  ratio: number;
  /** The target, as words; '' when the issue sets none. */
  target: string;
  /** Whether the target is met; undefined without a target. */
  met?: boolean;
}

const MiB = 1024 * 1024;
const KiB = 1024;
const KB = 1000;

interface RowSpec {
  key: string;
  label: string;
  value: (site: SiteMeasures, run: RunMeasures, side: 'ours' | 'peer') => number;
  /** `met` says undefined where it cannot tell (a ratio to a peer that did not finish). */
  target?: { text: string; met: (row: Pick<Row, 'ours' | 'peer' | 'ratio'>) => boolean | undefined };
}

/** A target on our figure over the peer's; a peer that did not finish leaves it open. */
const atMostPeer = (times: number): NonNullable<RowSpec['target']> => ({
  text: `≤ ${times.toFixed(1)}× 同类`,
  met: (row) => (Number.isNaN(row.ratio) ? undefined : row.ratio <= times),
});

/** A figure only our dev server has: the peer has none. */
const devFigure =
  (key: keyof DevMeasure): RowSpec['value'] =>
  (_site, run, side) =>
    side === 'ours' ? run.dev[key] : Number.NaN;

const rebuildRatio = (site: SiteMeasures) => site.rebuild.whole.seconds / site.build.whole.seconds;

/** A row of search bytes in KB, with its budget. */
const searchRow = (key: string, label: string, bytes: (search: SearchBytes) => number, budgetKB: number): RowSpec => ({
  key,
  label,
  value: (s) => bytes(s.search) / KB,
  target: { text: `≤ ${budgetKB} KB`, met: (row) => row.ours <= budgetKB },
});

const specs: RowSpec[] = [
  { key: 'siteSeconds', label: '站点生成（秒）', value: (s) => s.build.site.seconds },
  { key: 'indexSeconds', label: '搜索索引（秒）', value: (s) => s.build.index.seconds },
  {
    key: 'wholeSeconds',
    label: '整个生成（秒）',
    value: (s) => s.build.whole.seconds,
    // For the small bulletins most are (1,000–5,000 articles), where the fixed cost shows.
    target: atMostPeer(0.8),
  },
  { key: 'sitePeakMiB', label: '站点生成峰值内存（MiB）', value: (s) => s.build.site.peakRss / MiB },
  { key: 'indexPeakMiB', label: '索引峰值内存（MiB）', value: (s) => s.build.index.peakRss / MiB },
  {
    key: 'wholePeakMiB',
    label: '整个生成峰值内存（MiB，进程树合计）',
    value: (s) => s.build.whole.peakRss / MiB,
    target: { text: '≤ 2 GiB', met: (row) => row.ours <= 2048 },
  },
  { key: 'processPeakMiB', label: '最大单个进程峰值内存（MiB）', value: (s) => s.build.peakProcessRss / MiB },
  { key: 'pages', label: '写出的页面（.html）', value: (s) => s.output.pages },
  {
    key: 'outputMiB',
    label: '输出大小（MiB）',
    value: (s) => s.output.outputBytes / MiB,
    target: atMostPeer(1.5),
  },
  { key: 'indexMiB', label: '索引大小（MiB，pagefind 文件夹）', value: (s) => s.output.indexBytes / MiB },
  { key: 'articleKiB', label: '文章页 HTML 中位数（KiB）', value: (s) => s.output.articleHtmlBytes / KiB },
  {
    key: 'articleGzipKiB',
    label: '文章页 HTML gzip 中位数（KiB）',
    value: (s) => s.output.articleHtmlGzipBytes / KiB,
    target: { text: '≤ 2.5 KiB', met: (row) => row.ours <= 2.5 },
  },
  { key: 'articleTotalGzipKiB', label: '文章页连同 CSS、JS gzip（KiB）', value: (s) => s.output.articleTotalGzipBytes / KiB },
  searchRow('firstSearchKB', '第一次搜索下载（KB，中位数）', (search) => search.firstBytes, 300),
  searchRow('laterSearchKB', '之后每次搜索下载（KB，中位数）', (search) => search.laterBytes, 120),
  searchRow(
    'narrowedFirstSearchKB',
    '按单位、栏目、年份、期次筛选或按日期排序，第一次搜索下载（KB，最多）',
    (search) => search.narrowedFirstBytes,
    300,
  ),
  searchRow('narrowedLaterSearchKB', '同上，之后的搜索下载（KB，最多）', (search) => search.narrowedLaterBytes, 120),
  {
    key: 'rebuildSeconds',
    label: '加一篇稿件后重新生成（秒）',
    value: (s) => s.rebuild.whole.seconds,
    target: { text: '≤ 25 秒', met: (row) => row.ours <= 25 },
  },
  {
    key: 'rebuildRatio',
    label: '重新生成 / 整个生成',
    value: rebuildRatio,
    target: { text: '≤ 0.15', met: (row) => row.ours <= 0.15 },
  },
  { key: 'devReadySeconds', label: 'npm run dev 到首页有应答（秒）', value: devFigure('readySeconds') },
  {
    key: 'devFirstPageSeconds',
    label: 'npm run dev 到第一篇文章页（秒）',
    value: devFigure('firstArticleSeconds'),
    target: { text: '< 10 秒', met: (row) => row.ours < 10 },
  },
  {
    key: 'devEditShownSeconds',
    label: 'npm run dev 改稿后文章页显示（秒）',
    value: devFigure('editShownSeconds'),
    target: { text: '< 3 秒', met: (row) => row.ours < 3 },
  },
  { key: 'devFirstSearchSeconds', label: 'npm run dev 第一次搜索（秒，此时建索引）', value: devFigure('firstSearchSeconds') },
  {
    key: 'devEditSearchableSeconds',
    label: 'npm run dev 改稿后搜得到（秒）',
    value: devFigure('editSearchableSeconds'),
    target: { text: '< 3 秒', met: (row) => row.ours < 3 },
  },
];

/** The rows of one run. */
export function rowsOf(run: RunMeasures): Row[] {
  return combineRuns([run]);
}

/** The rows of several runs: each figure is the median of the runs. */
export function combineRuns(runs: readonly RunMeasures[]): Row[] {
  return specs.map((spec) => {
    const ours = median(runs.map((run) => spec.value(run.ours, run, 'ours')));
    const peer = median(runs.map((run) => spec.value(run.peer, run, 'peer')));
    const ratio = Number.isNaN(peer) ? Number.NaN : ours / peer;
    const row: Row = { key: spec.key, label: spec.label, ours, peer, ratio, target: spec.target?.text ?? '' };
    // A figure that was not measured (the dev server above 10,000 articles) meets nothing and fails nothing.
    const met = Number.isNaN(ours) ? undefined : spec.target?.met(row);
    if (met !== undefined) row.met = met;
    return row;
  });
}

/** Every row key, in table order (for the smoke test). */
export const rowKeys = specs.map((spec) => spec.key);
