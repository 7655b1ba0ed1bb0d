/**
 * npm run stats [-- --year 2024] [--csv]
 * Articles per unit per month and per column, for the year-end evaluation of units' work.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSnapshot } from '../src/integrations/content-snapshot.ts';
import { contentDir } from '../src/lib/paths.ts';
import { computeStats, statsCsv, statsTable } from '../src/lib/stats.ts';
import { runCli } from './cli.ts';

runCli(() => {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      year: { type: 'string' },
      csv: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (values.year && !/^\d{4}$/.test(values.year)) {
    console.error(`年份“${values.year}”不对，请写四位数字，例如 --year 2024。`);
    return 1;
  }
  const snapshot = readSnapshot(values.dir ? resolve(values.dir) : contentDir(), { includeDrafts: false });
  if (!snapshot) {
    console.error('单位或栏目登记表有误，请先运行 npm run check 查看。');
    return 1;
  }
  const stats = computeStats(snapshot.bulletin, values.year);
  process.stdout.write(values.csv ? statsCsv(stats) : `${statsTable(stats)}\n`);
  return 0;
});
