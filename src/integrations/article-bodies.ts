import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Articles' rendered bodies, kept in files of their own instead of Astro's content store: Astro
 * embeds the whole store in the bundle it builds the pages from, and at 10,000 articles the
 * bodies were most of it (58 MB of the store, bundled, parsed and held in memory on every
 * build). A body is saved under the digest of its article, so an unchanged article keeps its
 * file between builds. Bodies with pictures stay in the store, where Astro's image pipeline
 * finds them. The pages run in the same process as the content loader, which says where each
 * body lies through `globalThis` (Astro loads the two through different module graphs).
 */
const bodyFiles = Symbol.for('bulletin.articleBodyFiles');

function files(): Map<string, string> {
  const holder = globalThis as typeof globalThis & { [bodyFiles]?: Map<string, string> };
  return (holder[bodyFiles] ??= new Map());
}

/** The file of a body with this digest in `folder`. */
export function bodyFile(folder: string, digest: string): string {
  return join(folder, `${digest}.html`);
}

/**
 * Save a rendered body (unless its file exists) and remember it as the body of `slug`. The file
 * is written in the background (thousands of files take seconds to create, while the loader
 * renders the next articles): await the promise before the pages need it.
 */
export async function saveBody(folder: string, slug: string, digest: string, html: string): Promise<void> {
  const file = bodyFile(folder, digest);
  files().set(slug, file);
  if (existsSync(file)) return;
  mkdirSync(folder, { recursive: true });
  // Written aside and renamed: an interrupted build never leaves half a body under its name.
  await writeFile(`${file}.partial`, html);
  await rename(`${file}.partial`, file);
}

/** Remember an article's body saved by an earlier build; false when its file is gone. */
export function reuseBody(folder: string, slug: string, digest: string): boolean {
  const file = bodyFile(folder, digest);
  if (!existsSync(file)) return false;
  files().set(slug, file);
  return true;
}

/** Forget `slug`'s body file: its body is in the store, or the article is gone. */
export function forgetBody(slug: string): void {
  files().delete(slug);
}

/** The rendered body of `slug`, when the loader saved it in a file. */
export function savedBody(slug: string): string | undefined {
  const file = files().get(slug);
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

/** Remove the files in `folder` that no article's body is in any more. */
export function removeUnusedBodies(folder: string): void {
  if (!existsSync(folder)) return;
  const used = new Set(files().values());
  for (const name of readdirSync(folder)) if (!used.has(join(folder, name))) rmSync(join(folder, name), { force: true });
}
