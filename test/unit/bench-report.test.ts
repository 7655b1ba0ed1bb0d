import { describe, expect, test } from 'vitest';
import type { Machine } from '../../scripts/bench/machine.ts';
import { rowKeys, type Row } from '../../scripts/bench/metrics.ts';
import { analysesMarker, updatePerformanceDoc, type Section } from '../../scripts/bench/report.ts';

const machine: Machine = { cpu: 'CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v24', date: '2026-01-01', load: 0 };

function section(articles: number, wholeSeconds: number): Section {
  const rows: Row[] = rowKeys.map((key) => ({
    key,
    label: key,
    ours: key === 'wholeSeconds' ? wholeSeconds : 1,
    peer: 2,
    ratio: 0.5,
    target: '',
  }));
  const corpus = { articles, drafts: 0, issues: 1, firstDate: '2025-01-01', lastDate: '2025-01-07' };
  return { articles, runs: 1, machine, corpus, rows };
}

describe('docs/performance.md', () => {
  test('a size measured again replaces its section and keeps the others, smallest first', () => {
    let doc = updatePerformanceDoc('', section(10000, 50));
    doc = updatePerformanceDoc(doc, section(1000, 9));
    doc = updatePerformanceDoc(doc, section(1000, 5));
    expect(doc.match(/<!-- bench:1000 -->/g)).toHaveLength(1);
    expect(doc.indexOf('## 1,000 篇')).toBeLessThan(doc.indexOf('## 10,000 篇'));
    expect(doc).toContain('"key":"wholeSeconds","ours":5');
    expect(doc).not.toContain('"key":"wholeSeconds","ours":9');
  });

  test('10,000 against 1,000 once both are there: 10× the time is within 11×, 12× is not', () => {
    expect(updatePerformanceDoc('', section(1000, 5))).not.toContain('## 规模');
    const within = updatePerformanceDoc(updatePerformanceDoc('', section(1000, 5)), section(10000, 50));
    expect(within).toMatch(/\| 整个生成（秒） \| 10\.00× \| 1\.00× \| 本项目 ≤ 11× ✓ \|/);
    const beyond = updatePerformanceDoc(within, section(10000, 60));
    expect(beyond).toMatch(/\| 整个生成（秒） \| 12\.00× \| .* ✗ \|/);
  });

  test('what follows the analyses marker is kept by a new run, after the tables', () => {
    const analyses = `${analysesMarker}\n\n## 时间花在哪里\n\n剖析的结果。`;
    const doc = updatePerformanceDoc(`${updatePerformanceDoc('', section(1000, 5)).trimEnd()}\n\n${analyses}\n`, section(10000, 50));
    expect(doc.endsWith(`${analyses}\n`)).toBe(true);
    expect(doc.indexOf('## 10,000 篇')).toBeLessThan(doc.indexOf(analysesMarker));
    expect(doc.match(/## 时间花在哪里/g)).toHaveLength(1);
  });
});
