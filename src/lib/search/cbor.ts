/**
 * CBOR (RFC 8949) as Pagefind's index files hold it: arrays, text, integers and byte strings.
 * Whole values are read and written by cborg, whose bytes are the same as the hand-written
 * encoder's it replaced. cbor-x is faster (on the 21 shard files of a 5,000-article build,
 * 53.6 MB: decode 66 ms and encode 44 ms against cborg's 167 and 103, the old code's 94 and 81;
 * medians of 5), but its optional native part is not on the registry our installs reach, and
 * `npm ci` then fails on the lockfile. cborg's slower decoding cost a rebuild at 19,900 articles
 * about half a second (reading the shards back and merging: 9.6 and 9.7 s, against 9.2 and 9.0);
 * shards now store their words as a few flat values (index-shard.ts), which cborg decodes in
 * half the time the old code took with a value a word.
 *
 * `CborWriter` stays our own: the index writes each word's postings into one growing buffer as
 * pages are read, and the merge copies runs of them from shard to chunk as bytes, neither of
 * which a library that encodes whole values can do. Building the values instead would mean
 * decoding and re-encoding every posting (the whole 53.6 MB above, where the merge copies it),
 * and holding millions of small arrays on the heap that the packed buffers were made to avoid.
 */
import { decode, decodeFirst, encode } from 'cborg';

/** A decoded value: what Pagefind's files hold. */
export type CborValue = number | string | null | boolean | Uint8Array | CborValue[];

const textEncoder = new TextEncoder();

/** Decode one CBOR value from `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  return decode(bytes) as CborValue;
}

/** Decode the CBOR values that follow one another in `bytes`. */
export function decodeCborSequence(bytes: Uint8Array): CborValue[] {
  const values: CborValue[] = [];
  for (let rest = bytes; rest.length > 0;) {
    const [value, remainder] = decodeFirst(rest);
    values.push(value as CborValue);
    rest = remainder;
  }
  return values;
}

/** Encode a value as CBOR. */
export function encodeCbor(value: CborValue): Uint8Array {
  return encode(value);
}

/** A growing buffer that CBOR is written into, one typed write at a time; one per encoding. */
export class CborWriter {
  bytes: Uint8Array;
  offset = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(Math.max(capacity, 16));
  }

  reserve(size: number): void {
    if (this.offset + size <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.offset + size) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    grown.set(this.bytes.subarray(0, this.offset));
    this.bytes = grown;
  }

  /** A head: the major type and a count or value, in the fewest bytes. */
  head(major: number, count: number): void {
    if (this.offset + 9 > this.bytes.length) this.reserve(9);
    const { bytes } = this;
    const type = major << 5;
    if (count < 24) {
      bytes[this.offset++] = type | count;
    } else if (count < 0x100) {
      bytes[this.offset++] = type | 24;
      bytes[this.offset++] = count;
    } else if (count < 0x10000) {
      bytes[this.offset++] = type | 25;
      bytes[this.offset++] = count >>> 8;
      bytes[this.offset++] = count & 0xff;
    } else if (count < 0x100000000) {
      bytes[this.offset++] = type | 26;
      for (let shift = 24; shift >= 0; shift -= 8) bytes[this.offset++] = (count >>> shift) & 0xff;
    } else {
      bytes[this.offset++] = type | 27;
      new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(this.offset, BigInt(count));
      this.offset += 8;
    }
  }

  /** An integer; the small ones an index is mostly made of take one byte and no further checks. */
  integer(value: number): void {
    if (value >= -24 && value < 24 && (value | 0) === value) {
      if (this.offset >= this.bytes.length) this.reserve(1);
      this.bytes[this.offset++] = value >= 0 ? value : 0x20 | (-1 - value);
      return;
    }
    if (!Number.isSafeInteger(value)) throw new Error(`CBOR: only integers are written, not ${value}`);
    if (value >= 0) this.head(0, value);
    else this.head(1, -1 - value);
  }

  array(length: number): void {
    this.head(4, length);
  }

  string(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    this.head(3, length);
    if (this.offset + length > this.bytes.length) this.reserve(length);
    textEncoder.encodeInto(text, this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
  }

  /** An array of integers. */
  integers(values: readonly number[]): void {
    this.head(4, values.length);
    for (let index = 0; index < values.length; index++) this.integer(values[index]!);
  }

  /** Bytes already encoded, from `start` to `end` of `source`: copied without making a view of them. */
  copy(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.offset + length > this.bytes.length) this.reserve(length);
    if (Buffer.isBuffer(source)) source.copy(this.bytes, this.offset, start, end);
    else this.bytes.set(source.subarray(start, end), this.offset);
    this.offset += length;
  }

  /** What has been written. */
  finish(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.bytes, 0, this.offset);
  }
}
