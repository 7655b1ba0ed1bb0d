import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWholeLater } from '../lib/write-whole.ts';

/**
 * Articles' rendered bodies, kept in files of their own instead of Astro's content store: Astro
 * embeds the whole store in the bundle it builds the pages from, and at 10,000 articles the
 * bodies were most of it (58 MB of the store, bundled, parsed and held in memory on every
 * build). A body is saved under the digest of its article, so an unchanged article keeps its
 * file between builds. Bodies with pictures stay in the store, where Astro's image pipeline
 * finds them. The pages run in the same process as the content loader, which says where each
 * body lies through `globalThis` (Astro loads the two through different module graphs).
 */
const bodyFilesKey = Symbol.for('bulletin.articleBodyFiles');

function files(): Map<string, string> {
  const holder = globalThis as typeof globalThis & { [bodyFilesKey]?: Map<string, string> };
  return (holder[bodyFilesKey] ??= new Map());
}

function bodyFile(folder: string, digest: string): string {
  return join(folder, `${digest}.html`);
}

/** The body files of one content sync, in one folder. */
export interface BodyFiles {
  /** Remember an article's body saved by an earlier build; false when its file is gone. */
  reuse(slug: string, digest: string): boolean;
  /** Save a rendered body (unless its file exists) and remember it as the body of `slug`; waits only while too many are being written. */
  save(slug: string, digest: string, html: string): Promise<void>;
  /** Wait for every body being written (throwing the first failure), then remove the files no article's body is in any more. */
  finish(): Promise<void>;
}

/**
 * Bodies are written while the loader renders the next articles (thousands of files take
 * seconds to create), a bounded number at a time: each holds a file open, and at 50,000
 * articles all at once ran out of file descriptors.
 */
export function bodyFiles(folder: string, inFlight = 32): BodyFiles {
  const writing = new Set<Promise<void>>();
  const failures: unknown[] = [];
  return {
    reuse(slug, digest) {
      const file = bodyFile(folder, digest);
      if (!existsSync(file)) return false;
      files().set(slug, file);
      return true;
    },
    async save(slug, digest, html) {
      const file = bodyFile(folder, digest);
      files().set(slug, file);
      if (existsSync(file)) return;
      mkdirSync(folder, { recursive: true });
      const written: Promise<void> = writeWholeLater(file, html).then(
        () => void writing.delete(written),
        (error: unknown) => {
          writing.delete(written);
          failures.push(error);
        },
      );
      writing.add(written);
      while (writing.size >= inFlight) await Promise.race(writing);
    },
    async finish() {
      await Promise.all(writing);
      if (failures.length > 0) throw failures[0];
      if (!existsSync(folder)) return;
      const used = new Set(files().values());
      for (const name of readdirSync(folder)) if (!used.has(join(folder, name))) rmSync(join(folder, name), { force: true });
    },
  };
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
