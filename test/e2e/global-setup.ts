import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../build/build-site.ts';
import { chromiumPath, startPreview } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built sample bulletin, served by `astro preview`. */
    sampleUrl: string;
    /** The folder the sample bulletin was built into. */
    sampleDist: string;
  }
}

/** Build the sample bulletin once for every browser test, and serve it. */
export default async function setup(project: TestProject) {
  // A machine without Chromium is told now, not after the sample is built.
  chromiumPath();
  const sampleDir = fileURLToPath(new URL('../../content/', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-sample-'));
  const build = buildSite(sampleDir, outDir);
  if (build.status !== 0) throw new Error(`the sample bulletin did not build:\n${build.output}`);
  const preview = await startPreview(outDir, sampleDir);
  project.provide('sampleUrl', preview.url);
  project.provide('sampleDist', outDir);
  return () => preview.stop();
}
