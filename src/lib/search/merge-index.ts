/**
 * The index readers search, in Pagefind 1.6's format, made from shards of the bulletin
 * (index-shard.ts): the same words, pages, filters and sort order as if Pagefind had indexed
 * every page at once, so ranking uses statistics of the whole bulletin (Pagefind's own
 * multi-index search would rank each shard apart). A word's packed pages are copied from each
 * shard as they are; only the first page number of each shard's run changes. Where the site's
 * index differs from Pagefind's, it is for what a reader downloads or a rebuild rewrites: chunks
 * end where the words say (mayEndChunk), file names leave out the language, and the site shapes
 * its index further (IndexShape): short page names, one word count, a filter file a value, the
 * sorts apart from the metadata, and common words' places on some pages only.
 *
 * The site writes its index itself, as Pagefind 1.6 would write it from the same words:
 * Pagefind's own indexer spends most of its time parsing HTML and cutting text that this site
 * has already cut (tokens.ts), in a process of its own that holds every page in memory.
 * Pagefind's scripts and WebAssembly read it in the browser. test/unit/search/write-index.test.ts
 * indexes the same pages with Pagefind and with the shards and merge, and compares every word,
 * place, page, filter, sort and fragment.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { capPlaces, type CappedEntries } from './capped-places.ts';
import { InputKey } from './input-key.ts';
import { CborWriter, decodeCborSequence, encodeCbor, type CborValue } from './cbor.ts';
import { filterFileName } from './filter-files.ts';
import type { IndexShard, PackedRun } from './index-shard.ts';
import { pageName, shardTags } from './page-names.ts';
import { cappedWordsPath } from './phrase-check.ts';
import { makeWordFilter } from './word-filter.ts';
import { orderRuns, sortFilePath, type SortFile } from './sort-files.ts';
import {
  compareWords,
  contentDigest,
  linkFile,
  relinkFile,
  packBytes,
  pagefindChunkEntries,
  trimChunkBounds,
  type Entry,
  type IndexFiles,
  type Meta,
  type MetaChunk,
  type MetaPage,
} from './pagefind-format.ts';

/** What the index's files need from Pagefind itself: its version, entry settings, scripts and WebAssembly. */
export interface IndexAssets {
  version: string;
  language: string;
  wasm: string | null;
  includeCharacters: readonly string[];
  /** pagefind.js, its worker and WebAssembly: path → bytes. */
  files: IndexFiles;
}

/**
 * Where the merge reads a shard's packed runs (`IndexShard.bytes`). The merge reads each run
 * once, each shard's in the order they lie in (but for forms with diacritics, in the order of the
 * first shard that has them), so the runs need not all be in memory at once: a shard may leave
 * them in its file, to be read a window at a time (stored-shard.ts).
 */
export interface RunSource {
  /**
   * Bytes that hold `start`..`end` of the shard's runs, which begin at the runs' offset `base`.
   * The answer may be the same object each time, changed: it holds until the next call.
   */
  window(start: number, end: number): { bytes: Uint8Array; base: number };
}

/** A shard to merge: in memory, or with its packed runs left where `runs` reads them. */
export type MergeShard = IndexShard | (Omit<IndexShard, 'bytes'> & { runs: RunSource });

/** The runs of a shard held in memory. */
function heldRuns(bytes: Uint8Array): RunSource {
  const whole = { bytes, base: 0 };
  return { window: () => whole };
}

interface PlacedShard {
  shard: MergeShard;
  runs: RunSource;
  /**
   * The shard's place in the index, as part of the key to what a chunk is made from (with its
   * runs' bytes): a new article changes some runs of one shard, and the place of the shards after it.
   */
  identity: readonly number[];
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

/**
 * Writes files into the index folder, each named by a hash of its content as Pagefind names
 * them, less the language Pagefind puts first: an index here has one language, and every first
 * search loads the names of all pages and chunks.
 */
class IndexFolder {
  private readonly made = new Set<string>();
  private readonly owners = new Map<string, string>();
  private readonly root: string;
  private readonly packLevel: number | undefined;

  constructor(root: string, packLevel?: number) {
    this.root = root;
    this.packLevel = packLevel;
  }

  /** The name for content with this hash: seven digits, more where two would clash. */
  name(digest: string): string {
    let length = 7;
    for (;;) {
      const name = digest.slice(0, length);
      const owner = this.owners.get(name);
      if (owner === undefined) this.owners.set(name, digest);
      if (owner === undefined || owner === digest) return name;
      length++;
    }
  }

  /**
   * Put the file `name` of an earlier index folder in place, as it is, unless the name is taken
   * by other content here or the file is gone; returns whether it did.
   */
  keep(name: string, digest: string, earlierRoot: string, path: (hash: string) => string): boolean {
    const source = join(earlierRoot, path(name));
    const owner = this.owners.get(name);
    if ((owner !== undefined && owner !== digest) || !existsSync(source)) return false;
    this.owners.set(name, digest);
    linkFile(source, this.place(path(name)));
    return true;
  }

  write(path: string, data: string | Uint8Array): void {
    writeFileSync(this.place(path), data);
  }

  /** Where `path` goes, its folder made. */
  private place(path: string): string {
    const target = join(this.root, path);
    const folder = dirname(target);
    if (!this.made.has(folder)) mkdirSync(folder, { recursive: true });
    this.made.add(folder);
    return target;
  }

  /** Write CBOR packed as Pagefind packs it; returns the file's hash name. */
  writePacked(cbor: Uint8Array, path: (hash: string) => string): string {
    const bytes = packBytes(cbor, this.packLevel);
    const hash = this.name(contentDigest(bytes));
    this.write(path(hash), bytes);
    return hash;
  }
}

/** What a merge made, so that a later merge can keep what comes out the same. */
export interface MergeRecord {
  /** The digest of a chunk's CBOR (before packing) → the name of its file. */
  files: Map<string, string>;
  /**
   * What a chunk was made from (its bounds, entries and an InputKey of its words' runs in their
   * shards) → the name of its file: a chunk made from the same is kept without being made.
   */
  made: Map<string, string>;
  /** A capped word's InputKey of its runs → its entries once capped, or -1 where it had no more places than the cap. */
  capped: Map<string, number>;
}

/** An earlier merge's record and folder. */
export interface ChunkFiles extends Partial<MergeRecord> {
  /** The merge's folder. */
  folder: string;
  files: Map<string, string>;
}

/** How to merge shards into an index folder. */
export interface MergeOptions {
  /** Where the fragment saved under a key is. */
  fragmentPath: (key: string) => string;
  assets: IndexAssets;
  /** The index folder: empty or missing. */
  out: string;
  /**
   * About how many entries (pages and places) a chunk of words holds: smaller chunks mean fewer
   * bytes per searched word, and more chunk names in the metadata every first search loads.
   * Pagefind's own figure when not given.
   */
  chunkEntries?: number;
  /** An earlier merge: a chunk that comes out as one of its files is linked from there, not packed again. */
  earlier?: ChunkFiles | undefined;
  /** How hard to compress the files made here (pagefind-format.ts); the published level when not given. */
  packLevel?: number;
  /** Where the index departs from Pagefind's own files for what readers download; as Pagefind writes them when not given. */
  shape?: IndexShape;
  /**
   * An earlier merge's folder whose fragment folder this merge may take (it is moved, not
   * copied): that merge is then incomplete, and its caller no longer counts on it.
   */
  takeFragmentsFrom?: string;
}

/**
 * What the site changes in Pagefind's files so that a search downloads little however big the
 * bulletin (docs/performance.md says what each saves and costs). Pagefind's scripts and
 * WebAssembly read them as they are; the search page knows the names (page-names.ts,
 * filter-files.ts, sort-files.ts) and checks on the text the phrases whose places the index
 * left out (capped-places.ts, phrase-check.ts).
 */
export interface IndexShape {
  /** Pages named by their shard and number (page-names.ts), not by a hash of their fragment. */
  shortNames?: boolean;
  /**
   * Every page given the bulletin's average word count. Every first search loads each page's
   * count (24 KB at 50,000 articles, rounded to powers of two), which only weighs a page's
   * length in the ranking, and the site's ranking barely counts length (ranking.ts, 0.05);
   * the average keeps the scale the ranking measures term frequency by.
   */
  sameWordCounts?: boolean;
  /** A file for each value of a filter, or run of issues (filter-files.ts), rather than one a filter. */
  filterFiles?: boolean;
  /**
   * Leave the sorts out of the metadata, which every first search loads, and write each as a
   * file of its own that only a sorted search needs (sort-files.ts). Needs `shortNames`.
   */
  sortsApart?: boolean;
  /** Places kept of a word, at most (capped-places.ts); all when not given. */
  cappedPlaces?: number;
}

/** The word count `sameWordCounts` gives every page. */
export function averageWordCount(shards: readonly MergeShard[]): number {
  const counts = shards.flatMap((shard) => shard.pages.map((page) => page.wordCount));
  return counts.length > 0 ? Math.round(counts.reduce((sum, count) => sum + count, 0) / counts.length) : 0;
}

/** A tag for each shard from its pages' fragments (page-names.ts). */
function tagsOf(shards: readonly MergeShard[]): string[] {
  return shardTags(
    shards.map((shard) => {
      const hash = createHash('sha256');
      for (const page of shard.pages) hash.update(page.fragment);
      return hash.digest('hex');
    }),
  );
}

/**
 * Write the index of `shards` (in this order, pages numbered on from shard to shard). Returns
 * what it made, for the next merge's `earlier`.
 */
export function mergeShards(shards: readonly MergeShard[], options: MergeOptions): MergeRecord {
  const { assets, out } = options;
  const shape = options.shape ?? {};
  if (shape.sortsApart && !shape.shortNames) throw new Error('sortsApart needs shortNames: the sort file names pages by their shards');
  const metaFields = [...new Set(shards.flatMap((shard) => shard.metaFields))].sort(compareWords);
  let pages = 0;
  const placed: PlacedShard[] = shards.map((shard) => {
    const fields = shard.metaFields.map((field) => metaFields.indexOf(field));
    const offset = pages;
    pages += shard.pages.length;
    const runs = 'runs' in shard ? shard.runs : heldRuns(shard.bytes);
    const remap = fields.every((field, index) => field === index) ? undefined : fields;
    // Numbers, not a string: the key takes them for every run of every word.
    const identity = [offset, ...(remap ? [remap.length, ...remap] : [0])];
    return { shard, runs, identity, offset, fields: remap };
  });
  const folder = new IndexFolder(out, options.packLevel);
  const fragmentFolder = join(out, 'fragment');
  const taken = takeFragments(options.takeFragmentsFrom, fragmentFolder);

  const metaPages: MetaPage[] = [];
  const linked = new Set<string>();
  const tags = shape.shortNames ? tagsOf(shards) : [];
  const sameCount = shape.sameWordCounts ? averageWordCount(shards) : undefined;
  placed.forEach(({ shard }, shardNumber) => {
    shard.pages.forEach((page, index) => {
      const name = shape.shortNames ? pageName(tags[shardNumber]!, index) : folder.name(page.fragment);
      if (!linked.has(name)) relinkFile(options.fragmentPath(page.fragment), join(fragmentFolder, `${name}.pf_fragment`), taken.has(name));
      linked.add(name);
      metaPages.push([name, sameCount ?? page.wordCount, '']);
    });
  });
  for (const name of taken) if (!linked.has(name)) rmSync(join(fragmentFolder, `${name}.pf_fragment`), { force: true });

  const record: MergeRecord = { files: new Map(), made: new Map(), capped: new Map() };
  const capped: string[] = [];
  const chunking: Chunking = {
    entries: options.chunkEntries ?? pagefindChunkEntries,
    cappedPlaces: shape.cappedPlaces,
    capped,
    salt: `${shape.cappedPlaces ?? ''}|${options.packLevel ?? ''}`,
  };
  const words = mergeWords(placed, folder, chunking, options.earlier, record);
  const sorts = mergeSorts(placed);
  const filters = mergeFilters(placed, folder, shape.filterFiles ? filterFileName : (name) => name);
  const meta: Meta = [assets.version, metaPages, words, filters, shape.sortsApart ? [] : sorts, metaFields];
  const metaHash = folder.writePacked(encodeCbor(meta), (hash) => `pagefind.${hash}.pf_meta`);
  if (shape.cappedPlaces !== undefined) folder.write(cappedWordsPath(metaHash), JSON.stringify(makeWordFilter(capped)));
  if (shape.sortsApart) {
    const shardList = placed.map(({ shard }, shardNumber): [string, number] => [tags[shardNumber]!, shard.pages.length]);
    for (const [name, order] of sorts) {
      const file: SortFile = { shards: shardList, runs: orderRuns(order) };
      folder.write(sortFilePath(name, metaHash), JSON.stringify(file));
    }
  }
  const entry: Entry = {
    version: assets.version,
    languages: { [assets.language]: { hash: metaHash, wasm: assets.wasm, page_count: pages } },
    include_characters: [...assets.includeCharacters],
  };
  folder.write('pagefind-entry.json', JSON.stringify(entry));
  for (const [path, bytes] of assets.files) folder.write(path, bytes);
  return record;
}

const chunkPath = (name: string) => `index/${name}.pf_index`;

/**
 * Move an earlier merge's fragment folder to `to`, or make `to`; returns the names of the
 * fragments it holds. An index of 50,000 articles has as many fragments, and a rebuild after one
 * new article links all of them again otherwise, and removes the earlier ones.
 */
function takeFragments(from: string | undefined, to: string): Set<string> {
  mkdirSync(dirname(to), { recursive: true });
  const earlier = from === undefined ? undefined : join(from, 'fragment');
  if (earlier === undefined || !existsSync(earlier)) {
    mkdirSync(to, { recursive: true });
    return new Set();
  }
  renameSync(earlier, to);
  return new Set(readdirSync(to).map((name) => name.slice(0, -'.pf_fragment'.length)));
}

/** A word of the index and where its places are in the shards. */
interface MergedWord {
  word: string;
  runs: PlacedRun[];
  variants: [string, PlacedRun[]][];
  entries: number;
  /** Its entries once capped (capped-places.ts): its pages are then written with fewer places, in place of `runs`. */
  cappedEntries?: number;
  /** Those pages, made when its chunk is. */
  capped?: CappedEntries;
}

/**
 * The shards' words in Pagefind's order, each with its runs from every shard that has it (in
 * shard order): a merge of sorted lists, keeping the shards whose next word comes first on a heap.
 */
function* wordsInOrder(shards: readonly PlacedShard[]): Generator<MergedWord> {
  const positions = shards.map(() => 0);
  // Each shard's word at its position, read once from its table.
  const current = shards.map(({ shard }) => (shard.words.length > 0 ? shard.words.word(0) : undefined));
  const before = (a: number, b: number) => compareWords(current[a]!, current[b]!) < 0 || (current[a] === current[b] && a < b);
  const heap = new MinHeap<number>(before);
  shards.forEach((_, index) => current[index] !== undefined && heap.push(index));
  while (heap.size > 0) {
    const word = current[heap.peek()]!;
    const merged: MergedWord = { word, runs: [], variants: [], entries: 0 };
    while (heap.size > 0 && current[heap.peek()] === word) {
      const index = heap.pop();
      const placed = shards[index]!;
      const { words } = placed.shard;
      const position = positions[index]!++;
      const run = words.run(position);
      const variants = words.variants(position);
      current[index] = position + 1 < words.length ? words.word(position + 1) : undefined;
      if (current[index] !== undefined) heap.push(index);
      if (run) {
        merged.runs.push({ placed, run });
        merged.entries += run.entries;
      }
      for (const [form, formRun] of variants) {
        const existing = merged.variants.find(([other]) => other === form);
        if (existing) existing[1].push({ placed, run: formRun });
        else merged.variants.push([form, [{ placed, run: formRun }]]);
      }
    }
    yield merged;
  }
}

/** A binary heap: the smallest item by `before` first. */
class MinHeap<T> {
  private readonly items: T[] = [];
  private readonly before: (a: T, b: T) => boolean;

  constructor(before: (a: T, b: T) => boolean) {
    this.before = before;
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0]!;
  }

  push(item: T): void {
    const { items } = this;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  pop(): T {
    const { items } = this;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && this.before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && this.before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest]!, items[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

/**
 * Whether a chunk may end after this word: one word in eight, chosen by the word itself. Chunks
 * end where the words say, not after an exact count of entries, so that a new article, which
 * adds entries to a few hundred words, leaves the other chunks' bounds and bytes as they were
 * (and an earlier merge's files can be kept).
 */
function mayEndChunk(word: string): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return (hash & 7) === 0;
}

/** How words are cut into chunks. */
interface Chunking {
  /** About how many entries (pages and places) a chunk holds. */
  entries: number;
  /** Places kept of a word, at most (capped-places.ts). */
  cappedPlaces: number | undefined;
  /** The words capped, as they are. */
  capped: string[];
  /** What, besides its words, a chunk's bytes depend on. */
  salt: string;
}

/**
 * The shards' words in order, in chunks; returns the chunks' bounds and names for the metadata.
 * A chunk ends at a word that may end one once it holds three quarters of the entries, and at
 * twice that at the latest; a word of that many entries or more is a chunk of its own, so that
 * a search for a rarer word next to it never fetches its places. A capped word (whose pages
 * are many and places few) is such a word: cut by its compressed bytes instead, capped words
 * went into chunks together, and a search for one fetched the others' (measured at 50,000
 * articles: 2,928 chunks instead of 5,240, but 77 KB of chunks a search instead of 41).
 */
function mergeWords(
  shards: readonly PlacedShard[],
  folder: IndexFolder,
  { entries: chunkEntries, cappedPlaces, capped, salt }: Chunking,
  earlier: ChunkFiles | undefined,
  record: MergeRecord,
): MetaChunk[] {
  const bounds: MetaChunk[] = [];
  let chunk: MergedWord[] = [];
  let entries = 0;
  let input = new InputKey().string(salt);
  let digestOf: Map<string, string> | undefined;
  // The CBOR digest of an earlier chunk file, for the next merge's `files`.
  const earlierDigest = (name: string) => {
    digestOf ??= new Map([...(earlier?.files ?? [])].map(([digest, file]) => [file, digest]));
    return digestOf.get(name);
  };
  const flush = () => {
    if (chunk.length === 0) return;
    const first = chunk[0]!.word;
    const last = chunk[chunk.length - 1]!.word;
    const made = `${first}\u0000${last}\u0000${entries}\u0000${input.digest()}`;
    const madeName = earlier?.made?.get(made);
    const madeDigest = madeName === undefined ? undefined : earlierDigest(madeName);
    let hash: string;
    if (earlier && madeName !== undefined && madeDigest !== undefined && folder.keep(madeName, madeDigest, earlier.folder, chunkPath)) {
      hash = madeName;
      record.files.set(madeDigest, hash);
    } else {
      const cbor = chunkCbor(chunk, entries, cappedPlaces);
      const key = contentDigest(cbor);
      const earlierName = earlier?.files.get(key);
      hash =
        earlier && earlierName !== undefined && folder.keep(earlierName, key, earlier.folder, chunkPath)
          ? earlierName
          : folder.writePacked(cbor, chunkPath);
      record.files.set(key, hash);
    }
    record.made.set(made, hash);
    bounds.push([first, last, hash]);
    chunk = [];
    entries = 0;
    input = new InputKey().string(salt);
  };
  for (const word of wordsInOrder(shards)) {
    // The word's runs, each read once to know them.
    const runsKey = runsInput(word.runs);
    if (cappedPlaces !== undefined && word.entries > cappedPlaces) {
      const cappedEntries = cappedSize(word, cappedPlaces, runsKey, earlier?.capped, record.capped);
      if (cappedEntries !== undefined) {
        word.cappedEntries = cappedEntries;
        word.entries =
          cappedEntries + word.variants.reduce((sum, [, runs]) => sum + runs.reduce((total, { run }) => total + run.entries, 0), 0);
        capped.push(word.word);
      }
    }
    const alone = word.entries >= chunkEntries;
    if (alone) flush();
    chunk.push(word);
    entries += word.entries;
    addWordInput(input, word, runsKey);
    if (alone || entries >= 2 * chunkEntries || (entries >= (3 * chunkEntries) / 4 && mayEndChunk(word.word))) flush();
  }
  flush();
  return trimChunkBounds(bounds);
}

/** A chunk's words as Pagefind's CBOR, capping those to be capped that are not yet. */
function chunkCbor(chunk: readonly MergedWord[], entries: number, cappedPlaces: number | undefined): Uint8Array {
  const writer = new CborWriter(entries * 3 + 1024);
  writer.array(1);
  writer.array(chunk.length);
  for (const word of chunk) {
    const { runs, variants } = word;
    writer.array(3);
    writer.string(word.word);
    const capped =
      word.cappedEntries !== undefined && cappedPlaces !== undefined ? (word.capped ?? capWord(word, cappedPlaces)) : undefined;
    if (capped) {
      writer.array(capped.pages);
      writer.copy(capped.bytes, 0, capped.bytes.length);
    } else {
      writeRuns(writer, runs);
    }
    writer.array(variants.length);
    for (const [form, formRuns] of variants) {
      writer.array(2);
      writer.string(form);
      writeRuns(writer, formRuns);
    }
  }
  return writer.finish();
}

/** A word, its runs (`runsKey`) and its forms with theirs. */
function addWordInput(input: InputKey, word: MergedWord, runsKey: InputKey): void {
  input.string(word.word).key(runsKey);
  input.number(word.variants.length);
  for (const [form, runs] of word.variants) input.string(form).key(runsInput(runs));
}

/** The key of runs: the shards' places and the runs' bytes. */
function runsInput(runs: readonly PlacedRun[]): InputKey {
  const input = new InputKey().number(runs.length);
  for (const { placed, run } of runs) {
    const { bytes, base } = placed.runs.window(run.start, run.end);
    for (const part of placed.identity) input.number(part);
    input.bytes(bytes.subarray(run.start - base, run.end - base));
  }
  return input;
}

/**
 * A common word's entries once capped, or undefined where it has no more places than `cap`:
 * known from the earlier merge when its runs are the same, else capped now (and its pages kept
 * for its chunk). Noted in `known` for the next merge.
 */
function cappedSize(
  word: MergedWord,
  cap: number,
  runsKey: InputKey,
  earlier: ReadonlyMap<string, number> | undefined,
  known: Map<string, number>,
): number | undefined {
  const key = new InputKey().number(cap).string(word.word).key(runsKey).digest();
  const size = earlier?.get(key) ?? capWord(word, cap)?.entries ?? -1;
  known.set(key, size);
  return size < 0 ? undefined : size;
}

/** A common word's pages with places only where it weighs most (capped-places.ts), kept on the word; undefined when it has no more places than `cap`. */
function capWord(word: MergedWord, cap: number): CappedEntries | undefined {
  const capped = capPlaces(
    // A copy of each run: a shard's window holds only until the next read (RunSource).
    word.runs.map(({ placed, run }) => ({
      bytes: runBytes(placed.runs, run.start, run.end),
      start: 0,
      pages: run.pages,
      offset: placed.offset,
      fields: placed.fields,
    })),
    cap,
  );
  if (capped) word.capped = capped;
  return capped;
}

/** A copy of the bytes `start`..`end` of a shard's runs. */
function runBytes(runs: RunSource, start: number, end: number): Uint8Array {
  const { bytes, base } = runs.window(start, end);
  return bytes.slice(start - base, end - base);
}

/**
 * A word's (or form's) pages from each shard, one list: each shard's first page becomes a
 * difference from the last page of the shard before, the rest is copied as it is.
 */
function writeRuns(writer: CborWriter, runs: readonly PlacedRun[]): void {
  writer.array(runs.reduce((sum, { run }) => sum + run.pages, 0));
  let last = 0;
  for (const { placed, run } of runs) {
    const { bytes, base } = placed.runs.window(run.start, run.end);
    const start = run.start - base;
    const end = run.end - base;
    const first = placed.offset + run.first;
    if (placed.fields) {
      writeRemapped(writer, bytes.subarray(start, end), first - last, placed.fields);
    } else {
      // An entry is [page, places, metadata places]: replace the page number that opens the run.
      writer.array(3);
      writer.integer(first - last);
      writer.copy(bytes, start + 1 + integerLength(bytes[start + 1]!), end);
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

/** Each filter's values with the pages of every shard, in the file `fileOf` names. */
function mergeFilters(shards: readonly PlacedShard[], folder: IndexFolder, fileOf: (filter: string, value: string) => string): Meta[3] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const { shard, offset } of shards) {
    for (const [name, values] of shard.filters) {
      for (const [value, pages] of values) {
        const file = fileOf(name, value);
        let merged = filters.get(file);
        if (!merged) filters.set(file, (merged = new Map()));
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
    valued.sort(
      (a, b) => (numeric ? Math.fround(Number(a.value)) - Math.fround(Number(b.value)) : compareWords(a.value, b.value)) || a.page - b.page,
    );
    return [name, valued.map(({ page }) => page)];
  });
}
