/**
 * `npm run dev` with a content folder: seconds until the home page gets an answer (not Astro's
 * "ready" line: what counts is when an editor's browser gets a page), until the first article
 * page is served with its title, until an edit of that article's body shows on its page, until
 * the search page first answers (its index is made when it is first asked for), and until a
 * second edit is found by the search page.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser } from '../../test/e2e/browser.ts';
import { searchFor } from '../../test/e2e/search-helpers.ts';
import { projectRoot } from './builds.ts';
import type { CorpusInfo } from './corpus.ts';
import { commandEnv } from './env.ts';

export interface DevMeasure {
  /** Until GET / gets any HTTP answer. */
  readySeconds: number;
  firstArticleSeconds: number;
  /** From saving an edit of the article's body until its page shows the edit. */
  editShownSeconds: number;
  /** From asking the search page first until it shows results: the preview's index is made then. */
  firstSearchSeconds: number;
  /** From saving another edit until the search page finds the article by the edited words. */
  editSearchableSeconds: number;
}

/** The figures of a dev server that was not measured (above 10,000 articles, or when it failed). */
export const unmeasuredDev: DevMeasure = {
  readySeconds: Number.NaN,
  firstArticleSeconds: Number.NaN,
  editShownSeconds: Number.NaN,
  firstSearchSeconds: Number.NaN,
  editSearchableSeconds: Number.NaN,
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(600_000) });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined; // not listening yet
  }
}

/** Words no generated article has (scripts/bench/sentences.ts), one for each edit. */
const editWords = ['预览改稿甲记', '预览改稿乙记'];

/** Put `words` in a paragraph of their own at the start of the article's body. */
function editBody(file: string, words: string): void {
  const text = readFileSync(file, 'utf8');
  const bodyStart = text.indexOf('\n---\n', 4) + '\n---\n'.length;
  writeFileSync(file, `${text.slice(0, bodyStart)}\n${words}。\n${text.slice(bodyStart)}`);
}

/** Seconds until `check` holds, asking again every `interval` ms. */
async function secondsUntil(check: () => Promise<boolean>, what: string, timeoutSeconds: number, interval = 100): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return (performance.now() - started) / 1000;
    if ((performance.now() - started) / 1000 > timeoutSeconds) throw new Error(`the dev server did not ${what} in ${timeoutSeconds} s`);
    await pause(interval);
  }
}

/** Start the dev server on `contentDir`, open the probe article, edit it twice, stop. */
export async function measureDev(contentDir: string, probe: CorpusInfo['probe'], timeoutSeconds = 300): Promise<DevMeasure> {
  const port = await freePort();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  // Not tracked by Astro's lock of one dev server per project, which an editor's own may hold.
  const child = spawn(process.execPath, ['scripts/astro.ts', 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: projectRoot,
    env: commandEnv({ BULLETIN_CONTENT_DIR: contentDir, ASTRO_DEV_BACKGROUND: '0' }),
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  try {
    let readySeconds = 0;
    while (!readySeconds) {
      if ((await get(`${base}/`)) !== undefined) readySeconds = elapsed();
      else await pause(100);
      if (child.exitCode !== null || elapsed() > timeoutSeconds) throw new Error('the dev server did not start');
    }
    const articleShows = async (text: string) => {
      if (child.exitCode !== null) throw new Error('the dev server stopped');
      const page = await get(`${base}${probe.path}`);
      return page?.status === 200 && page.text.includes(text);
    };
    await secondsUntil(() => articleShows(probe.title), `serve ${probe.path}`, timeoutSeconds);
    const firstArticleSeconds = elapsed();
    const file = join(contentDir, probe.file);
    editBody(file, editWords[0]!);
    const editShownSeconds = await secondsUntil(() => articleShows(editWords[0]!), 'show an edit', timeoutSeconds, 50);
    // Started only now: a browser starting beside the dev server would slow its start on two cores.
    browser = await launchBrowser();
    const page = await browser.newPage();
    const finds = async (words: string) => (await searchFor(page, base, { q: words })).urls.includes(probe.path);
    const searchStarted = performance.now();
    // The first search waits while the index is made, longer than a search page waits for an answer.
    await get(`${base}/pagefind/pagefind-entry.json`);
    if (!(await finds(editWords[0]!))) throw new Error("the preview's search did not find the edited article");
    const firstSearchSeconds = (performance.now() - searchStarted) / 1000;
    editBody(file, editWords[1]!);
    const editSearchableSeconds = await secondsUntil(() => finds(editWords[1]!), 'find an edit', timeoutSeconds, 50);
    return { readySeconds, firstArticleSeconds, editShownSeconds, firstSearchSeconds, editSearchableSeconds };
  } finally {
    await browser?.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  }
}
