import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWholeLater } from '../lib/files/write-whole.ts';

/**
 * Articles' rendered bodies, kept in files of their own instead of Astro's content store: Astro
 * embeds the whole store in the bundle it builds the pages from, and at 10,000 articles the
 * bodies were most of it (58 MB of the store, bundled, parsed and held in memory on every
 * build). A body is saved under the digest of its article, so an unchanged article keeps its
 * file between builds. Bodies with pictures stay in the store, where Astro's image pipeline
 * finds them. The pages run in the same process as the content loader, which says where each
 * body lies through `globalThis` (Astro loads the two through different module graphs).
 *
 * In `astro dev` a body is rendered when its page is first asked for, not when the loader reads
 * the content: an editor opens a few of 10,000 articles, and rendering all of them held back the
 * first page by most of a minute.
 */
const bodyFilesKey = Symbol.for('bulletin.articleBodyFiles');
const laterBodiesKey = Symbol.for('bulletin.articleBodiesLater');

function files(): Map<string, string> {
  const holder = globalThis as typeof globalThis & { [bodyFilesKey]?: Map<string, string> };
  return (holder[bodyFilesKey] ??= new Map());
}

/** Bodies not rendered yet, each with what renders and saves it. */
function later(): Map<string, () => Promise<string>> {
  const holder = globalThis as typeof globalThis & { [laterBodiesKey]?: Map<string, () => Promise<string>> };
  return (holder[laterBodiesKey] ??= new Map());
}

/** `file` holds the body of `slug` from now on. */
function rememberFile(slug: string, file: string): void {
  later().delete(slug);
  files().set(slug, file);
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
  /** Render `slug`'s body only when its page asks for it, then keep it as `save` would. */
  later(slug: string, digest: string, render: () => Promise<string>): void;
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
      rememberFile(slug, file);
      return true;
    },
    async save(slug, digest, html) {
      const file = bodyFile(folder, digest);
      rememberFile(slug, file);
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
    later(slug, digest, render) {
      files().delete(slug);
      // One rendering for a page asked for twice at once; a failed one is tried again next time.
      let rendering: Promise<string> | undefined;
      const renderNow = () => {
        rendering ??= render().then(
          async (html) => {
            const file = bodyFile(folder, digest);
            mkdirSync(folder, { recursive: true });
            await writeWholeLater(file, html);
            // An edit saved meanwhile has left a rendering of its own: this body is no longer the article's.
            if (later().get(slug) === renderNow) rememberFile(slug, file);
            return html;
          },
          (error: unknown) => {
            rendering = undefined;
            throw error;
          },
        );
        return rendering;
      };
      later().set(slug, renderNow);
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
  later().delete(slug);
}

/** The rendered body of `slug`, when the loader saved it in a file or left it to be rendered now. */
export async function savedBody(slug: string): Promise<string | undefined> {
  const file = files().get(slug);
  if (file !== undefined) return readFile(file, 'utf8');
  return later().get(slug)?.();
}
