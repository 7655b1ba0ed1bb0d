import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { catalogued, type Problem } from '../problems/problems.ts';

/** An event-handler attribute (onclick=, ONERROR =): what a paste from a web page or Word brings. */
const handler = /[\s"'/](on[a-z]+)\s*=/i;

/**
 * A hint for each raw HTML block of a body that carries event handlers, naming them: the
 * sanitiser removes them and the article is published without them (sanitize-schema.ts), so
 * this is no error, only word of what was removed.
 */
export function htmlHandlerProblems(sourcePath: string, body: string, bodyLine: number): Problem[] {
  if (!handler.test(body)) return [];
  const handlers = new RegExp(handler.source, 'gi');
  const problems: Problem[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      const names = [...new Set([...node.value.matchAll(handlers)].map((match) => match[1]!.toLowerCase()))];
      if (names.length > 0) problems.push(catalogued(sourcePath, 'HtmlHandlerRemoved', { line: bodyLine + (node.position?.start.line ?? 1) - 1 }, [names], [], 'warning'));
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(body));
  return problems;
}
