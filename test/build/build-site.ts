import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a build printed and how it ended. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * What Vitest sets besides VITEST…: NODE_ENV=test, and import.meta.env's values as a test sees them
 * (DEV=1 …), which a build reads as its own: with them, the correspondents' form of a build was set
 * up for npm run dev.
 */
const vitestVariables = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * The environment a user's shell would give the project's commands: without the variables
 * Vitest sets, which Astro and Vite read as a test run.
 */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestVariables.has(key) && !key.startsWith('VITEST')));
  return { ...env, ...extra };
}

/** Build the site from `contentDir` into `outDir` with the project's own build command (and `env`). */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, ['scripts/astro.ts', 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0', ...env }),
    encoding: 'utf8',
    timeout: 240_000,
    // Thousands of articles with repeated paragraphs print many hints: keep them all.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under a folder, as /-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A built page, parsed; `path` is its URL path such as /units/shuiwuju/. */
export function readPage(outDir: string, path: string): HTMLElement {
  const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return parse(readFileSync(file, 'utf8'));
}

/** The title links of a listing's items (src/components/ArticleList.astro), for node-html-parser and for Playwright alike. */
export const articleListLinks = 'main .article-list > li > :is(h2, h3) > a';

/** The article URLs a listing page links to from its article list, in order. */
export function listedArticles(page: HTMLElement): string[] {
  return page.querySelectorAll(articleListLinks).map((link) => link.getAttribute('href') ?? '');
}
