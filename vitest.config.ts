import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every build writes Astro's generated folder (.astro/): test files run one at a time.
    fileParallelism: false,
    // One temporary folder for the whole run, removed at its end (test/temp-folder.ts).
    globalSetup: ['test/temp-folder.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 300_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/temp-folder.ts', 'test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
