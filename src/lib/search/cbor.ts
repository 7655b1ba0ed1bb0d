/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers,
 * text strings and arrays (its structures are encoded as arrays of their fields), and null.
 * Small and fast enough to read and write a whole index in a build.
 */

/** A decoded value: what Pagefind's files hold. */
export type CborValue = number | string | null | boolean | Uint8Array | CborValue[];

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

/** Decode one CBOR value from `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborValue {
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
  return read();
}

/** Encode a value as CBOR. */
export function encodeCbor(value: CborValue): Uint8Array {
  let buffer = new Uint8Array(1 << 16);
  let view = new DataView(buffer.buffer);
  let offset = 0;
  const reserve = (size: number) => {
    if (offset + size <= buffer.length) return;
    let capacity = buffer.length * 2;
    while (capacity < offset + size) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(buffer.subarray(0, offset));
    buffer = grown;
    view = new DataView(buffer.buffer);
  };
  const head = (major: number, count: number) => {
    reserve(9);
    const type = major << 5;
    if (count < 24) buffer[offset++] = type | count;
    else if (count < 0x100) (buffer[offset++] = type | 24), (buffer[offset++] = count);
    else if (count < 0x10000) (buffer[offset++] = type | 25), view.setUint16(offset, count), (offset += 2);
    else if (count < 0x100000000) (buffer[offset++] = type | 26), view.setUint32(offset, count), (offset += 4);
    else (buffer[offset++] = type | 27), view.setBigUint64(offset, BigInt(count)), (offset += 8);
  };
  const write = (item: CborValue): void => {
    if (typeof item === 'number') {
      if (!Number.isSafeInteger(item)) throw new Error(`CBOR: only integers are written, not ${item}`);
      if (item >= 0) head(0, item);
      else head(1, -1 - item);
    } else if (typeof item === 'string') {
      const encoded = textEncoder.encode(item);
      head(3, encoded.length);
      reserve(encoded.length);
      buffer.set(encoded, offset);
      offset += encoded.length;
    } else if (Array.isArray(item)) {
      head(4, item.length);
      for (const element of item) write(element);
    } else if (item instanceof Uint8Array) {
      head(2, item.length);
      reserve(item.length);
      buffer.set(item, offset);
      offset += item.length;
    } else if (item === null) {
      reserve(1);
      buffer[offset++] = 0xf6;
    } else {
      reserve(1);
      buffer[offset++] = item ? 0xf5 : 0xf4;
    }
  };
  write(value);
  return buffer.slice(0, offset);
}
