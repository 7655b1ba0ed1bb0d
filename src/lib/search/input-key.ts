/**
 * A 64-bit key of what a part of the index is made from, fed number by number as the merge reads
 * it: a rebuild compares it with the earlier merge's to keep a chunk without reading its places
 * again. Two 32-bit lanes (FNV-1a and a multiply-xorshift) rather than SHA-256, whose call per
 * word of a 50,000-article index cost seconds. Not proof against chosen collisions; the merge
 * also compares the chunk's first and last words and its size before it keeps one.
 */
export class InputKey {
  private a = 0x811c9dc5;
  private b = 0x9e3779b9;

  /** Add a whole number (up to 2^53). */
  number(value: number): this {
    this.mix(value >>> 0);
    this.mix(Math.floor(value / 0x100000000) >>> 0);
    return this;
  }

  string(text: string): this {
    this.number(text.length);
    for (let index = 0; index < text.length; index++) this.mix(text.charCodeAt(index));
    return this;
  }

  /** Add bytes, four at a time. */
  bytes(bytes: Uint8Array): this {
    this.number(bytes.length);
    const whole = bytes.length & ~3;
    let index = 0;
    for (; index < whole; index += 4)
      this.mix(bytes[index]! | (bytes[index + 1]! << 8) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 24));
    for (; index < bytes.length; index++) this.mix(bytes[index]!);
    return this;
  }

  /** Add another key as it stands. */
  key(other: InputKey): this {
    this.mix(other.a);
    this.mix(other.b);
    return this;
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }

  private mix(value: number): void {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    let b = Math.imul(this.b ^ value, 0x5bd1e995);
    b ^= b >>> 15;
    this.b = Math.imul(b, 0x27d4eb2d) + 0x165667b1;
  }
}
