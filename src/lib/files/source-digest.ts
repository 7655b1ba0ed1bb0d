import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every .ts file under a folder, in a fixed order. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
    );
}

/**
 * Add the code a cached result was made by to its hash: every .ts file under `folder` (names
 * and contents), and the lockfile, which names the packages' versions. A cache keyed by the
 * hash is then never read by other code. Throws where the sources are not on disk.
 */
export function hashSources(hash: Hash, folder: URL): Hash {
  const root = fileURLToPath(folder);
  for (const file of sourceFiles(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.update(readFileSync(lockfile()));
}

/**
 * The lockfile that names the versions this code runs with: the site's own, or, where a content
 * repository installed the site program (npm leaves a package's lockfile out of it), the content
 * repository's, which pins the program and every package it uses.
 */
function lockfile(): string {
  let folder = fileURLToPath(new URL('../../../', import.meta.url));
  for (;;) {
    const file = join(folder, 'package-lock.json');
    if (existsSync(file)) return file;
    const parent = dirname(folder);
    if (parent === folder) throw new Error('package-lock.json not found beside the site program or above it: run npm install');
    folder = parent;
  }
}
