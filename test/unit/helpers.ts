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
