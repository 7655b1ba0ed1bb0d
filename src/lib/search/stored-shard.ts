/**
 * A shard as a build's merge holds it: everything but its packed runs, which stay in the
 * shard's file and are read back a window at a time as the merge comes to them
 * (merge-index.ts's RunSource). The runs are most of a shard, and a clean build merges all of
 * its shards at once: at 50,000 articles, 454 MiB of runs in 199 shards against 66 MiB of word
 * tables. A shard file holds its runs as the last value of its CBOR (encodeShard), so they are
 * the file's last bytes; a file of which that is not so is held whole, as before.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeShard, type IndexShard } from './index-shard.ts';
import type { MergeShard, RunSource } from './merge-index.ts';

/**
 * How much of a shard's runs one read brings in (more when one run is longer): 199 shards hold
 * 13 MiB so, and the merge of 454 MiB of runs reads about 7,000 times.
 */
const defaultWindow = 1 << 16;

/** Runs `length` bytes long, at `offset` in `file`. */
class FileRuns implements RunSource {
  private buffer = new Uint8Array(0);
  private readonly view = { bytes: this.buffer, base: 0 };
  private readonly file: string;
  private readonly offset: number;
  private readonly length: number;
  private readonly windowBytes: number;

  constructor(file: string, offset: number, length: number, windowBytes: number) {
    this.file = file;
    this.offset = offset;
    this.length = length;
    this.windowBytes = windowBytes;
  }

  window(start: number, end: number): { bytes: Uint8Array; base: number } {
    const { view } = this;
    if (start >= view.base && end <= view.base + view.bytes.length) return view;
    if (start < 0 || end > this.length || start > end) throw new Error(`${this.file}: no run at ${start}..${end}`);
    const size = Math.min(Math.max(this.windowBytes, end - start), this.length - start);
    if (this.buffer.length < size) this.buffer = new Uint8Array(size);
    const descriptor = openSync(this.file, 'r');
    try {
      for (let read = 0; read < size;) {
        const got = readSync(descriptor, this.buffer, read, size - read, this.offset + start + read);
        if (got === 0) throw new Error(`${this.file}: shorter than its runs`);
        read += got;
      }
    } finally {
      closeSync(descriptor);
    }
    view.bytes = this.buffer.subarray(0, size);
    view.base = start;
    return view;
  }
}

/**
 * `shard` without its runs, which `file` (holding `encoded`, the shard's encodeShard bytes)
 * keeps; the shard itself when they are not the file's last bytes. `windowBytes` is for tests.
 */
export function storedShard(shard: IndexShard, file: string, encoded: Uint8Array, windowBytes = defaultWindow): MergeShard {
  const offset = encoded.length - shard.bytes.length;
  if (offset < 0 || Buffer.compare(encoded.subarray(offset), shard.bytes) !== 0) return shard;
  const { bytes, ...rest } = shard;
  return { ...rest, runs: new FileRuns(file, offset, bytes.length, windowBytes) };
}

/** A shard file read back for a merge; undefined when it is of an older layout (decodeShard). */
export function readStoredShard(file: string, windowBytes = defaultWindow): MergeShard | undefined {
  const encoded = readFileSync(file);
  const shard = decodeShard(encoded);
  return shard && storedShard(shard, file, encoded, windowBytes);
}
