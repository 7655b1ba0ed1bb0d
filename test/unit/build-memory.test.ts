import { expect, test } from 'vitest';
import { buildEnvironment } from '../../scripts/build-memory.ts';

test("a build's environment fixes glibc's threshold and rolldown's purge delay, keeping what the caller set", () => {
  expect(buildEnvironment({})).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072', MIMALLOC_PURGE_DELAY: '0' });
  expect(buildEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2', MIMALLOC_PURGE_DELAY: '50' })).toEqual({
    GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=131072',
    MIMALLOC_PURGE_DELAY: '50',
  });
  expect(buildEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' }).GLIBC_TUNABLES).toBe(
    'glibc.malloc.mmap_threshold=65536',
  );
});
