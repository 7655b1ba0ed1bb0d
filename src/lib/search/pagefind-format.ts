/**
 * Pagefind 1.6's index files (pagefind/src/index/ in its source), written by the index writer
 * and the merge (test/unit/search/index-helpers.ts reads them back): each file is gzip of "pagefind_dcd" and CBOR, and its structures are
 * arrays of their fields; files are named by a hash of their content. A Pagefind upgrade must
 * pass test/unit/search/write-index.test.ts, which compares the site's index with Pagefind's own.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const signature = new TextEncoder().encode('pagefind_dcd');

/** What Pagefind writes after a chunk's words have added up to this many entries (pages and places). */
export const pagefindChunkEntries = 20000;

// The parts of an index, as decoded arrays.
export type MetaPage = [hash: string, wordCount: number, group: string];
export type MetaChunk = [from: string, to: string, hash: string];
export type Meta = [
  version: string,
  pages: MetaPage[],
  chunks: MetaChunk[],
  filters: [name: string, hash: string][],
  sorts: [name: string, pages: number[]][],
  metaFields: string[],
];

/** pagefind-entry.json. */
export interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/** A page's fragment: what a search result's data() returns. */
export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: unknown[];
}

/** Files of an index in memory: path within its folder → bytes. */
export type IndexFiles = Map<string, Uint8Array>;

/**
 * How hard index files are compressed. Level 5, not zlib's 6: measured on 600 chunks of a
 * 10,000-article index (chunks of 5,000 entries), 1.5 times as fast for 0.6% more bytes (level 4:
 * 2.5 times, 4% more, too many for the later searches' 120 KB). The editors' preview, where
 * nothing is downloaded over a network, takes level 1 to have an edit searchable sooner.
 */
export const publishedPackLevel = 5;
export const previewPackLevel = 1;

/** CBOR bytes packed as an index file: the signature, then gzip. */
export function packBytes(body: Uint8Array, level = publishedPackLevel): Uint8Array {
  const framed = new Uint8Array(signature.length + body.length);
  framed.set(signature);
  framed.set(body, signature.length);
  return gzipSync(framed, { level });
}

/** The hash of a file's bytes that names it (fragments in the cache, every file of an index). */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Rust's order of strings (by UTF-8 bytes, i.e. by code point), which Pagefind's search relies on. */
export function compareWords(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    // A surrogate stands for a code point above U+FFFF, after every other UTF-16 unit.
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Chunk bounds as Pagefind names them: each chunk's first and last word (as given), shortened
 * to the shortest prefixes that still tell neighbouring chunks apart (a first search fetches them all).
 */
export function trimChunkBounds(bounds: MetaChunk[]): MetaChunk[] {
  for (let index = 0; index + 1 < bounds.length; index++) {
    const [to, from] = distinguishingPrefixes(bounds[index]![1], bounds[index + 1]![0]);
    // As Pagefind: the end is shortened only where it stays after the start.
    if (compareWords(to, bounds[index]![0]) >= 0) bounds[index]![1] = to;
    bounds[index + 1]![0] = from;
  }
  return bounds;
}

function distinguishingPrefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

/** Put a file in place as a hard link (index files are many and never change), or a copy where a link is impossible. */
export function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    copyFileSync(source, target);
  }
}

/**
 * Link a file into place over what may be there from an earlier build: kept when it already is
 * that file (same inode), replaced otherwise, as a name can come back for other content. A
 * caller that knows nothing is there says so (`maybeThere` false) and saves the look.
 */
export function relinkFile(source: string, target: string, maybeThere = true): void {
  const there = maybeThere ? lstatSync(target, { throwIfNoEntry: false }) : undefined;
  if (there) {
    const { ino, dev } = statSync(source);
    if (there.isFile() && there.ino === ino && there.dev === dev) return;
    rmSync(target, { recursive: true, force: true });
  }
  linkFile(source, target);
}
