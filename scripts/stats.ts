/**
 * npm run stats [-- --year 2024] [--csv]
 * Articles per unit per month and per column, for the year-end evaluation of units' work.
 */
import { resolve } from 'node:path';
import { readArticles } from '../src/lib/content/articles.ts';
import { buildBulletin } from '../src/lib/bulletin/bulletin.ts';
import { contentDir } from '../src/lib/files/paths.ts';
import { formatProblems } from '../src/lib/problems/problems.ts';
import { loadRegistry } from '../src/lib/content/registries.ts';
import { computeStats, statsCsv, statsTable } from '../src/lib/bulletin/stats.ts';
import { contentFolderOptions, parseCommandLine, runCli, type CommandHelp } from './cli.ts';

const help = {
  summary: 'npm run stats：各单位逐月、各栏目的发稿统计，供年终考评使用；网站上的来稿统计页是同样的数字。',
  usage: 'npm run stats [-- --year 2024] [--csv]',
  options: {
    year: { value: '2024', says: '只统计这一年' },
    csv: { says: '输出 CSV 表格（Excel 可以直接打开）' },
    ...contentFolderOptions,
  },
  examples: ['npm run stats -- --year 2024', 'npm run stats -- --csv > 统计.csv'],
} satisfies CommandHelp;

runCli(() => {
  const { values } = parseCommandLine(
    {
      options: {
        dir: { type: 'string' },
        year: { type: 'string' },
        csv: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    },
    help,
  );
  if (values.year && !/^\d{4}$/.test(values.year)) {
    console.error(`年份“${values.year}”不对，请写四位数字，例如 --year 2024。`);
    return 1;
  }
  const dir = values.dir ? resolve(values.dir) : contentDir();
  const { registry, problems: registryProblems } = loadRegistry(dir);
  if (!registry) {
    console.error(formatProblems(registryProblems));
    return 1;
  }
  const { articles, problems } = readArticles(dir, registry);
  const stats = computeStats(
    buildBulletin(
      registry,
      articles.filter((article) => !article.draft),
    ),
    values.year,
  );
  process.stdout.write(values.csv ? statsCsv(stats) : `${statsTable(stats)}\n`);
  // Figures for a year-end evaluation must not be short without anyone noticing.
  const broken = [...new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file))];
  if (broken.length) {
    console.error(
      `注意：${broken.length} 篇稿件有错误，没有计入上面的统计：${broken.join('、')}。请运行 npm run check 查看并修改后再统计。`,
    );
    return 1;
  }
  return 0;
});
