import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { hashFolder } from '../../scripts/bench/corpus-hash.ts';
import { rowKeys, type Row } from '../../scripts/bench/metrics.ts';
import { userEnv } from './build-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Rows only the dev server and our search page have: the peer has no figure there. */
const oursOnly = new Set([
  'narrowedFirstSearchKB',
  'narrowedLaterSearchKB',
  'devReadySeconds',
  'devFirstPageSeconds',
  'devEditShownSeconds',
  'devFirstSearchSeconds',
  'devEditSearchableSeconds',
]);

describe('npm run bench', () => {
  test('the same size gives the same corpus, byte for byte; another size another one', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(work, name));
    generateCorpus(a!, 120);
    generateCorpus(b!, 120);
    generateCorpus(c!, 121);
    expect(hashFolder(a!)).toBe(hashFolder(b!));
    expect(hashFolder(c!)).not.toBe(hashFolder(a!));
  });

  test('measures every figure for both sites at 200 articles, without touching docs/', { timeout: 240_000 }, () => {
    const out = join(work, 'performance.md');
    const json = join(work, 'rows.json');
    const result = spawnSync(process.execPath, ['scripts/bench.ts', '--articles', '200', '--out', out, '--json', json], {
      cwd: projectRoot,
      env: userEnv({}),
      encoding: 'utf8',
      timeout: 230_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { rows } = JSON.parse(readFileSync(json, 'utf8')) as { rows: Row[] };
    expect(rows.map((row) => row.key)).toEqual(rowKeys);
    for (const row of rows) {
      expect(Number.isFinite(row.ours), `${row.key}: ours`).toBe(true);
      expect(row.ours, `${row.key}: ours`).toBeGreaterThan(0);
      if (oursOnly.has(row.key)) continue;
      expect(Number.isFinite(row.peer), `${row.key}: peer`).toBe(true);
      expect(row.ratio).toBeCloseTo(row.ours / row.peer, 10);
    }
    const pages = rows.find((row) => row.key === 'pages')!;
    expect(pages.ours).toBeGreaterThan(200);
    expect(pages.peer).toBeGreaterThan(200);
    for (const row of rows.filter((row) => row.target)) expect(typeof row.met, row.key).toBe('boolean');
    // The table went to the terminal and to the file given, in the section for 200.
    expect(result.stdout).toContain('| 整个生成（秒） |');
    const doc = readFileSync(out, 'utf8');
    expect(doc).toContain('<!-- bench:200 -->');
    expect(doc).toContain('## 200 篇');
  });
});
