import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/**
 * Write a file aside and rename it into place: an interrupted build never leaves half a file
 * under a name the next build would take as whole (caches are read back without checks). Not
 * write-file-atomic: it adds an fsync to every file, and a cache that a crash loses is only rebuilt.
 */
export function writeWhole(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.partial`, data);
  renameSync(`${path}.partial`, path);
}

/** `writeWhole` without blocking: for files written by the thousand while other work goes on. */
export async function writeWholeLater(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.partial`, data);
  await rename(`${path}.partial`, path);
}
