import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { codeOf, modules, projectPath, root } from './project-modules.ts';

/*
 * A cached page (a path of getStaticPaths with a cache key) is copied from the last build while
 * its key is unchanged, so it must show nothing its key does not cover. Its key is made from the
 * props it is given and the site-wide data (keyedPath in src/data.ts, src/lib/bulletin/page-keys.ts).
 * These tests hold the code to that: keys come from keyedPath alone; layouts and components read
 * their props and getSiteWide(), never the bulletin; a route with keyed paths reads the bulletin in
 * its getStaticPaths alone. What they pass to a component is then made from its props.
 */

/** The modules that hand content to pages, and what layouts and components may take from each. */
const sharedWithViews: Record<string, readonly string[]> = {
  'src/data.ts': ['getSiteWide'],
  // The body of an article whose entry is in the page's props.
  'astro:content': ['render'],
  'src/integrations/article-bodies.ts': ['savedBody'],
};

/** The same for a route with keyed paths: getSiteData too, which the next check keeps to getStaticPaths. */
const sharedWithRoutes: Record<string, readonly string[]> = { ...sharedWithViews, 'src/data.ts': ['getSiteData', 'getSiteWide'] };

const isContentSource = (from: string) => from === 'src/data.ts' || from === 'astro:content' || from.startsWith('src/integrations/');

function parse(module: string, code: string): ts.SourceFile {
  return ts.createSourceFile(module, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every name a module imports as a value (type imports left out), with the module it comes from. */
function valueImports(module: string, source: ts.SourceFile): { from: string; name: string }[] {
  return source.statements.filter(ts.isImportDeclaration).flatMap((declaration) => {
    const specifier = (declaration.moduleSpecifier as ts.StringLiteral).text;
    const from = specifier.startsWith('.') ? projectPath(resolve(dirname(join(root, module)), specifier)) : specifier;
    const clause = declaration.importClause;
    if (!clause) return [{ from, name: '(its side effects)' }];
    if (clause.isTypeOnly) return [];
    const names = clause.name ? ['default'] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
    if (bindings && ts.isNamedImports(bindings)) {
      names.push(
        ...bindings.elements.filter((element) => !element.isTypeOnly).map((element) => (element.propertyName ?? element.name).text),
      );
    }
    return names.map((name) => ({ from, name }));
  });
}

/** The imports of a module that take content from elsewhere than `allowed` lets it. */
function contentReads(module: string, source: ts.SourceFile, allowed: Record<string, readonly string[]>): string[] {
  return valueImports(module, source)
    .filter(({ from, name }) => isContentSource(from) && !(allowed[from] ?? []).includes(name))
    .map(({ from, name }) => `${module}: ${name} from ${from}`);
}

/** Every identifier of a module named `name`, outside its imports. */
function uses(source: ts.SourceFile, name: string): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === name) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where a route with keyed paths reads the whole site data outside its getStaticPaths. */
function readsOutsideStaticPaths(module: string, source: ts.SourceFile): string[] {
  const paths = source.statements.find((statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === 'getStaticPaths');
  return uses(source, 'getSiteData')
    .filter((use) => !paths || use.getStart() < paths.getStart() || use.getEnd() > paths.getEnd())
    .map((use) => `${module}:${source.getLineAndCharacterOfPosition(use.getStart()).line + 1}`);
}

const views = ['src/layouts', 'src/components']
  .flatMap((folder) => modules(join(root, folder)))
  .map((path) => ({ module: projectPath(path), source: parse(path, codeOf(path)) }));
const routes = modules(join(root, 'src/pages')).map((path) => ({ module: projectPath(path), source: parse(path, codeOf(path)) }));
const keyedRoutes = routes.filter(({ source }) => uses(source, 'keyedPath').length > 0);

describe('what a cached page shows is in its cache key', () => {
  test('is checked on the routes with cached pages (the list is read from the project)', () => {
    expect(keyedRoutes.map(({ module }) => module)).toContain('src/pages/articles/[slug].astro');
    expect(keyedRoutes.map(({ module }) => module)).toContain('src/pages/units/[unit]/rss.xml.ts');
  });

  test('every cache key is made by keyedPath from the props its page is given', () => {
    expect(routes.filter(({ source }) => uses(source, 'cacheKey').length > 0).map(({ module }) => module)).toEqual([]);
  });

  test('layouts and components read their props and the site-wide data, never the bulletin', () => {
    expect(views.flatMap(({ module, source }) => contentReads(module, source, sharedWithViews))).toEqual([]);
  });

  test('a route with cached pages reads the bulletin in its getStaticPaths alone', () => {
    expect(keyedRoutes.flatMap(({ module, source }) => contentReads(module, source, sharedWithRoutes))).toEqual([]);
    expect(keyedRoutes.flatMap(({ module, source }) => readsOutsideStaticPaths(module, source))).toEqual([]);
  });

  test('finds the reads it is meant to find', () => {
    const page = parse(
      'src/pages/x/[x].astro',
      [
        "import { getSiteData } from '../../data.ts';",
        "import { getCollection } from 'astro:content';",
        "import type { SiteData } from '../../data.ts';",
        'export async function getStaticPaths() { const { keyedPath } = await getSiteData(); return [keyedPath({ x: 1 }, {})]; }',
        'const { bulletin } = await getSiteData();',
      ].join('\n'),
    );
    expect(contentReads('src/pages/x/[x].astro', page, sharedWithRoutes)).toEqual([
      'src/pages/x/[x].astro: getCollection from astro:content',
    ]);
    expect(contentReads('src/pages/x/[x].astro', page, sharedWithViews)).toEqual([
      'src/pages/x/[x].astro: getSiteData from src/data.ts',
      'src/pages/x/[x].astro: getCollection from astro:content',
    ]);
    expect(readsOutsideStaticPaths('src/pages/x/[x].astro', page)).toEqual(['src/pages/x/[x].astro:5']);
  });
});
