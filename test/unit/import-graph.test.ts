import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

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
};

/** Every module of a folder: TypeScript, and the frontmatter and scripts of .astro files. */
function modules(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return modules(path);
    return /\.(ts|mjs|astro)$/.test(name) ? [path] : [];
  });
}

/** The code of a module that can import: an .astro file's frontmatter and `<script>` bodies. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
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

function projectPath(path: string): string {
  return relative(root, path).split(sep).join('/');
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

  test('names every folder of src/lib in the table of what it may import', () => {
    const folders = readdirSync(join(root, 'src/lib'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(Object.keys(mayImport).sort());
  });

  test('keeps Astro out of src/lib: plain TypeScript that scripts and tests run as is', () => {
    const astroImports = [...graph.keys()]
      .filter((module) => module.startsWith('src/lib/'))
      .filter((module) => ts.preProcessFile(codeOf(join(root, module)), true, true).importedFiles.some((file) => /^astro(:|\/|$)/.test(file.fileName)));
    expect(astroImports).toEqual([]);
  });
});
