// @ts-check
/**
 * Loaded with `node --import` by scripts/bulletin.mjs when the site program is installed in a
 * content repository's node_modules (kit/README.md). Node runs the program's .ts files by
 * stripping their types, but refuses to do so under node_modules; these hooks strip them there,
 * with Node's own stripper, for this package's files only. Node passes `--import` on to worker
 * threads, so the search index thread (src/integrations/index-worker.ts) is covered as well.
 */
import module from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('../', import.meta.url).href;

// Node warns once per process that stripTypeScriptTypes is experimental; it is the stripping
// Node applies to every .ts file of the site outside node_modules without a word. The warning is
// spent here, unseen, so that correspondents do not read it in English above every check.
const emitWarning = process.emitWarning;
process.emitWarning = () => {};
try {
  module.stripTypeScriptTypes('');
} finally {
  process.emitWarning = emitWarning;
}

module.registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(packageRoot) || !/\.m?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
    const source = readFileSync(fileURLToPath(url), 'utf8');
    // The package is "type": "module": every .ts file of it is an ES module.
    return { format: 'module', source: module.stripTypeScriptTypes(source, { mode: 'strip' }), shortCircuit: true };
  },
});
