import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { codeOf, modules, projectPath, root } from './project-modules.ts';

/**
 * What each folder of src/lib may import from the others (each folder's README says the same).
 * The plain layers first: the article's fields (one definition each) know nothing else; files,
 * problems (which names fields by the definition) and text know nothing of the bulletin; the
 * content contract reads with them; the bulletin, the checker, the importer and search build on it.
 */
const mayImport: Record<string, readonly string[]> = {
  fields: [],
  files: [],
  problems: ['fields'],
  text: [],
  content: ['fields', 'files', 'problems', 'text'],
  bulletin: ['content', 'text'],
  checker: ['content', 'files', 'problems', 'text'],
  importer: ['content', 'files', 'problems', 'text'],
  search: ['bulletin', 'content', 'text'],
  cms: ['content', 'fields', 'problems', 'text'],
};

/**
 * What each part of the project outside src/lib may import: the parts are src/lib as a whole
 * (whose folders keep to the table above), each folder and top-level module of src/, the
 * commands in scripts/ and the benchmark. The content reaches the pages one way: the loaders
 * (src/integrations) read it, src/data.ts hands it to pages, layouts and components
 * (src/integrations/README.md); nothing below that imports what is above it.
 */
const partMayImport: Record<string, readonly string[]> = {
  'src/lib': [],
  'src/styles': [],
  // remark and rehype plugins, run by Astro's Markdown processor (astro.config.mjs).
  'src/plugins': ['src/lib'],
  // Astro integrations and content loaders.
  'src/integrations': ['src/lib'],
  'src/content.config.ts': ['src/integrations', 'src/lib'],
  // The one door from the loaders to the pages.
  'src/data.ts': ['src/integrations', 'src/lib'],
  // Components take the site's data from src/data.ts; an article's body from its file (article-bodies.ts).
  'src/components': ['src/data.ts', 'src/integrations', 'src/lib', 'src/plugins'],
  'src/layouts': ['src/components', 'src/data.ts', 'src/integrations', 'src/lib', 'src/scripts', 'src/styles'],
  // Pages never import the loaders: what they show comes through src/data.ts. The stylesheet is a
  // layout's, but for the correspondents' form (admin/), which hands its address to Decap's preview.
  'src/pages': ['src/components', 'src/data.ts', 'src/layouts', 'src/lib', 'src/scripts', 'src/styles'],
  // Scripts that run in the reader's browser.
  'src/scripts': ['src/lib'],
  // The commands (new, check, import, stats, the Astro CLI): plain Node on src/lib, never the site's Astro code.
  scripts: ['src/lib'],
  // npm run bench: finds Chromium with the tests' own code (test/e2e/browser.ts).
  'scripts/bench': ['scripts', 'src/lib', 'test'],
  // The comparison site the benchmark builds: an Astro project of its own.
  'scripts/bench/peer': [],
};

/** The part of the project a module belongs to, as `partMayImport` names it. */
function partOf(module: string): string {
  if (module.startsWith('scripts/bench/peer/')) return 'scripts/bench/peer';
  if (module === 'scripts/bench.ts' || module.startsWith('scripts/bench/')) return 'scripts/bench';
  if (module.startsWith('scripts/')) return 'scripts';
  if (module.startsWith('test/')) return 'test';
  return /^src\/[^/]+/.exec(module)?.[0] ?? module;
}

/** Each module (relative to the project) with the modules it imports, type imports included. */
function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const path of folders.flatMap((folder) => modules(join(root, folder)))) {
    const imported = ts.preProcessFile(codeOf(path), true, true).importedFiles.map((file) => file.fileName);
    const local = imported
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolve(dirname(path), specifier.replace(/\?.*$/, '')))
      .filter((target) => existsSync(target) && statSync(target).isFile());
    graph.set(projectPath(path), local.map(projectPath));
  }
  return graph;
}

/** The import cycles of a graph (Tarjan's strongly connected components of more than one module, or one importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (module: string): void => {
    order.set(module, order.size);
    low.set(module, order.get(module)!);
    stack.push(module);
    for (const next of graph.get(module) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(module, Math.min(low.get(module)!, order.get(next)!));
      }
    }
    if (low.get(module) !== order.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || graph.get(module)?.includes(module)) found.push(component.sort());
  };
  for (const module of graph.keys()) if (!order.has(module)) visit(module);
  return found;
}

/** The folder of src/lib a module belongs to; '' for the modules at its top, undefined outside it. */
function libFolder(module: string): string | undefined {
  const match = /^src\/lib\/(?:([^/]+)\/)?[^/]+$/.exec(module) ?? /^src\/lib\/([^/]+)\//.exec(module);
  return match ? (match[1] ?? '') : undefined;
}

describe('the import graph', () => {
  const graph = importGraph(['src', 'scripts']);

  test('is read from the project (the graph is not empty)', () => {
    expect(graph.get('src/lib/content/articles.ts')).toContain('src/lib/content/schema.ts');
  });

  test('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  test('has no cycle in src/ or scripts/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('keeps each folder of src/lib to the folders it may import', () => {
    const crossings: string[] = [];
    for (const [module, imports] of graph) {
      const from = libFolder(module);
      if (from === undefined || from === '') continue;
      for (const target of imports) {
        const to = libFolder(target);
        if (to === from) continue;
        if (to === undefined || to === '' || !(mayImport[from] ?? []).includes(to)) crossings.push(`${module} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  test('keeps each part of src/ and scripts/ to the parts it may import', () => {
    const crossings: string[] = [];
    for (const [module, imports] of graph) {
      const from = partOf(module);
      for (const target of imports) {
        const to = partOf(target);
        if (to !== from && !(partMayImport[from] ?? []).includes(to)) crossings.push(`${module} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  test('names every part of src/ and scripts/ in the table of what it may import', () => {
    const entries = readdirSync(join(root, 'src'), { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() || /\.(ts|mjs|astro)$/.test(entry.name),
    );
    const parts = new Set([...entries.map((entry) => `src/${entry.name}`), ...[...graph.keys()].map(partOf)]);
    expect([...parts].sort()).toEqual(Object.keys(partMayImport).sort());
  });

  test('names every folder of src/lib in the table of what it may import', () => {
    const folders = readdirSync(join(root, 'src/lib'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(Object.keys(mayImport).sort());
  });

  test('keeps Astro out of src/lib: plain TypeScript that scripts and tests run as is', () => {
    const astroImports = [...graph.keys()]
      .filter((module) => module.startsWith('src/lib/'))
      .filter((module) =>
        ts.preProcessFile(codeOf(join(root, module)), true, true).importedFiles.some((file) => /^astro(:|\/|$)/.test(file.fileName)),
      );
    expect(astroImports).toEqual([]);
  });
});
