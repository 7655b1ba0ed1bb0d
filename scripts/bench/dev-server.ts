/**
 * `npm run dev` with a content folder: seconds until the home page gets an answer (not Astro's
 * "ready" line: what counts is when an editor's browser gets a page), and until the first
 * article page is served with its title.
 */
import { spawn } from 'node:child_process';
import { freePort } from '../../test/e2e/browser.ts';
import { projectRoot } from './builds.ts';
import { commandEnv } from './env.ts';

export interface DevMeasure {
  /** Until GET / gets any HTTP answer. */
  readySeconds: number;
  firstArticleSeconds: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    return { status: response.status, text: await response.text() };
  } catch {
    return undefined; // not listening yet
  }
}

/** Start the dev server on `contentDir`, open `articlePath`, expect `title` in it, stop. */
export async function measureDev(contentDir: string, articlePath: string, title: string, timeoutSeconds = 300): Promise<DevMeasure> {
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
  try {
    let readySeconds = 0;
    while (!readySeconds) {
      if ((await get(`${base}/`)) !== undefined) readySeconds = elapsed();
      else await pause(100);
      if (child.exitCode !== null || elapsed() > timeoutSeconds) throw new Error('the dev server did not start');
    }
    for (;;) {
      const page = await get(`${base}${articlePath}`);
      if (page?.status === 200 && page.text.includes(title)) return { readySeconds, firstArticleSeconds: elapsed() };
      if (child.exitCode !== null || elapsed() > timeoutSeconds) throw new Error(`the dev server did not serve ${articlePath}`);
      await pause(100);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  }
}
