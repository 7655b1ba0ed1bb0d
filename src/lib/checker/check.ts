import { readArticles } from '../content/articles.ts';
import { hasErrors, type Problem } from '../problems/problems.ts';
import { loadRegistry } from '../content/registries.ts';

/** What `check` found in a content folder. */
export interface CheckReport {
  problems: Problem[];
  errors: number;
  warnings: number;
}

/**
 * Check a content folder with the very code the build uses: registries, then every article
 * (schema, encoding, typing mistakes, pictures, slugs, repeated paragraphs). With `only`, the
 * problems of those files and folders (content-relative, / separated) are kept; the whole
 * folder is still read, since slugs and repeated paragraphs concern several files.
 */
export function checkContent(dir: string, only: readonly string[] = []): CheckReport {
  const { registry, problems } = loadRegistry(dir);
  if (registry) problems.push(...readArticles(dir, registry).problems);
  const wanted = (file: string) =>
    only.length === 0 || only.some((path) => file === path || file.startsWith(`${path.replace(/\/$/, '')}/`));
  const kept = problems
    .filter((problem) => wanted(problem.file))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const errors = kept.filter((problem) => problem.severity === 'error').length;
  return { problems: kept, errors, warnings: kept.length - errors };
}

/** True when the report must fail a run. */
export function failed(report: CheckReport): boolean {
  return hasErrors(report.problems);
}
