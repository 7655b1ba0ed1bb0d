/**
 * npm run bench -- --articles N [--runs R] [--out docs/performance.md] [--json rows.json] [--keep]
 * Measures our build against a plain Astro + Pagefind site on a generated bulletin of N
 * articles, prints the table and updates the file's section for N. The logic is in scripts/bench/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBenchArgs } from './bench/args.ts';
import { describeMachine } from './bench/machine.ts';
import { combineRuns, type RunMeasures } from './bench/metrics.ts';
import { updatePerformanceDoc } from './bench/report.ts';
import { runOnce, type RunOutcome } from './bench/run.ts';
import { markdownTable } from './bench/table.ts';
import { runCli } from './cli.ts';
import { chromiumPath } from '../test/e2e/browser.ts';

runCli(async () => {
  const options = parseBenchArgs(process.argv.slice(2));
  // The search bytes are counted in Chromium: a machine without it is told before minutes of building.
  try {
    chromiumPath();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const machine = describeMachine();
  const outcomes: RunOutcome[] = [];
  for (let run = 1; run <= options.runs; run++) {
    process.stderr.write(`bench: 第 ${run}/${options.runs} 次\n`);
    outcomes.push(await runOnce(options.articles, options.keep));
  }
  const rows = combineRuns(outcomes.map((outcome) => outcome.measures satisfies RunMeasures));
  const { dir: _dir, probe: _probe, ...corpus } = outcomes[0]!.corpus;
  console.log(markdownTable(rows));
  const existing = existsSync(options.out) ? readFileSync(options.out, 'utf8') : '';
  mkdirSync(dirname(options.out), { recursive: true });
  const notes = [...new Set(outcomes.flatMap((outcome) => outcome.notes))];
  for (const note of notes) process.stderr.write(`bench: ${note}\n`);
  writeFileSync(
    options.out,
    updatePerformanceDoc(existing, { articles: options.articles, runs: options.runs, machine, corpus, rows, notes }),
  );
  if (options.json)
    writeFileSync(options.json, `${JSON.stringify({ machine, corpus, rows, runs: outcomes.map((o) => o.measures) }, null, 2)}\n`);
  for (const outcome of outcomes) if (outcome.kept) process.stderr.write(`bench: 保留了 ${outcome.kept}\n`);
  return 0;
});
