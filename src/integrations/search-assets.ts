import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { IndexAssets } from '../lib/search/merge-index.ts';
import type { Entry, IndexFiles } from '../lib/search/pagefind-format.ts';
import { indexLanguage } from '../lib/search/tokens.ts';

/** Files of an index that are data, not Pagefind's code; and its ready-made interfaces, which the site does not use. */
const notAssets =
  /^(?:index|fragment|filter)\/|\.pf_meta$|^pagefind-entry\.json$|^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

// Pagefind exports no package.json; its entry module lies in lib/ beside it.
const pagefindPackage = new URL('../package.json', import.meta.resolve('pagefind'));
const pagefindVersion = (JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string }).version;

/** Where `searchAssets` keeps Pagefind's files in a cache folder. */
export function assetsFolder(cacheFolder: string): string {
  return join(cacheFolder, `pagefind-${pagefindVersion}-${indexLanguage}`);
}

/**
 * Pagefind's scripts and WebAssembly for an index in the search's language, with the settings
 * its entry file carries: taken once from an index Pagefind makes of one tiny page, and kept in
 * `cacheFolder` for this version of Pagefind.
 */
export async function searchAssets(cacheFolder: string): Promise<IndexAssets> {
  const folder = assetsFolder(cacheFolder);
  if (!existsSync(folder)) await fetchAssets(folder);
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as Entry;
  const files: IndexFiles = new Map();
  for (const name of readdirSync(folder)) if (!notAssets.test(name)) files.set(name, readFileSync(join(folder, name)));
  const [language, index] = Object.entries(entry.languages)[0] ?? [];
  if (!language || !index) throw new Error(`Pagefind ${pagefindVersion} made an index without a language`);
  return { version: entry.version, language, wasm: index.wasm, includeCharacters: entry.include_characters ?? [], files };
}

async function fetchAssets(folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: indexLanguage });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addCustomRecord({ url: '/', content: 'pagefind', language: indexLanguage });
    if (added.errors.length) throw new Error(`Pagefind could not index a page: ${added.errors.join('; ')}`);
    const { files } = await index.getFiles();
    // Written aside and renamed, so an interrupted build never leaves half of them to reuse.
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    for (const file of files) {
      const name = file.path.split('\\').join('/');
      if (name === 'pagefind-entry.json' || !notAssets.test(name)) writeFileSync(join(partial, name), file.content);
    }
    renameSync(partial, folder);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
