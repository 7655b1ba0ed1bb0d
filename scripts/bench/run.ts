/**
 * One run of the benchmark, in the order that keeps each measure honest: the corpus in a fresh
 * temporary folder (so Astro's caches start cold), our build, the peer's, the output and the
 * search of both, then one article more and both rebuilt with their caches, and last the dev
 * server on a copy of the corpus (a folder no cache knows).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOurs, buildPeer, ourCacheDir } from './builds.ts';
import { addArticle, generateCorpus, type CorpusInfo } from './corpus.ts';
import { measureDev, unmeasuredDev } from './dev-server.ts';
import type { RunMeasures } from './metrics.ts';
import { outputStats, type OutputStats } from './output-stats.ts';
import { measureSearch, searchOurs, searchPeer } from './search-bytes.ts';

export interface RunOutcome {
  corpus: CorpusInfo;
  measures: RunMeasures;
  /** What did not finish, in words for the report. */
  notes: string[];
  /** The temporary folder, when kept. */
  kept?: string;
}

const unmeasuredOutput: OutputStats = {
  pages: Number.NaN,
  outputBytes: Number.NaN,
  indexBytes: Number.NaN,
  articleHtmlBytes: Number.NaN,
  articleHtmlGzipBytes: Number.NaN,
  articleTotalGzipBytes: Number.NaN,
};

/** The largest bulletin the dev server is measured with. */
const devLimit = 10_000;

const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

export async function runOnce(articles: number, keep: boolean): Promise<RunOutcome> {
  const root = mkdtempSync(join(tmpdir(), `bulletin-bench-${articles}-`));
  const content = join(root, 'content');
  const devContent = join(root, 'dev-content');
  const ours = join(root, 'ours');
  const peer = join(root, 'peer');
  try {
    say(`${articles} 篇稿件写入 ${content}`);
    const corpus = generateCorpus(content, articles);
    say('本项目生成（npm run build）');
    const oursBuild = await buildOurs(content, ours);
    const oursOutput = outputStats(ours, 'articles');
    say('同类生成（astro build + pagefind）');
    const peerBuild = await buildPeer(content, peer, join(root, 'peer-cache'));
    // A peer whose site did not build has no output to measure.
    const peerOutput = Number.isNaN(peerBuild.site.seconds) ? unmeasuredOutput : outputStats(peer, 'articles');
    if (peerBuild.failure) say(`同类：${peerBuild.failure}`);
    say('搜索下载量（Chromium）');
    const oursSearch = await measureSearch(ours, searchOurs);
    // Without an index the peer has no search to measure, and its rebuild would fail the same way.
    const peerSearch = peerBuild.failure
      ? { firstBytes: Number.NaN, laterBytes: Number.NaN, narrowedFirstBytes: Number.NaN, narrowedLaterBytes: Number.NaN }
      : await measureSearch(peer, searchPeer);
    say(`加一篇稿件（${addArticle(content, articles)}）后重新生成`);
    const oursRebuild = await buildOurs(content, ours);
    const peerRebuild = peerBuild.failure ? peerBuild : await buildPeer(content, peer, join(root, 'peer-cache'));
    const notes: string[] = [];
    const { narrowedWorst } = oursSearch;
    if (narrowedWorst) notes.push(`筛选或排序后下载最多的搜索：第一次 ${narrowedWorst.first}，之后 ${narrowedWorst.later}。`);
    if (peerBuild.failure) notes.push(`同类（Astro + Pagefind 默认）没有生成完：${peerBuild.failure}；它因此空缺的各项没有比值。`);
    // The dev server's target is for 10,000 articles; above that it is not measured (it takes
    // minutes and says nothing new about a target).
    let dev = unmeasuredDev;
    if (articles <= devLimit) {
      say('npm run dev');
      cpSync(content, devContent, { recursive: true });
      try {
        dev = await measureDev(devContent, corpus.probe);
      } catch (error) {
        notes.push(`npm run dev 没有测完（${String(error)}）。`);
      }
    } else {
      notes.push(`npm run dev 只在 ${devLimit.toLocaleString('en-US')} 篇以内测量。`);
    }
    return {
      corpus,
      measures: {
        ours: { build: oursBuild, rebuild: oursRebuild, output: oursOutput, search: oursSearch },
        peer: { build: peerBuild, rebuild: peerRebuild, output: peerOutput, search: peerSearch },
        dev,
      },
      notes,
      ...(keep ? { kept: root } : {}),
    };
  } finally {
    if (!keep) {
      // Our caches live in node_modules/.astro, one per content folder: these folders are gone.
      for (const dir of [content, devContent]) rmSync(ourCacheDir(dir), { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  }
}
