/** The command line of npm run bench. */
import { resolve } from 'node:path';
import { parseCommandLine, UsageError, type CommandHelp } from '../cli.ts';

export interface BenchOptions {
  articles: number;
  runs: number;
  /** The Markdown file to update (docs/performance.md by default). */
  out: string;
  /** Also write the rows as JSON here (for tools and the smoke test). */
  json?: string;
  /** Keep the temporary folder (corpus, outputs) and the caches. */
  keep: boolean;
}

export const usage = 'npm run bench -- --articles N [--runs R] [--out docs/performance.md] [--json rows.json] [--keep]';

const help = {
  summary:
    'npm run bench：在一份模拟简报上测本项目和同类网站（普通 Astro 加 Pagefind）的生成、索引、搜索和预览，打印表格并更新 docs/performance.md。要用和测试一样的 Chromium。',
  usage,
  options: {
    articles: { value: 'N', says: '模拟稿件的篇数（必填）' },
    runs: { value: 'R', says: '各项测几次，取中位数（默认 1 次）' },
    out: { value: '文件', says: '把结果写进这个文件（默认 docs/performance.md）' },
    json: { value: '文件', says: '另存原始数字' },
    keep: { says: '保留临时文件夹（模拟稿件、生成结果）和缓存' },
    verbose: { says: '出错时显示详细信息' },
  },
  examples: ['npm run bench -- --articles 1000', 'npm run bench -- --articles 10000 --runs 3'],
} satisfies CommandHelp;

function positive(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`--${name} 需要一个正整数。`, usage);
  return value;
}

export function parseBenchArgs(argv: string[], cwd = process.cwd()): BenchOptions {
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        articles: { type: 'string' },
        runs: { type: 'string' },
        out: { type: 'string', default: 'docs/performance.md' },
        json: { type: 'string' },
        keep: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    },
    help,
  );
  return {
    articles: positive('articles', values.articles),
    runs: positive('runs', values.runs, 1),
    out: resolve(cwd, values.out),
    ...(values.json ? { json: resolve(cwd, values.json) } : {}),
    keep: values.keep,
  };
}
