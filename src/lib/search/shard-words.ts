/**
 * A shard's words in Pagefind's order, held as a few flat arrays rather than an object a word:
 * a clean build holds every shard in memory until the merge, and at 50,000 articles that is
 * 199 shards of tens of thousands of words each. Measured on 20,000 articles indexed alone: the
 * heap in use when the merge starts, 259 MiB with an object, a run and a list of forms a word,
 * 133 MiB so.
 */

/**
 * A word's (or one of its forms') packed pages in a shard: CBOR page entries [page, places,
 * metadata places], the first page numbered within the shard and the others as differences,
 * at `start`..`end` of the shard's bytes.
 */
export interface PackedRun {
  pages: number;
  /** Places and pages, as Pagefind counts them to cut chunks. */
  entries: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

/** A word as a shard is built or read: its runs, and those of its forms with diacritics. */
export interface ShardWord {
  word: string;
  /** Places of the word as stored; undefined when it only occurs with diacritics. */
  run: PackedRun | undefined;
  /** Places of forms with diacritics, by form, in Pagefind's order. */
  variants: [form: string, run: PackedRun][];
}

const runFields = 6;
const noVariants: readonly [string, PackedRun][] = Object.freeze([]);

/** The arrays a shard's words are held in, as its file stores them. */
export interface ShardWordParts {
  /** Every word, one after the other. */
  text: string;
  /** Where each word ends in `text`. */
  ends: Uint32Array;
  /** Each word's run as pages, entries, first, last, start, end; no pages where it has none. */
  runs: Uint32Array;
  /** The few words with forms with diacritics, by number. */
  forms: Map<number, [string, PackedRun][]>;
}

export class ShardWords {
  private readonly text: string;
  private readonly ends: Uint32Array;
  private readonly runs: Uint32Array;
  private readonly forms: Map<number, [string, PackedRun][]>;

  private constructor(parts: ShardWordParts) {
    this.text = parts.text;
    this.ends = parts.ends;
    this.runs = parts.runs;
    this.forms = parts.forms;
  }

  /** The words of a list, in its order. */
  static fromList(list: readonly ShardWord[]): ShardWords {
    const ends = new Uint32Array(list.length);
    const runs = new Uint32Array(list.length * runFields);
    const forms = new Map<number, [string, PackedRun][]>();
    let end = 0;
    list.forEach(({ word, run, variants }, index) => {
      end += word.length;
      ends[index] = end;
      if (run) runs.set([run.pages, run.entries, run.first, run.last, run.start, run.end], index * runFields);
      if (variants.length > 0) forms.set(index, variants);
    });
    // Joined at once, one flat string: built up piece by piece, it would hold every piece.
    return new ShardWords({ text: list.map(({ word }) => word).join(''), ends, runs, forms });
  }

  /** The words as read back from their arrays. */
  static fromParts(parts: ShardWordParts): ShardWords {
    if (parts.runs.length !== parts.ends.length * runFields) throw new Error('ShardWords: runs do not match the words');
    return new ShardWords(parts);
  }

  /** The arrays, for a file to store as they are. */
  parts(): ShardWordParts {
    return { text: this.text, ends: this.ends, runs: this.runs, forms: this.forms };
  }

  get length(): number {
    return this.ends.length;
  }

  word(index: number): string {
    return this.text.slice(index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }

  run(index: number): PackedRun | undefined {
    const at = index * runFields;
    const { runs } = this;
    if (runs[at] === 0) return undefined;
    return {
      pages: runs[at]!,
      entries: runs[at + 1]!,
      first: runs[at + 2]!,
      last: runs[at + 3]!,
      start: runs[at + 4]!,
      end: runs[at + 5]!,
    };
  }

  variants(index: number): readonly [string, PackedRun][] {
    return this.forms.get(index) ?? noVariants;
  }

  *[Symbol.iterator](): Generator<ShardWord> {
    for (let index = 0; index < this.length; index++)
      yield { word: this.word(index), run: this.run(index), variants: [...this.variants(index)] };
  }
}
