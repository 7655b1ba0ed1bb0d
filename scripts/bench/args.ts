/** The command line of npm run bench. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

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

function positive(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} 需要一个正整数（${usage}）`);
  return value;
}

export function parseBenchArgs(argv: string[], cwd = process.cwd()): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      runs: { type: 'string' },
      out: { type: 'string', default: 'docs/performance.md' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  return {
    articles: positive('articles', values.articles),
    runs: positive('runs', values.runs, 1),
    out: resolve(cwd, values.out),
    ...(values.json ? { json: resolve(cwd, values.json) } : {}),
    keep: values.keep,
  };
}
