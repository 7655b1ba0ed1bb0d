import type { FileProblems } from '../lib/problems/problems.ts';

/** A file with errors as the preview shows it; an article also with the address it asks for. */
export interface PreviewProblems extends FileProblems {
  /** For an article file: the slug of the page where its writer will look for it. */
  slug?: string;
}

/** Which loader found the problems: each replaces only its own when it reads again. */
export type ProblemSource = 'registry' | 'articles';

/**
 * The content loaders' latest problems, per content folder and loader, for the pages of
 * `astro dev` (src/data.ts). On globalThis, as the loaders' readings are
 * (content-snapshot.ts): Astro loads the content config apart from the pages' modules.
 */
const previewKey = Symbol.for('bulletin.previewProblems');

function shared(): Map<string, Map<ProblemSource, PreviewProblems[]>> {
  const holder = globalThis as typeof globalThis & { [previewKey]?: Map<string, Map<ProblemSource, PreviewProblems[]>> };
  return (holder[previewKey] ??= new Map());
}

/** Called by a content loader in `astro dev` after each reading, with the files that have errors (none once fixed). */
export function rememberPreviewProblems(dir: string, source: ProblemSource, files: PreviewProblems[]): void {
  const bySource = shared().get(dir) ?? new Map<ProblemSource, PreviewProblems[]>();
  bySource.set(source, files);
  shared().set(dir, bySource);
}

/** The files of `dir` with errors, as the loaders last read them: the registries first, whose errors hold back every edit. */
export function previewProblems(dir: string): PreviewProblems[] {
  const bySource = shared().get(dir);
  return [...(bySource?.get('registry') ?? []), ...(bySource?.get('articles') ?? [])];
}
