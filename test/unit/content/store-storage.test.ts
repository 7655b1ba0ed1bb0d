import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentStoreStorage, storageFor } from '../../../src/lib/content/store-storage.ts';

describe('the content store’s storage', () => {
  test('is one file for 50,000 articles without pictures, and chunks once pictures could make it long', () => {
    expect(storageFor(50_000, 0)).toBe('single-file');
    expect(storageFor(50_000, 2_000)).toBe('single-file');
    expect(storageFor(50_000, 5_000)).toBe('chunked');
    expect(storageFor(200_000, 0)).toBe('chunked');
  });

  const root = mkdtempSync(join(tmpdir(), 'store-storage-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('counts the articles under articles/ and the pictures anywhere in the folder', () => {
    const folder = join(root, 'content');
    mkdirSync(join(folder, 'articles', '2025', '12'), { recursive: true });
    mkdirSync(join(folder, 'images', '2025'), { recursive: true });
    writeFileSync(join(folder, 'articles', '2025', '12', '20251201-a.md'), '');
    expect(contentStoreStorage(folder)).toBe('single-file');
    // 4,100 pictures of 32 KB at most each pass 128 MB, wherever they are.
    for (let index = 0; index < 4_100; index++) {
      const where = index % 2 === 0 ? join(folder, 'images', '2025') : join(folder, 'articles', '2025', '12');
      writeFileSync(join(where, `p${index}.JPG`), '');
    }
    expect(contentStoreStorage(folder)).toBe('chunked');
  });

  test('does not count what a build, git or npm put in a content repository', () => {
    const repository = join(root, 'repository');
    // 4,200 pictures in all, past the 4,096 that chunk the store, were they counted.
    for (const built of ['dist/_astro', '.git/objects', 'node_modules/some-package']) {
      mkdirSync(join(repository, built), { recursive: true });
      for (let index = 0; index < 1_400; index++) writeFileSync(join(repository, built, `p${index}.webp`), '');
    }
    expect(contentStoreStorage(repository)).toBe('single-file');
  });

  test('is one file for a folder that is not there (the content loader says why)', () => {
    expect(contentStoreStorage(join(root, 'missing'))).toBe('single-file');
  });
});
