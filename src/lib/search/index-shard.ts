/**
 * A shard of the search index: some of the bulletin's pages, their words already packed as
 * Pagefind packs them (pagefind/src/index/mod.rs), kept in one file until their articles change
 * and merged with the other shards into the index readers search (merge-index.ts). Packing is
 * done as the pages are read, into one growing buffer, so that a shard of a thousand articles
 * (millions of places) is a few large buffers rather than millions of small arrays.
 */
import { CborWriter, decodeCbor, encodeCbor, type CborValue } from './cbor.ts';
import { compareWords, packBytes } from './pagefind-format.ts';
import { indexableWords, isStoredAsIs, type IndexableWord } from './pagefind-words.ts';
import { ShardWords, type PackedRun, type ShardWord } from './shard-words.ts';

export type { PackedRun };

/** A run of a page's words with one weight (1 is the body's; Pagefind's data-pagefind-weight). */
export interface WeightedWords {
  weight: number;
  /** Words as Pagefind takes them from the text between spaces. */
  words: readonly string[];
}

/** One page of the index. */
export interface IndexPage {
  url: string;
  /** The text a result shows. */
  content: string;
  /** Whether `content` is only the start of the text (the rest is on the page at `url`). */
  cut?: boolean;
  /** The page's other indexed texts as written, for the search page to check a phrase in with `content`. */
  texts?: readonly string[];
  sections: readonly WeightedWords[];
  /** Shown with a result; Pagefind also indexes the words of its values. */
  meta: Record<string, string>;
  filters: Record<string, readonly string[]>;
  /** Sort values; this site's are dates (YYYY-MM-DD), compared as text. */
  sort: Record<string, string>;
}

/** A shard in memory. */
export interface IndexShard {
  metaFields: string[];
  /** Each page's fragment (by the key its bytes were saved under) and word count. */
  pages: { fragment: string; wordCount: number }[];
  /** In Pagefind's order of words. */
  words: ShardWords;
  filters: [name: string, values: [value: string, pages: number[]][]][];
  /** Each sort's value for each page; null where a page has none. */
  sorts: [name: string, values: (string | null)[]][];
  bytes: Uint8Array;
}

/** Saves a fragment's bytes and returns the key they can be found under again (`contentDigest` of them). */
export type SaveFragment = (bytes: Uint8Array) => string;

/** Pagefind's stored weight: the given weight (0 to 10) times 24, at least 1 unless it is 0. */
function storedWeight(weight: number): number {
  if (!(weight > 0)) return 0;
  return Math.max(1, Math.floor(Math.min(weight, 10) * 24));
}

const whitespace = /\s+/u;
const textEncoder = new TextEncoder();

/** A word's places on one page, in order: positions, and the weights Pagefind stores (or metadata field numbers). */
interface Places {
  positions: number[];
  weights: number[];
}

/** A page's words and their places; places of a form with diacritics are kept apart, by stored word and form. */
interface PageWords {
  plain: Map<string, Places>;
  variants: Map<string, Map<string, Places>>;
}

function newPageWords(): PageWords {
  return { plain: new Map(), variants: new Map() };
}

/** Record a place in the places of `key`, which are made when it has none yet. */
function addTo(map: Map<string, Places>, key: string, position: number, weight: number): void {
  let places = map.get(key);
  if (!places) map.set(key, (places = { positions: [], weights: [] }));
  places.positions.push(position);
  places.weights.push(weight);
}

function addPlainPlace(words: PageWords, word: string, position: number, weight: number): void {
  addTo(words.plain, word, position, weight);
}

function addPlace(words: PageWords, entry: IndexableWord, position: number, weight: number): void {
  if (entry.original === undefined) return addPlainPlace(words, entry.word, position, weight);
  let forms = words.variants.get(entry.word);
  if (!forms) words.variants.set(entry.word, (forms = new Map()));
  addTo(forms, entry.original, position, weight);
}

/** `indexableWords`, remembered: a page's words repeat, and so do a bulletin's. */
type WordCache = Map<string, IndexableWord[]>;

function indexableOf(raw: string, cache: WordCache): IndexableWord[] {
  let words = cache.get(raw);
  if (!words) cache.set(raw, (words = indexableWords(raw)));
  return words;
}

/** The words of a page with their places, and its word count (the last position + 1). */
function placeWords(page: IndexPage, cache: WordCache): { words: PageWords; wordCount: number } {
  const words = newPageWords();
  let position = 0;
  let last = 0;
  for (const section of page.sections) {
    const weight = storedWeight(section.weight);
    for (const raw of section.words) {
      // Most words of a Chinese text: stored as they are, without a cache lookup or an object per place.
      if (isStoredAsIs(raw)) {
        addPlainPlace(words, raw, position, weight);
        last = position++;
        continue;
      }
      const word = raw.includes('\u200b') ? raw.replaceAll('\u200b', '') : raw;
      if (!word) continue;
      const indexable = indexableOf(word, cache);
      let parts = 0;
      for (const entry of indexable) if (entry.part) parts++;
      const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / parts)) : 0;
      for (const entry of indexable) addPlace(words, entry, position, entry.part ? partWeight : weight);
      last = position;
      position++;
    }
  }
  return { words, wordCount: last + 1 };
}

/** The words of the page's metadata values: positions within each field, the field's number in place of a weight. */
function placeMetaWords(page: IndexPage, fields: readonly string[], cache: WordCache): PageWords {
  const words = newPageWords();
  for (const [name, value] of Object.entries(page.meta)) {
    const field = fields.indexOf(name);
    let position = 0;
    for (const raw of value.split(whitespace)) {
      if (!raw) continue;
      for (const entry of indexableOf(raw, cache)) addPlace(words, entry, position, field);
      position++;
    }
  }
  return words;
}

/** Indices of places in Pagefind's order: by weight (its common weight 25 first), then position. */
function placeOrder({ positions, weights }: Places): number[] | undefined {
  const first = weights[0];
  if (weights.every((weight) => weight === first)) return undefined;
  const key = (index: number) => (weights[index] === 25 ? 0 : weights[index]!);
  return positions.map((_, index) => index).sort((a, b) => key(a) - key(b) || positions[a]! - positions[b]!);
}

/** A page's places as Pagefind packs them: a negative number before each change of weight, positions as differences. */
function packPlaces(places: Places | undefined): number[] {
  if (!places) return [];
  const order = placeOrder(places);
  const packed: number[] = [];
  let weight = 25;
  let last = 0;
  for (let step = 0; step < places.positions.length; step++) {
    const index = order ? order[step]! : step;
    const position = places.positions[index]!;
    const placeWeight = places.weights[index]!;
    if (placeWeight !== weight) {
      packed.push(-placeWeight - 1, position);
      weight = placeWeight;
    } else {
      packed.push(position - last);
    }
    last = position;
  }
  return packed;
}

/** Metadata places: a negative number names each field, then positions as differences within it. */
function packMetaPlaces(places: Places | undefined): number[] {
  if (!places) return [];
  const { positions, weights: fields } = places;
  const order = positions.map((_, index) => index).sort((a, b) => fields[a]! - fields[b]! || positions[a]! - positions[b]!);
  const packed: number[] = [];
  let field: number | undefined;
  let last = 0;
  for (const index of order) {
    if (fields[index] !== field) {
      packed.push(-fields[index]! - 1);
      field = fields[index];
      last = 0;
    }
    packed.push(positions[index]! - last);
    last = positions[index]!;
  }
  return packed;
}

/** A run being packed: where its page entries lie in the shard's buffer, as it grows. */
interface OpenRun {
  pages: number;
  entries: number;
  first: number;
  last: number;
  /** Start and end of each stretch of the buffer that holds its entries. */
  stretches: number[];
}

interface OpenWord {
  run: OpenRun | undefined;
  variants: Map<string, OpenRun>;
}

/** Pack one page's entry for a run: the page as a difference from the run's last one. */
function packEntry(
  writer: CborWriter,
  run: OpenRun | undefined,
  page: number,
  text: Places | undefined,
  meta: Places | undefined,
): OpenRun {
  const open = run ?? { pages: 0, entries: 0, first: page, last: 0, stretches: [] };
  const locs = packPlaces(text);
  const metaLocs = packMetaPlaces(meta);
  const start = writer.offset;
  writer.array(3);
  writer.integer(open.pages === 0 ? page : page - open.last);
  writer.integers(locs);
  writer.integers(metaLocs);
  const stretches = open.stretches;
  // Entries of a word on consecutive pages often lie one after the other: one stretch for them.
  if (stretches.length > 0 && stretches[stretches.length - 1] === start) stretches[stretches.length - 1] = writer.offset;
  else stretches.push(start, writer.offset);
  open.pages++;
  open.entries += locs.length + metaLocs.length + 1;
  open.last = page;
  return open;
}

/**
 * The fragment's JSON as Pagefind writes it: fields in its order, maps by sorted key, no empty
 * filters; then the site's own fields where a page has them, which Pagefind's script hands on
 * with the rest (a result's data()).
 */
function fragmentJson(page: IndexPage, wordCount: number): string {
  const filters = Object.keys(page.filters)
    .sort(compareWords)
    .filter((name) => page.filters[name]!.length > 0);
  return JSON.stringify({
    url: page.url,
    content: page.content,
    word_count: wordCount,
    filters: Object.fromEntries(filters.map((name) => [name, [...page.filters[name]!]])),
    meta: Object.fromEntries(
      Object.keys(page.meta)
        .sort(compareWords)
        .map((name) => [name, page.meta[name]!]),
    ),
    anchors: [],
    ...(page.cut ? { cut: true } : {}),
    ...(page.texts ? { texts: page.texts } : {}),
  });
}

/** A shard of `pages`, numbered in the order given; each page's fragment goes to `saveFragment`. */
export function buildShard(pages: readonly IndexPage[], saveFragment: SaveFragment): IndexShard {
  const metaFields = [...new Set(pages.flatMap((page) => Object.keys(page.meta)))].sort(compareWords);
  const writer = new CborWriter(1 << 22);
  const words = new Map<string, OpenWord>();
  const wordOf = (word: string) => {
    let open = words.get(word);
    if (!open) words.set(word, (open = { run: undefined, variants: new Map() }));
    return open;
  };
  const filters = new Map<string, Map<string, number[]>>();
  const shardPages: IndexShard['pages'] = [];
  const cache: WordCache = new Map();

  for (const [number, page] of pages.entries()) {
    const { words: text, wordCount } = placeWords(page, cache);
    const meta = placeMetaWords(page, metaFields, cache);
    // A word's places in the text and in the metadata are one entry of the page, as in Pagefind.
    for (const [word, places] of text.plain) {
      const open = wordOf(word);
      open.run = packEntry(writer, open.run, number, places, meta.plain.get(word));
    }
    for (const [word, places] of meta.plain) {
      if (text.plain.has(word)) continue;
      const open = wordOf(word);
      open.run = packEntry(writer, open.run, number, undefined, places);
    }
    for (const word of new Set([...text.variants.keys(), ...meta.variants.keys()])) {
      const textForms = text.variants.get(word);
      const metaForms = meta.variants.get(word);
      const forms = [...new Set([...(textForms?.keys() ?? []), ...(metaForms?.keys() ?? [])])];
      // Pagefind adds a page's forms in order, those in its text before those only in metadata.
      const inText = forms.filter((form) => textForms?.has(form)).sort(compareWords);
      const onlyMeta = forms.filter((form) => !textForms?.has(form)).sort(compareWords);
      const open = wordOf(word);
      for (const form of [...inText, ...onlyMeta]) {
        open.variants.set(form, packEntry(writer, open.variants.get(form), number, textForms?.get(form), metaForms?.get(form)));
      }
    }
    for (const [filter, values] of Object.entries(page.filters)) {
      if (values.length === 0) continue;
      let byValue = filters.get(filter);
      if (!byValue) filters.set(filter, (byValue = new Map()));
      for (const value of values) {
        const list = byValue.get(value);
        if (list) list.push(number);
        else byValue.set(value, [number]);
      }
    }
    const fragment = packBytes(textEncoder.encode(fragmentJson(page, wordCount)));
    shardPages.push({ fragment: saveFragment(fragment), wordCount });
  }

  // Each run's stretches, gathered into one place in the order of words.
  const buffer = writer.bytes;
  const out = new CborWriter(writer.offset);
  const close = (run: OpenRun): PackedRun => {
    const start = out.offset;
    for (let index = 0; index < run.stretches.length; index += 2) out.copy(buffer, run.stretches[index]!, run.stretches[index + 1]!);
    return { pages: run.pages, entries: run.entries, first: run.first, last: run.last, start, end: out.offset };
  };
  const shardWords = ShardWords.fromList(
    [...words.keys()].sort(compareWords).map((word): ShardWord => {
      const open = words.get(word)!;
      return { word, run: open.run && close(open.run), variants: [...open.variants].map(([form, run]) => [form, close(run)]) };
    }),
  );
  const sortNames = [...new Set(pages.flatMap((page) => Object.keys(page.sort)))].sort(compareWords);
  return {
    metaFields,
    pages: shardPages,
    words: shardWords,
    filters: [...filters.entries()].map(([name, values]) => [name, [...values.entries()]]),
    sorts: sortNames.map((name) => [name, pages.map((page) => page.sort[name] ?? null)]),
    bytes: out.finish(),
  };
}

/**
 * The layout of a shard's file; a file of another is indexed anew. The words are stored as the
 * flat arrays they are held in (shard-words.ts), so reading a shard back decodes a few large
 * values instead of three small arrays a word. A rebuild reads back every unchanged shard: on
 * 19,900 articles (80 shards, 218 MB), decoding them all takes 95 ms so, and took 195 ms with a
 * value a word (medians of 7).
 */
const shardLayout = 2;

const runArray = (run: PackedRun): number[] => [run.pages, run.entries, run.first, run.last, run.start, run.end];
const arrayRun = (value: CborValue): PackedRun => {
  const [pages, entries, first, last, start, end] = value as number[];
  return { pages: pages!, entries: entries!, first: first!, last: last!, start: start!, end: end! };
};

/** The bytes of an array of numbers, in this machine's byte order (shards are a local cache, never moved). */
const arrayBytes = (array: Uint32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
/** The numbers again, copied when the bytes do not start on a four-byte boundary. */
const bytesArray = (bytes: Uint8Array): Uint32Array =>
  bytes.byteOffset % 4 === 0
    ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
    : new Uint32Array(bytes.slice().buffer);

/** A shard as the bytes of one file. */
export function encodeShard(shard: IndexShard): Uint8Array {
  const { text, ends, runs, forms } = shard.words.parts();
  return encodeCbor([
    shardLayout,
    shard.metaFields,
    shard.pages.map((page) => [page.fragment, page.wordCount]),
    [
      text,
      arrayBytes(ends),
      arrayBytes(runs),
      [...forms].map(([index, variants]) => [index, variants.map(([form, run]) => [form, runArray(run)])]),
    ],
    shard.filters,
    shard.sorts,
    shard.bytes,
  ]);
}

/** A shard read back from its file's bytes; undefined when the file is of another layout. */
export function decodeShard(bytes: Uint8Array): IndexShard | undefined {
  const value = decodeCbor(bytes) as CborValue[];
  if (value[0] !== shardLayout) return undefined;
  const [, metaFields, pages, words, filters, sorts, packed] = value as [
    number,
    string[],
    [string, number][],
    [string, Uint8Array, Uint8Array, [number, [string, CborValue][]][]],
    IndexShard['filters'],
    IndexShard['sorts'],
    Uint8Array,
  ];
  const [text, ends, runs, forms] = words;
  return {
    metaFields,
    pages: pages.map(([fragment, wordCount]) => ({ fragment, wordCount })),
    words: ShardWords.fromParts({
      text,
      ends: bytesArray(ends),
      runs: bytesArray(runs),
      forms: new Map(forms.map(([index, variants]) => [index, variants.map(([form, run]) => [form, arrayRun(run)])])),
    }),
    filters,
    sorts,
    bytes: packed,
  };
}
