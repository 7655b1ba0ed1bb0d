/**
 * Several Pagefind indexes of one language, merged into one, as if Pagefind had indexed all
 * their pages at once. Pagefind holds every page of an index in memory while it builds it
 * (about 0.7 MB a page with this site's records) and cannot add a page to an index it has written; its own
 * multi-index search ranks each index apart, with its own word statistics. So the bulletin is
 * indexed in shards of a bounded size, each kept until its articles change, and the shards are
 * merged here into the one index readers search: the same words, pages, filters and sort
 * order, ranked with statistics of the whole bulletin, and only one chunk of each shard in
 * memory at a time.
 *
 * The format is Pagefind 1.6's (pagefind/src/index/ in its source): each file is gzip of
 * "pagefind_dcd" and CBOR; structures are arrays of their fields.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

const signature = new TextEncoder().encode('pagefind_dcd');

/** What Pagefind writes after a chunk's words have added up to this many entries; see `mergeIndexes`. */
export const pagefindChunkEntries = 20000;

/** The sort values of a shard's pages, by sort name, in Pagefind's page order. */
export type PageSorts = Record<string, string[]>;

/** One index to merge: its folder (as Pagefind wrote it) and its pages' sort values. */
export interface IndexShard {
  folder: string;
  sorts: PageSorts;
}

export function readPagefindFile(path: string): CborValue {
  const bytes = gunzipSync(readFileSync(path));
  return decodeCbor(bytes.subarray(signature.length));
}

function packPagefindFile(value: CborValue): Uint8Array {
  return packBytes(encodeCbor(value));
}

function packBytes(body: Uint8Array): Uint8Array {
  const framed = new Uint8Array(signature.length + body.length);
  framed.set(signature);
  framed.set(body, signature.length);
  return gzipSync(framed);
}

function unpackBytes(bytes: Uint8Array): Uint8Array {
  return gunzipSync(bytes).subarray(signature.length);
}

/** A page's fragment: what a search result's data() returns. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  [field: string]: unknown;
}

/** An index in memory, as Pagefind's API gives it: path within its folder → bytes. */
export type IndexFiles = Map<string, Uint8Array>;

/**
 * Change the fragments of an index in memory: each is rewritten and renamed by its new content,
 * as Pagefind names fragments, and the metadata and entry file point at the new names. Returns
 * the pages' URLs in Pagefind's page order (which is not the order pages were added in).
 */
export function rewriteFragments(files: IndexFiles, rewrite: (fragment: Fragment) => void): string[] {
  const entryText = files.get('pagefind-entry.json');
  if (!entryText) throw new Error('not a Pagefind index: no pagefind-entry.json');
  const entry = JSON.parse(new TextDecoder().decode(entryText)) as Entry;
  const [language, index] = onlyLanguage(entry);
  if (!language || !index) return [];
  const metaPath = `pagefind.${index.hash}.pf_meta`;
  const meta = decodeCbor(unpackBytes(files.get(metaPath)!)) as Meta;
  const urls: string[] = [];
  const names = new Set<string>();
  for (const page of meta[1]) {
    const path = `fragment/${page[0]}.pf_fragment`;
    const fragment = JSON.parse(new TextDecoder().decode(unpackBytes(files.get(path)!))) as Fragment;
    files.delete(path);
    rewrite(fragment);
    urls.push(fragment.url);
    const bytes = packBytes(new TextEncoder().encode(JSON.stringify(fragment)));
    const hash = createHash('sha256').update(bytes).digest('hex');
    // Pagefind's names: the language and 7 digits of the hash, more where two pages would clash.
    let length = 7;
    while (names.has(`${language}_${hash.slice(0, length)}`)) length++;
    page[0] = `${language}_${hash.slice(0, length)}`;
    names.add(page[0]);
    files.set(`fragment/${page[0]}.pf_fragment`, bytes);
  }
  files.delete(metaPath);
  const metaBytes = packPagefindFile(meta);
  const metaHash = `${language}_${createHash('sha256').update(metaBytes).digest('hex').slice(0, 12)}`;
  files.set(`pagefind.${metaHash}.pf_meta`, metaBytes);
  entry.languages = { [language]: { ...index, hash: metaHash } };
  files.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  return urls;
}

/** Write an index held in memory into `folder`. */
export function writeIndexFiles(files: IndexFiles, folder: string): void {
  for (const [path, content] of files) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
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

// The parts of a Pagefind index, as decoded arrays.
type MetaPage = [hash: string, wordCount: number, group: string];
type Meta = [version: string, pages: MetaPage[], chunks: [from: string, to: string, hash: string][], filters: [name: string, hash: string][], sorts: [name: string, pages: number[]][], metaFields: string[]];
type PackedPage = [page: number, locs: number[], metaLocs: number[]];
type PackedWord = [word: string, pages: PackedPage[], variants: [form: string, pages: PackedPage[]][]];
type FilterIndex = [name: string, values: [value: string, pages: number[]][]];

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

interface OpenShard {
  folder: string;
  meta: Meta;
  language: string;
  /** Added to the shard's page numbers. */
  offset: number;
  /** The shard's meta field numbers → the merged index's. */
  fields: number[];
}

/** The language of an index and its entry: a bulletin's index has one. */
function onlyLanguage(entry: Entry): [string, Entry['languages'][string]] | [] {
  return Object.entries(entry.languages)[0] ?? [];
}

function openShard(folder: string, offset: number): OpenShard {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as Entry;
  const [language, index] = onlyLanguage(entry);
  if (!language || !index) throw new Error(`${folder}: an index with no pages cannot be merged`);
  const meta = readPagefindFile(join(folder, `pagefind.${index.hash}.pf_meta`)) as Meta;
  return { folder, meta, language, offset, fields: [] };
}

/** A shard's words in order, one decoded chunk at a time, its page numbers moved by the shard's offset. */
function* shardWords(shard: OpenShard): Generator<PackedWord> {
  for (const [, , hash] of shard.meta[2]) {
    const [words] = readPagefindFile(join(shard.folder, 'index', `${hash}.pf_index`)) as [PackedWord[]];
    for (const word of words) {
      const move = (pages: PackedPage[]) => {
        // Pages are stored as differences from the one before: only the first moves.
        if (pages[0]) pages[0][0] += shard.offset;
        for (const page of pages) page[2] = remapMetaLocations(page[2], shard.fields);
      };
      move(word[1]);
      for (const [, pages] of word[2]) move(pages);
      yield word;
    }
  }
}

/** Meta locations start each field with -(its number + 1); the numbers change in the merged list of fields. */
function remapMetaLocations(locations: number[], fields: number[]): number[] {
  return locations.map((value) => (value < 0 ? -(fields[-value - 1]! + 1) : value));
}

/** Page lists of the same word from consecutive shards, joined: each stores its first page absolutely. */
function joinPages(into: PackedPage[], pages: PackedPage[]): void {
  if (pages.length === 0) return;
  const last = into.reduce((sum, page) => sum + page[0], 0);
  pages[0]![0] -= last;
  into.push(...pages);
}

/** How much a word adds to its chunk, counted as Pagefind counts it. */
function entriesOf(word: PackedWord): number {
  return word[1].reduce((sum, page) => sum + page[1].length + page[2].length + 1, 0);
}

/** The shortest prefixes that still tell two neighbouring chunks apart, as Pagefind names chunk bounds. */
function distinguishingPrefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

/** Writes packed files into an index folder, each named by a hash of its content, as Pagefind names them. */
interface OutputFolder {
  /** Write a value; `name` makes the file's path from its hash; returns the hash. */
  write(value: CborValue, name: (hash: string) => string): string;
}

function outputFolder(root: string, language: string): OutputFolder {
  const used = new Set<string>();
  return {
    write(value, name) {
      const bytes = packPagefindFile(value);
      const digest = createHash('sha256').update(bytes).digest('hex');
      // Seven digits, as Pagefind names its files (every chunk name is in the metadata a first
      // search fetches), and more where two files would clash.
      let length = 7;
      while (used.has(digest.slice(0, length))) length++;
      used.add(digest.slice(0, length));
      const hash = `${language}_${digest.slice(0, length)}`;
      const path = join(root, name(hash));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
      return hash;
    },
  };
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
 * Merge the shards' indexes into `out` (an empty or missing folder). Words are chunked as
 * Pagefind chunks them, after `chunkEntries` entries (pages and places) per chunk: smaller
 * chunks mean fewer bytes per searched word and more chunk names in the metadata every first
 * search loads.
 */
export function mergeIndexes(shards: readonly IndexShard[], out: string, chunkEntries = pagefindChunkEntries): { pages: number } {
  if (shards.length === 0) throw new Error('no index to merge');
  const open: OpenShard[] = [];
  let pages = 0;
  for (const shard of shards) {
    const opened = openShard(shard.folder, pages);
    pages += opened.meta[1].length;
    open.push(opened);
  }
  const language = open[0]!.language;
  if (open.some((shard) => shard.language !== language)) throw new Error('indexes of different languages cannot be merged');
  const metaFields = [...new Set(open.flatMap((shard) => shard.meta[5]))].sort(compareWords);
  for (const shard of open) shard.fields = shard.meta[5].map((field) => metaFields.indexOf(field));

  mkdirSync(join(out, 'fragment'), { recursive: true });
  const output = outputFolder(out, language);

  // Fragments keep their files; Pagefind's short names can clash between shards, so a clash
  // with different content gets a longer name.
  const fragmentOwners = new Map<string, string>();
  const metaPages: MetaPage[] = [];
  for (const [number, shard] of open.entries()) {
    for (const [hash, wordCount, group] of shard.meta[1]) {
      const source = join(shard.folder, 'fragment', `${hash}.pf_fragment`);
      let name = hash;
      const owner = fragmentOwners.get(name);
      if (owner !== undefined && !readFileSync(owner).equals(readFileSync(source))) name = `${hash}${number}`;
      if (!fragmentOwners.has(name)) {
        fragmentOwners.set(name, source);
        linkFile(source, join(out, 'fragment', `${name}.pf_fragment`));
      }
      metaPages.push([name, wordCount, group]);
    }
  }

  const chunks = mergeWords(open, output, chunkEntries);
  const filters = mergeFilters(open, output);
  const sorts = mergeSorts(shards, open);
  const meta: Meta = [open[0]!.meta[0], metaPages, chunks, filters, sorts, metaFields];
  const metaHash = output.write(meta, (hash) => `pagefind.${hash}.pf_meta`);

  const first = open[0]!.folder;
  const entry = JSON.parse(readFileSync(join(first, 'pagefind-entry.json'), 'utf8')) as Entry;
  const wasm = entry.languages[language]!.wasm;
  entry.languages = { [language]: { hash: metaHash, wasm, page_count: pages } };
  writeFileSync(join(out, 'pagefind-entry.json'), JSON.stringify(entry));
  // Pagefind's scripts and WebAssembly are the same in every shard.
  for (const file of readdirSync(first, { withFileTypes: true })) {
    if (file.isFile() && !file.name.endsWith('.pf_meta') && file.name !== 'pagefind-entry.json') linkFile(join(first, file.name), join(out, file.name));
  }
  return { pages };
}

/** The shards' words merged in order into new chunks; returns the chunks' bounds and names for the metadata. */
function mergeWords(shards: readonly OpenShard[], output: OutputFolder, chunkEntries: number): Meta[2] {
  const streams = shards.map((shard) => shardWords(shard));
  const heads = streams.map((stream) => stream.next());
  const bounds: Meta[2] = [];
  let chunk: PackedWord[] = [];
  let entries = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    // Pages are stored as differences in a chunk, as Pagefind's search reads them; they already are.
    const hash = output.write([chunk], (name) => `index/${name}.pf_index`);
    bounds.push([chunk[0]![0], chunk[chunk.length - 1]![0], hash]);
    chunk = [];
    entries = 0;
  };
  for (;;) {
    let smallest: string | undefined;
    for (const head of heads) if (!head.done && (smallest === undefined || compareWords(head.value[0], smallest) < 0)) smallest = head.value[0];
    if (smallest === undefined) break;
    let merged: PackedWord | undefined;
    heads.forEach((head, index) => {
      if (head.done || head.value[0] !== smallest) return;
      if (!merged) merged = [smallest, [], []];
      const [, pages, variants] = head.value;
      joinPages(merged[1], pages);
      for (const [form, variantPages] of variants) {
        const existing = merged[2].find(([other]) => other === form);
        if (existing) joinPages(existing[1], variantPages);
        else merged[2].push([form, [...variantPages]]);
      }
      heads[index] = streams[index]!.next();
    });
    chunk.push(merged!);
    entries += entriesOf(merged!);
    if (entries >= chunkEntries) flush();
  }
  flush();
  for (let index = 0; index + 1 < bounds.length; index++) {
    const [to, from] = distinguishingPrefixes(bounds[index]![1], bounds[index + 1]![0]);
    // As Pagefind: the end is shortened only where it stays after the start.
    if (compareWords(to, bounds[index]![0]) >= 0) bounds[index]![1] = to;
    bounds[index + 1]![0] = from;
  }
  return bounds;
}

/** Each filter's values with the pages of every shard. */
function mergeFilters(shards: readonly OpenShard[], output: OutputFolder): Meta[3] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const shard of shards) {
    for (const [name, hash] of shard.meta[3]) {
      const [, values] = readPagefindFile(join(shard.folder, 'filter', `${hash}.pf_filter`)) as FilterIndex;
      const merged = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, merged);
      for (const [value, pages] of values) {
        const list = merged.get(value) ?? [];
        merged.set(value, list);
        for (const page of pages) list.push(page + shard.offset);
      }
    }
  }
  return [...filters.entries()]
    .sort(([a], [b]) => compareWords(a, b))
    .map(([name, values]) => {
      const sorted = [...values.entries()].sort(([a], [b]) => compareWords(a, b));
      return [name, output.write([name, sorted], (hash) => `filter/${hash}.pf_filter`)];
    });
}

/**
 * Each sort's page order across all shards. Pagefind sorts by value, keeping page order among
 * equal values; the values come with the shards, since the index does not keep them. Values
 * are compared as text, as Pagefind compares values that are not all numbers: this site sorts
 * by date (YYYY-MM-DD) only.
 */
function mergeSorts(shards: readonly IndexShard[], open: readonly OpenShard[]): Meta[4] {
  const names = [...new Set(open.flatMap((shard) => shard.meta[4].map(([name]) => name)))].sort(compareWords);
  return names.map((name) => {
    const pages: { page: number; value: string }[] = [];
    open.forEach((shard, number) => {
      const values = shards[number]!.sorts[name];
      const sorted = shard.meta[4].find(([other]) => other === name)?.[1] ?? [];
      for (const page of sorted) {
        const value = values?.[page];
        if (value === undefined) throw new Error(`${shard.folder}: no ${name} value for page ${page}`);
        pages.push({ page: page + shard.offset, value });
      }
    });
    pages.sort((a, b) => compareWords(a.value, b.value) || a.page - b.page);
    return [name, pages.map(({ page }) => page)];
  });
}
