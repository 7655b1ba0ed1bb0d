/** The table as Markdown: for the terminal and for docs/performance.md alike. */
import type { Row } from './metrics.ts';

/** Figures with the precision that means something at their size. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) >= 10) return value.toLocaleString('en-US');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio, always with two decimals and the × sign. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

function verdict(row: Row): string {
  if (row.met === undefined) return '';
  return row.met ? '✓' : '✗';
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| 指标 | 本项目 | 同类（Astro + Pagefind 默认） | 本项目 / 同类 | 目标 | 达到 |',
    '| --- | ---: | ---: | ---: | --- | :---: |',
    ...rows.map(
      (row) =>
        `| ${row.label} | ${formatNumber(row.ours)} | ${formatNumber(row.peer)} | ${formatRatio(row.ratio)} | ${row.target} | ${verdict(row)} |`,
    ),
  ];
  return lines.join('\n');
}
