import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry, type Registry } from '../../src/lib/content/registries.ts';

/** The fixture bulletin under test/fixtures/bulletin. */
export const fixtureDir = fileURLToPath(new URL('../fixtures/bulletin/', import.meta.url));

/** The fixture bulletin's registries; fails the test when they do not load. */
export function fixtureRegistry(): Registry {
  const { registry, problems } = loadRegistry(fixtureDir);
  if (!registry) throw new Error(`fixture registries did not load: ${JSON.stringify(problems)}`);
  return registry;
}

/** Every file under `folder`, by its path there, with its bytes: for comparing two built folders file for file. */
export function filesUnder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path), readFileSync(path));
  }
  return files;
}
