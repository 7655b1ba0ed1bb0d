import { readFileSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Remove every file under `dir` that `unwanted` names, and every folder left empty, but for the
 * folders `passed` names (with their content); returns whether `dir` itself is now empty. Only
 * folders seen to be empty are removed: a rebuild keeps thousands of page folders, and asking
 * the system to remove each would cost a failed call.
 */
function sweep(dir: string, unwanted: (path: string) => boolean, passed: ReadonlySet<string>): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let kept = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (passed.has(path)) {
      kept++;
    } else if (entry.isDirectory()) {
      if (sweep(path, unwanted, passed)) rmdirSync(path);
      else kept++;
    } else if (unwanted(path)) {
      rmSync(path, { force: true });
    } else {
      kept++;
    }
  }
  return kept === 0;
}

/**
 * Which output folder this bulletin's cache last built, and how its home page looked then. The
 * home page is rendered by every build, so any other build into the folder changes it. Kept in
 * the cache folder, never in dist/, which is published as it is.
 */
interface LastOutput {
  outDir: string;
  homeModified: number;
}

function readLastOutput(path: string): LastOutput | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LastOutput;
  } catch {
    return undefined;
  }
}

function homeModified(outDir: string): number | undefined {
  try {
    return statSync(join(outDir, 'index.html')).mtimeMs;
  } catch {
    return undefined;
  }
}

export interface ReusePagesOptions {
  /**
   * Folders of dist/ (such as the search index) that another integration brings up to date
   * itself, keeping what is unchanged: a rebuild leaves them as they are.
   */
  reconciled?: readonly string[];
}

/**
 * Let a rebuild keep the pages it can reuse, where they are. Astro empties dist/ before every
 * build and then copies each unchanged page back from its incremental cache, which for a bulletin
 * of ten thousand articles is most of a rebuild. Instead, dist/ keeps its HTML pages across
 * builds: Astro leaves a page that is already there and unchanged alone, and renders the others
 * over it. Everything else in dist/ is removed before the build as Astro would (scripts, styles,
 * pictures and feeds are all written again), but for the `reconciled` folders, and after the
 * build every page this build did not produce is removed, so a deleted article's page never
 * stays published.
 */
export function reusePages({ reconciled = [] }: ReusePagesOptions = {}): AstroIntegration {
  let outDir = '';
  let passed = new Set<string>();
  let record = '';
  let started = 0;
  return {
    name: 'bulletin-reuse-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        // As sweep joins paths: '/pagefind/' is dist/pagefind.
        passed = new Set(reconciled.map((folder) => join(outDir, folder).replace(/[\\/]+$/, '')));
        // Astro's incremental cache is per content folder (see cacheDir in astro.config.mjs).
        record = join(fileURLToPath(config.cacheDir), 'last-output.json');
      },
      'astro:build:start': () => {
        started = Date.now();
        // Pages are only reused by the bulletin whose build wrote them, and only after that build
        // finished: dist/ may hold another bulletin's pages, or those of a build that failed.
        const last = readLastOutput(record);
        const reusable = last !== undefined && last.outDir === outDir && last.homeModified === homeModified(outDir);
        rmSync(record, { force: true });
        sweep(outDir, (path) => !reusable || !path.endsWith('.html'), reusable ? passed : new Set());
      },
      'astro:build:done': ({ dir, assets }) => {
        const produced = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        // A page this build neither rendered nor kept; files copied from public/ are new.
        sweep(fileURLToPath(dir), (path) => path.endsWith('.html') && !produced.has(path) && statSync(path).mtimeMs < started, passed);
        const home = homeModified(fileURLToPath(dir));
        if (home !== undefined) writeFileSync(record, JSON.stringify({ outDir, homeModified: home } satisfies LastOutput));
      },
    },
  };
}
