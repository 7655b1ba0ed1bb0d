/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers,
 * text strings and arrays (its structures are encoded as arrays of their fields), and null;
 * and what the site's shard files add: byte strings and booleans. Small and fast enough to
 * read and write a whole index in a build.
 */

/** A decoded value: what Pagefind's files hold. */
export type CborValue = number | string | null | boolean | Uint8Array | CborValue[];

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

/** Decode one CBOR value from `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  return decoder(bytes).read();
}

/** Decode the CBOR values that follow one another in `bytes`. */
export function decodeCborSequence(bytes: Uint8Array): CborValue[] {
  const { read, done } = decoder(bytes);
  const values: CborValue[] = [];
  while (!done()) values.push(read());
  return values;
}

function decoder(bytes: Uint8Array): { read: () => CborValue; done: () => boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[offset++]!;
    if (info === 25) return (offset += 2), view.getUint16(offset - 2);
    if (info === 26) return (offset += 4), view.getUint32(offset - 4);
    if (info === 27) return (offset += 8), Number(view.getBigUint64(offset - 8));
    throw new Error(`CBOR: indefinite or reserved length ${info} at byte ${offset}`);
  };
  const read = (): CborValue => {
    const initial = bytes[offset++];
    if (initial === undefined) throw new Error('CBOR: unexpected end of data');
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const size = length(info);
        offset += size;
        return bytes.subarray(offset - size, offset);
      }
      case 3: {
        const size = length(info);
        offset += size;
        return textDecoder.decode(bytes.subarray(offset - size, offset));
      }
      case 4: {
        const size = length(info);
        const items = new Array<CborValue>(size);
        for (let index = 0; index < size; index++) items[index] = read();
        return items;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22 || info === 23) return null;
        throw new Error(`CBOR: unsupported simple value ${info}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  return { read, done: () => offset >= bytes.length };
}

/** A growing buffer that CBOR is written into; one per encoding. Typed writes for hot, known shapes; `write` for any value. */
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

  write(item: CborValue): void {
    if (typeof item === 'number') {
      this.integer(item);
    } else if (typeof item === 'string') {
      this.string(item);
    } else if (Array.isArray(item)) {
      const length = item.length;
      this.head(4, length);
      for (let index = 0; index < length; index++) {
        const element = item[index]!;
        if (typeof element === 'number') this.integer(element);
        else this.write(element);
      }
    } else if (item instanceof Uint8Array) {
      this.head(2, item.length);
      this.reserve(item.length);
      this.bytes.set(item, this.offset);
      this.offset += item.length;
    } else {
      this.reserve(1);
      this.bytes[this.offset++] = item === null ? 0xf6 : item ? 0xf5 : 0xf4;
    }
  }
}

/** Encode a value as CBOR. */
export function encodeCbor(value: CborValue): Uint8Array {
  const writer = new CborWriter();
  writer.write(value);
  return writer.finish();
}
