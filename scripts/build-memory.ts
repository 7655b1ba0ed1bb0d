/**
 * How a build's process is told to give memory back, so that a 50,000-article build stays
 * within 2 GiB: what each setting saved is in docs/performance.md (“50,000 篇：峰值内存降到
 * 2 GiB 以内”). None of them changes what the build writes. A setting the caller's environment
 * already has is kept.
 */

/**
 * Node's options for a build (V8's options are the process's: both threads take them). V8 lets
 * a heap grow to up to four times what it held after its last full collection before the next
 * one when its limit is as high as ours (scripts/astro.ts): at 50,000 articles the main thread's
 * heap reached 1 GB with 340 MB alive while the articles were rendered, and the index thread's
 * 230 MB with 45 MB. Twice what it held is enough: half as much again made the index thread
 * collect four times as often (52 s of pauses in all at 50,000 against 25 s) for no memory the
 * measurements could tell. Semi-spaces of 32 MB instead of the 64 V8 takes for a limit this high
 * keep 64 MB less on the main thread, and give the index thread more than the 16 MB young
 * generation its own limit asks for (index-worker.ts), which it outgrew dozens of times a
 * second. Measured at 10,000 articles, the two threads' collections paused them 12.5 s in all
 * without these options, 5.0 s with them.
 */
export const buildNodeOptions: readonly string[] = ['--heap-growing-percent=100', '--max-semi-space-size=32'];

/**
 * The environment a build adds. glibc serves allocations below a threshold from its heaps, which
 * keep what is freed, and raises that threshold (up to 32 MB) whenever it frees a larger block:
 * at 50,000 articles, the index thread's articles (posted a shard at a time, 1.3 MB each) stayed
 * in the main thread's heap after the thread had read them, some 200 MB. A fixed threshold of
 * 128 KB (glibc's own default) gives every larger block back when it is freed. Rolldown (Vite's
 * bundler) keeps what it freed for a while before it gives it back (mimalloc's purge delay), and
 * is not called again once the pages are bundled: some 90 MB held through the whole rendering.
 */
export function buildEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const tunable = 'glibc.malloc.mmap_threshold=131072';
  const tunables = env['GLIBC_TUNABLES'];
  return {
    GLIBC_TUNABLES: tunables ? (tunables.includes('glibc.malloc.mmap_threshold=') ? tunables : `${tunables}:${tunable}`) : tunable,
    MIMALLOC_PURGE_DELAY: env['MIMALLOC_PURGE_DELAY'] ?? '0',
  };
}
