import type { Article } from '../content/articles.ts';
import type { Bulletin } from './bulletin.ts';
import { monthOf } from '../text/dates.ts';

/** One row of the statistics: a unit or a column, its count per month and in all. */
export interface StatsRow {
  name: string;
  /** The unit's category; empty for columns. */
  category: string;
  /** Counts in the order of `Stats.months`. */
  counts: number[];
  total: number;
}

/** Articles per unit and per column, month by month: the figures of the year-end evaluation. */
export interface Stats {
  /** The period, e.g. 2024, or 全部. */
  period: string;
  /** YYYY-MM, oldest first. */
  months: string[];
  units: StatsRow[];
  columns: StatsRow[];
  total: number;
}

/**
 * Count a bulletin's published articles per unit and per column, per month, for one year or
 * for all time. An article of several units counts once for each of them. Every registry unit
 * has a row, including those that sent nothing: the evaluation must show them too.
 */
export function computeStats(bulletin: Bulletin, year?: string): Stats {
  // Drafts are in the bulletin during `astro dev`; they are not yet anyone's published work.
  const inPeriod = (list: readonly Article[] | undefined) =>
    (list ?? []).filter((article) => !article.draft && (!year || article.date.startsWith(`${year}-`)));
  const articles = inPeriod(bulletin.articles);
  const months = [...new Set(articles.map((article) => monthOf(article.date)))].sort();
  const row = (name: string, category: string, list: readonly Article[]): StatsRow => {
    const counts = months.map((month) => list.filter((article) => monthOf(article.date) === month).length);
    return { name, category, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  };
  return {
    period: year ?? '全部',
    months,
    units: bulletin.registry.units
      .map((unit) => row(unit.name, unit.category, inPeriod(bulletin.byUnit.get(unit.slug))))
      .sort((a, b) => b.total - a.total),
    columns: bulletin.registry.columns.map((column) => row(column.name, '', inPeriod(bulletin.byColumn.get(column.slug)))),
    total: articles.length,
  };
}

/** Columns on a terminal: a CJK character takes two. */
function width(text: string): number {
  let total = 0;
  for (const character of text)
    total += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character) ? 2 : 1;
  return total;
}

const pad = (text: string, size: number, right = false) => {
  const space = ' '.repeat(Math.max(0, size - width(text)));
  return right ? space + text : text + space;
};

/** The statistics as aligned text tables, units then columns, months across. */
export function statsTable(stats: Stats): string {
  const header = ['合计', ...stats.months.map((month) => month.slice(2).replace('-', '/'))];
  const table = (title: string, rows: readonly StatsRow[]) => {
    const cells = rows.map((row) => [row.name, String(row.total), ...row.counts.map(String)]);
    const first = Math.max(width(title), ...cells.map((cell) => width(cell[0]!)));
    const sizes = header.map((label, index) => Math.max(width(label), ...cells.map((cell) => width(cell[index + 1]!))));
    const line = (cell: string[]) =>
      [pad(cell[0]!, first), ...cell.slice(1).map((value, index) => pad(value, sizes[index]!, true))].join('  ');
    return [line([title, ...header]), ...cells.map(line)].join('\n');
  };
  return [`统计期间：${stats.period}，共 ${stats.total} 篇稿件`, '', table('单位', stats.units), '', table('栏目', stats.columns)].join(
    '\n',
  );
}

/** The statistics as CSV (UTF-8 with a BOM, so Excel on Chinese Windows opens it right). */
export function statsCsv(stats: Stats): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = [
    ['类别', '名称', '分组', '合计', ...stats.months],
    ...stats.units.map((row) => ['单位', row.name, row.category, String(row.total), ...row.counts.map(String)]),
    ...stats.columns.map((row) => ['栏目', row.name, '', String(row.total), ...row.counts.map(String)]),
  ];
  return `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The statistics of each year that has articles, newest first. */
export function statsByYear(bulletin: Bulletin): Stats[] {
  return [...bulletin.byYear.keys()].map((year) => computeStats(bulletin, year)).filter((stats) => stats.total > 0);
}
