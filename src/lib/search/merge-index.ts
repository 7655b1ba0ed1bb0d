/**
 * The index readers search, in Pagefind 1.6's format, made from shards of the bulletin
 * (index-shard.ts): the same words, pages, filters and sort order as if Pagefind had indexed
 * every page at once, so ranking uses statistics of the whole bulletin (Pagefind's own
 * multi-index search would rank each shard apart). A word's packed pages are copied from each
 * shard as they are; only the first page number of each shard's run changes.
 *
 * The site writes its index itself, as Pagefind 1.6 would write it from the same words:
 * Pagefind's own indexer spends most of its time parsing HTML and cutting text that this site
 * has already cut (tokens.ts), in a process of its own that holds every page in memory.
 * Pagefind's scripts and WebAssembly read it in the browser. test/unit/search/write-index.test.ts
 * indexes the same pages with Pagefind and with the shards and merge, and compares every word,
 * place, page, filter, sort and fragment.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CborWriter, decodeCborSequence, encodeCbor, type CborValue } from './cbor.ts';
import type { IndexShard, PackedRun } from './index-shard.ts';
import { compareWords, contentDigest, linkFile, packBytes, pagefindChunkEntries, trimChunkBounds, type Entry, type IndexFiles, type Meta, type MetaChunk, type MetaPage } from './pagefind-format.ts';

/** What the index's files need from Pagefind itself: its version, entry settings, scripts and WebAssembly. */
export interface IndexAssets {
  version: string;
  language: string;
  wasm: string | null;
  includeCharacters: readonly string[];
  /** pagefind.js, its worker and WebAssembly: path → bytes. */
  files: IndexFiles;
}

interface PlacedShard {
  shard: IndexShard;
  /** Added to the shard's page numbers. */
  offset: number;
  /** The shard's metadata field numbers → the index's; undefined when they are the same. */
  fields: number[] | undefined;
}

/** A run of one shard, placed among the index's pages. */
interface PlacedRun {
  placed: PlacedShard;
  run: PackedRun;
}

/** Writes files into the index folder, each named by a hash of its content as Pagefind names them. */
class IndexFolder {
  private readonly made = new Set<string>();
  private readonly owners = new Map<string, string>();
  private readonly root: string;
  private readonly language: string;

  constructor(root: string, language: string) {
    this.root = root;
    this.language = language;
  }

  /** The name for content with this hash: the language and seven digits, more where two would clash. */
  name(digest: string): string {
    let length = 7;
    for (;;) {
      const name = `${this.language}_${digest.slice(0, length)}`;
      const owner = this.owners.get(name);
      if (owner === undefined) this.owners.set(name, digest);
      if (owner === undefined || owner === digest) return name;
      length++;
    }
  }

  write(path: string, bytes: Uint8Array): void {
    const folder = join(this.root, path, '..');
    if (!this.made.has(folder)) mkdirSync(folder, { recursive: true });
    this.made.add(folder);
    writeFileSync(join(this.root, path), bytes);
  }

  /** Write CBOR packed as Pagefind packs it; returns the file's hash name. */
  writePacked(cbor: Uint8Array, path: (hash: string) => string): string {
    const bytes = packBytes(cbor);
    const hash = this.name(contentDigest(bytes));
    this.write(path(hash), bytes);
    return hash;
  }
}

/**
 * Write the index of `shards` (in this order) into `out`, an empty or missing folder; each
 * page's fragment is linked from `fragmentPath(key)`. Words are cut into chunks after
 * `chunkEntries` entries (pages and places), as Pagefind cuts them: smaller chunks mean fewer
 * bytes per searched word, and more chunk names in the metadata every first search loads.
 */
export function mergeShards(shards: readonly IndexShard[], fragmentPath: (key: string) => string, assets: IndexAssets, out: string, chunkEntries = pagefindChunkEntries): { pages: number } {
  const metaFields = [...new Set(shards.flatMap((shard) => shard.metaFields))].sort(compareWords);
  let pages = 0;
  const placed: PlacedShard[] = shards.map((shard) => {
    const fields = shard.metaFields.map((field) => metaFields.indexOf(field));
    const offset = pages;
    pages += shard.pages.length;
    return { shard, offset, fields: fields.every((field, index) => field === index) ? undefined : fields };
  });
  const folder = new IndexFolder(out, assets.language);
  mkdirSync(join(out, 'fragment'), { recursive: true });

  const metaPages: MetaPage[] = [];
  const linked = new Set<string>();
  for (const { shard } of placed) {
    for (const page of shard.pages) {
      const name = folder.name(page.fragment);
      if (!linked.has(name)) linkFile(fragmentPath(page.fragment), join(out, 'fragment', `${name}.pf_fragment`));
      linked.add(name);
      metaPages.push([name, page.wordCount, '']);
    }
  }

  const meta: Meta = [assets.version, metaPages, mergeWords(placed, folder, chunkEntries), mergeFilters(placed, folder), mergeSorts(placed), metaFields];
  const metaHash = folder.writePacked(encodeCbor(meta), (hash) => `pagefind.${hash}.pf_meta`);
  const entry: Entry = {
    version: assets.version,
    languages: { [assets.language]: { hash: metaHash, wasm: assets.wasm, page_count: pages } },
    include_characters: [...assets.includeCharacters],
  };
  folder.write('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  for (const [path, bytes] of assets.files) folder.write(path, bytes);
  return { pages };
}

/** The shards' words in order, in chunks; returns the chunks' bounds and names for the metadata. */
function mergeWords(shards: readonly PlacedShard[], folder: IndexFolder, chunkEntries: number): MetaChunk[] {
  const bounds: MetaChunk[] = [];
  const positions = shards.map(() => 0);
  let chunk: { word: string; runs: PlacedRun[]; variants: [string, PlacedRun[]][] }[] = [];
  let entries = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const writer = new CborWriter(entries * 3 + 1024);
    writer.array(1);
    writer.array(chunk.length);
    for (const { word, runs, variants } of chunk) {
      writer.array(3);
      writer.string(word);
      writeRuns(writer, runs);
      writer.array(variants.length);
      for (const [form, formRuns] of variants) {
        writer.array(2);
        writer.string(form);
        writeRuns(writer, formRuns);
      }
    }
    const hash = folder.writePacked(writer.finish(), (name) => `index/${name}.pf_index`);
    bounds.push([chunk[0]!.word, chunk[chunk.length - 1]!.word, hash]);
    chunk = [];
    entries = 0;
  };
  for (;;) {
    let smallest: string | undefined;
    shards.forEach(({ shard }, index) => {
      const word = shard.words[positions[index]!]?.word;
      if (word !== undefined && (smallest === undefined || compareWords(word, smallest) < 0)) smallest = word;
    });
    if (smallest === undefined) break;
    const runs: PlacedRun[] = [];
    const variants: [string, PlacedRun[]][] = [];
    shards.forEach((placed, index) => {
      const word = placed.shard.words[positions[index]!];
      if (!word || word.word !== smallest) return;
      positions[index]!++;
      if (word.run) runs.push({ placed, run: word.run });
      for (const [form, run] of word.variants) {
        const existing = variants.find(([other]) => other === form);
        if (existing) existing[1].push({ placed, run });
        else variants.push([form, [{ placed, run }]]);
      }
    });
    chunk.push({ word: smallest, runs, variants });
    entries += runs.reduce((sum, { run }) => sum + run.entries, 0);
    if (entries >= chunkEntries) flush();
  }
  flush();
  return trimChunkBounds(bounds);
}

/**
 * A word's (or form's) pages from each shard, one list: each shard's first page becomes a
 * difference from the last page of the shard before, the rest is copied as it is.
 */
function writeRuns(writer: CborWriter, runs: readonly PlacedRun[]): void {
  writer.array(runs.reduce((sum, { run }) => sum + run.pages, 0));
  let last = 0;
  for (const { placed, run } of runs) {
    const { bytes } = placed.shard;
    const first = placed.offset + run.first;
    if (placed.fields) {
      writeRemapped(writer, bytes.subarray(run.start, run.end), first - last, placed.fields);
    } else {
      // An entry is [page, places, metadata places]: replace the page number that opens the run.
      writer.array(3);
      writer.integer(first - last);
      writer.copy(bytes, run.start + 1 + integerLength(bytes[run.start + 1]!), run.end);
    }
    last = placed.offset + run.last;
  }
}

/** How many bytes a CBOR integer takes, from its first byte. */
function integerLength(initial: number): number {
  const info = initial & 31;
  return info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
}

/** Entries of a shard whose metadata fields are numbered otherwise: decoded, renumbered, written again. */
function writeRemapped(writer: CborWriter, bytes: Uint8Array, firstPage: number, fields: readonly number[]): void {
  for (const [index, value] of decodeCborSequence(bytes).entries()) {
    const [page, locs, metaLocs] = value as [number, number[], number[]];
    writer.array(3);
    writer.integer(index === 0 ? firstPage : page);
    writer.integers(locs);
    writer.integers(metaLocs.map((location) => (location < 0 ? -(fields[-location - 1]! + 1) : location)));
  }
}

/** Each filter's values with the pages of every shard. */
function mergeFilters(shards: readonly PlacedShard[], folder: IndexFolder): Meta[3] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const { shard, offset } of shards) {
    for (const [name, values] of shard.filters) {
      let merged = filters.get(name);
      if (!merged) filters.set(name, (merged = new Map()));
      for (const [value, pages] of values) {
        let list = merged.get(value);
        if (!list) merged.set(value, (list = []));
        for (const page of pages) list.push(page + offset);
      }
    }
  }
  return [...filters.entries()]
    .sort(([a], [b]) => compareWords(a, b))
    .map(([name, values]) => {
      const sorted = [...values.entries()].sort(([a], [b]) => compareWords(a, b));
      return [name, folder.writePacked(encodeCbor([name, sorted] as CborValue), (hash) => `filter/${hash}.pf_filter`)];
    });
}

/**
 * Each sort's page order. Pagefind sorts by value, keeping page order among equal values, and
 * compares numbers as numbers when every value is one, else as text; this site sorts by date.
 */
function mergeSorts(shards: readonly PlacedShard[]): Meta[4] {
  const names = [...new Set(shards.flatMap(({ shard }) => shard.sorts.map(([name]) => name)))].sort(compareWords);
  return names.map((name) => {
    const valued: { page: number; value: string }[] = [];
    for (const { shard, offset } of shards) {
      const values = shard.sorts.find(([other]) => other === name)?.[1] ?? [];
      values.forEach((value, page) => value !== null && valued.push({ page: page + offset, value }));
    }
    const numeric = valued.every(({ value }) => /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value));
    valued.sort((a, b) => (numeric ? Math.fround(Number(a.value)) - Math.fround(Number(b.value)) : compareWords(a.value, b.value)) || a.page - b.page);
    return [name, valued.map(({ page }) => page)];
  });
}
