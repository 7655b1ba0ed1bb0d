// @ts-check
import { defineConfig } from 'astro/config';

// Defaults everywhere; only the cache is moved out of the repository, so the benchmark can keep
// it between a build and a rebuild and delete it afterwards.
export default defineConfig({
  site: 'https://dangjian.example.cn',
  ...(process.env.BENCH_PEER_CACHE ? { cacheDir: process.env.BENCH_PEER_CACHE } : {}),
});
