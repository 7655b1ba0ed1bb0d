/**
 * The places of a very common word, kept only on the pages where it weighs most. "党建" is on
 * nearly every page of a party-building bulletin, and its places on 49,750 pages made a chunk of
 * 954 KB that every search with 党建 in it fetched; kept on the pages where it weighs most (in
 * titles, names, most often in the body), the chunk is a few KB. Every page stays listed, so
 * the word still finds them all and its rarity (IDF) is unchanged; a page without its places is
 * ranked by the query's other words, and a phrase that needs the places is checked by the
 * search page against the page's text (phrase-check.ts).
 *
 * Works on page entries as index-shard.ts packs them: [page, places, metadata places], places
 * grouped by weight, each group opened by a negative weight marker and an absolute position.
 * Metadata places (whole values of a result's fields, such as its title) are always kept.
 */
import { CborWriter } from './cbor.ts';

/** Pagefind's weight of places before any marker. */
const defaultWeight = 25;

/** A run of page entries in a shard's bytes, and how to number its pages in the index. */
export interface EntryRun {
  bytes: Uint8Array;
  start: number;
  pages: number;
  /** Added to the run's page numbers (its first is within the shard, the rest differences). */
  offset: number;
  /** The shard's metadata field numbers → the index's, where they differ. */
  fields: readonly number[] | undefined;
}

/** A word's page entries rewritten with fewer places. */
export interface CappedEntries {
  pages: number;
  /** Places and pages, as Pagefind counts them to cut chunks. */
  entries: number;
  /** The entries, one after the other (the caller writes the array's head). */
  bytes: Uint8Array;
}

/** Reads the CBOR integers and array heads page entries are made of. */
class EntryReader {
  private readonly bytes: Uint8Array;
  at: number;
  /** The major type of the last head read. */
  major = 0;

  constructor(bytes: Uint8Array, at: number) {
    this.bytes = bytes;
    this.at = at;
  }

  /** A head's count (arrays) or value (integers). */
  head(): number {
    const initial = this.bytes[this.at++]!;
    this.major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8;
    let value = 0;
    for (let index = 0; index < size; index++) value = value * 256 + this.bytes[this.at++]!;
    return value;
  }

  integer(): number {
    const value = this.head();
    return this.major === 1 ? -1 - value : value;
  }
}

/**
 * Each entry's page in the index, places and their summed weights, and where in its run's bytes
 * its places and metadata places lie, so that writing the entries again copies bytes instead
 * of reading every place a second time.
 */
interface Tally {
  numbers: Uint32Array;
  places: Uint32Array;
  weights: Float64Array;
  /** The places' array, head included, and its length (weight markers counted). */
  placesAt: Uint32Array;
  values: Uint32Array;
  /** The metadata places' array, head included, up to the entry's end; at the end when there is none. */
  metaAt: Uint32Array;
  ends: Uint32Array;
  metaValues: Uint32Array;
}

function tallyEntries(runs: readonly EntryRun[], pages: number): Tally {
  const tally: Tally = {
    numbers: new Uint32Array(pages),
    places: new Uint32Array(pages),
    weights: new Float64Array(pages),
    placesAt: new Uint32Array(pages),
    values: new Uint32Array(pages),
    metaAt: new Uint32Array(pages),
    ends: new Uint32Array(pages),
    metaValues: new Uint32Array(pages),
  };
  let entry = 0;
  for (const run of runs) {
    const reader = new EntryReader(run.bytes, run.start);
    let page = run.offset;
    for (let index = 0; index < run.pages; index++, entry++) {
      const fields = reader.head();
      page += reader.integer();
      tally.numbers[entry] = page;
      tally.placesAt[entry] = reader.at;
      let weight = defaultWeight;
      let places = 0;
      let weights = 0;
      const values = reader.head();
      for (let count = values; count > 0; count--) {
        const value = reader.integer();
        if (value < 0) {
          weight = -value - 1;
        } else {
          places++;
          weights += weight;
        }
      }
      tally.values[entry] = values;
      tally.places[entry] = places;
      tally.weights[entry] = weights;
      tally.metaAt[entry] = reader.at;
      if (fields >= 3) {
        const metaValues = reader.head();
        tally.metaValues[entry] = metaValues;
        for (let count = metaValues; count > 0; count--) reader.integer();
      }
      tally.ends[entry] = reader.at;
    }
  }
  return tally;
}

/**
 * Which entries keep their places: by weight, most first, while the places kept stay within
 * `cap`; among entries of the weight where it runs out, the newest (the index numbers pages by
 * date). A word is on tens of thousands of pages with a few hundred different weights: the
 * weights are sorted, not the pages.
 */
function chooseKept({ places, weights }: Tally, cap: number): Uint8Array {
  const placesByWeight = new Map<number, number>();
  weights.forEach((weight, entry) => placesByWeight.set(weight, (placesByWeight.get(weight) ?? 0) + places[entry]!));
  let used = 0;
  let threshold = Number.POSITIVE_INFINITY;
  for (const weight of [...placesByWeight.keys()].sort((a, b) => b - a)) {
    if (used + placesByWeight.get(weight)! > cap) {
      threshold = weight;
      break;
    }
    used += placesByWeight.get(weight)!;
  }
  const kept = new Uint8Array(places.length);
  for (let entry = places.length - 1; entry >= 0; entry--) {
    const weight = weights[entry]!;
    if (weight > threshold) kept[entry] = 1;
    else if (weight === threshold && used + places[entry]! <= cap) {
      kept[entry] = 1;
      used += places[entry]!;
    }
  }
  return kept;
}

/**
 * The entries of `runs` (a word's pages in index order) with places only on the pages where the
 * word weighs most, `cap` places at most; undefined when the word has no more than `cap` anyway.
 */
export function capPlaces(runs: readonly EntryRun[], cap: number): CappedEntries | undefined {
  const pages = runs.reduce((sum, run) => sum + run.pages, 0);
  const tally = tallyEntries(runs, pages);
  let total = 0;
  for (const count of tally.places) total += count;
  if (total <= cap) return undefined;
  const kept = chooseKept(tally, cap);
  const writer = new CborWriter(pages * 6 + cap * 3);
  const meta: number[] = [];
  let entries = 0;
  let entry = 0;
  let last = 0;
  for (const run of runs) {
    const { bytes } = run;
    for (let index = 0; index < run.pages; index++, entry++) {
      const page = tally.numbers[entry]!;
      writer.array(3);
      writer.integer(page - last);
      last = page;
      const metaAt = tally.metaAt[entry]!;
      const end = tally.ends[entry]!;
      if (kept[entry]) writer.copy(bytes, tally.placesAt[entry]!, metaAt);
      else writer.array(0);
      if (metaAt === end) {
        writer.array(0);
      } else if (!run.fields) {
        writer.copy(bytes, metaAt, end);
      } else {
        // Metadata fields numbered as the index numbers them.
        meta.length = 0;
        const reader = new EntryReader(bytes, metaAt);
        for (let place = reader.head(); place > 0; place--) {
          const value = reader.integer();
          meta.push(value < 0 ? -(run.fields[-value - 1]! + 1) : value);
        }
        writer.integers(meta);
      }
      entries += 1 + (kept[entry] ? tally.values[entry]! : 0) + tally.metaValues[entry]!;
    }
  }
  return { pages, entries, bytes: writer.finish() };
}
