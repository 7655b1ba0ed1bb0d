/**
 * The measured builds: ours (`npm run build`, i.e. scripts/astro.ts build, index included) and
 * the peer's (plain `astro build` of scripts/bench/peer, then the plain Pagefind CLI).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandEnv } from './env.ts';
import { peakBetween, runMeasured, type RunResult } from './process-tree.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const astroCli = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
/** Pagefind's command (its package.json `bin`); the package exports no path to find it by. */
const pagefindCli = join(projectRoot, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

/** The time and memory of one step. */
export interface Step {
  seconds: number;
  /** Peak RSS of the process tree during the step, bytes. */
  peakRss: number;
}

export interface BuildMeasure {
  site: Step;
  index: Step;
  whole: Step;
  /** Peak RSS of the single largest process, bytes. */
  peakProcessRss: number;
  /** Why the build did not finish, when it did not (the peer's Pagefind can run out of memory). */
  failure?: string;
}

function ensureSucceeded(what: string, result: RunResult): void {
  if (result.code === 0) return;
  const tail = result.output.split('\n').slice(-30).join('\n');
  throw new Error(`${what} failed (exit ${result.code}):\n${tail}`);
}

/** The line our Pagefind integration logs after writing the index (src/integrations/pagefind.ts). */
// 用时: how long the build waited for the index after the pages; 建索引共: the index's own time,
// most of it spent while the pages were rendered.
const indexLine = /搜索索引：(\d+) 篇，.*?用时 ([\d.]+) 秒（建索引共 ([\d.]+) 秒/;

/** Astro's cache folder for a content folder, as astro.config.mjs names it. */
export function ourCacheDir(contentDir: string): string {
  return join(projectRoot, 'node_modules', '.astro', createHash('sha256').update(contentDir).digest('hex').slice(0, 12));
}

/** Our build, as `npm run build` runs it, into `outDir`. */
export async function buildOurs(contentDir: string, outDir: string): Promise<BuildMeasure> {
  let indexEnd = 0;
  let printed = '';
  const started = performance.now();
  const result = await runMeasured(process.execPath, ['scripts/astro.ts', 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: commandEnv({ BULLETIN_CONTENT_DIR: contentDir }),
    onOutput: (text) => {
      printed += text;
      if (!indexEnd && indexLine.test(printed)) indexEnd = performance.now() - started;
    },
  });
  ensureSucceeded('our build', result);
  const match = indexLine.exec(result.output);
  if (!match) throw new Error('our build did not report its index time (搜索索引：…)');
  const waitedSeconds = Number(match[2]);
  const indexSeconds = Number(match[3]);
  // The index runs beside the pages and ends when its line is printed; the site build is the
  // rest of the wall time. The two windows overlap, and so do their memory peaks.
  const indexStart = indexEnd - indexSeconds * 1000;
  return {
    site: { seconds: result.seconds - waitedSeconds, peakRss: peakBetween(result.samples, 0, indexEnd - waitedSeconds * 1000) },
    index: { seconds: indexSeconds, peakRss: peakBetween(result.samples, indexStart, indexEnd) },
    whole: { seconds: result.seconds, peakRss: result.peakTreeRss },
    peakProcessRss: result.peakProcessRss,
  };
}

/** The peer: `astro build --root scripts/bench/peer`, then `pagefind --site`. */
export async function buildPeer(contentDir: string, outDir: string, cacheDir: string): Promise<BuildMeasure> {
  const env = commandEnv({ BENCH_CONTENT_DIR: contentDir, BENCH_PEER_CACHE: cacheDir });
  const site = await runMeasured(process.execPath, [astroCli, 'build', '--root', 'scripts/bench/peer', '--outDir', outDir], {
    cwd: projectRoot,
    env,
  });
  // A plain site can fail on a large bulletin (Astro's content store as one string, Pagefind
  // holding every page in memory): that is a result to report, with the time and memory it had
  // reached, not a failed bench.
  if (site.code !== 0) {
    return {
      site: { seconds: Number.NaN, peakRss: site.peakTreeRss },
      index: { seconds: Number.NaN, peakRss: 0 },
      whole: { seconds: Number.NaN, peakRss: site.peakTreeRss },
      peakProcessRss: site.peakProcessRss,
      failure: `astro build 在 ${site.seconds.toFixed(0)} 秒、内存 ${(site.peakTreeRss / 2 ** 30).toFixed(1)} GiB 时失败（${lastError(site.output)}）`,
    };
  }
  // Plain Pagefind's memory grows with the pages until the machine has none left; on Linux it is
  // held to three quarters of the memory (prlimit), so that it fails instead of stalling the machine.
  const limit = Math.floor(totalmem() * 0.75);
  const command = process.platform === 'linux' ? ['prlimit', `--as=${limit}`, '--', process.execPath] : [process.execPath];
  const index = await runMeasured(command[0]!, [...command.slice(1), pagefindCli, '--site', outDir], { cwd: projectRoot, env });
  const failed = index.code !== 0;
  const indexSeconds = failed ? Number.NaN : index.seconds;
  return {
    site: { seconds: site.seconds, peakRss: site.peakTreeRss },
    index: { seconds: indexSeconds, peakRss: index.peakTreeRss },
    whole: { seconds: site.seconds + indexSeconds, peakRss: Math.max(site.peakTreeRss, index.peakTreeRss) },
    peakProcessRss: Math.max(site.peakProcessRss, index.peakProcessRss),
    ...(failed
      ? {
          failure: `Pagefind 在 ${index.seconds.toFixed(0)} 秒、进程树内存 ${(index.peakTreeRss / 2 ** 30).toFixed(1)} GiB 时退出（${index.code === null ? '被系统终止' : `退出码 ${index.code}`}），没有写出索引`,
        }
      : {}),
  };
}

/** The last line of a failed command's output that says what went wrong. */
function lastError(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    lines
      .reverse()
      .find((line) => /error|Error|failed|FATAL/.test(line))
      ?.slice(0, 160) ??
    lines[0]?.slice(0, 160) ??
    '没有输出'
  );
}
