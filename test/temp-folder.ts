import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Astro's caches, one folder per content folder built (astro.config.mjs). */
const astroCaches = fileURLToPath(new URL('../node_modules/.astro/', import.meta.url));

const list = (folder: string) => {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
};

/**
 * Every temporary folder of a test run (content folders, builds, indexes) lies in one folder
 * that is removed when the run ends, with the Astro caches the run's builds made: a test suite
 * run again and again on one machine must not fill its disk. Tests and the builds they start
 * find the folder as the system's temporary folder (TMPDIR).
 */
export default function setup() {
  const root = mkdtempSync(join(tmpdir(), 'bulletin-tests-'));
  // Open to other users, as the system's temporary folder is: nginx serves a built site as one.
  chmodSync(root, 0o755);
  const cachesBefore = new Set(list(astroCaches));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
    for (const cache of list(astroCaches)) if (!cachesBefore.has(cache)) rmSync(join(astroCaches, cache), { recursive: true, force: true });
  };
}
