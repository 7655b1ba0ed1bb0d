import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { fixtureDir } from '../unit/helpers.ts';
import { listFiles, userEnv } from './build-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Build a copy of the fixture bulletin from a folder of its own, in a time zone. */
function buildIn(folder: string, timeZone: string): string {
  const content = join(mkdtempSync(join(tmpdir(), folder)), 'deeper', 'content');
  mkdirSync(content, { recursive: true });
  cpSync(fixtureDir, content, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), `${folder}-out-`));
  const result = spawnSync(process.execPath, ['scripts/astro.ts', 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: content, TZ: timeZone }),
    encoding: 'utf8',
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return outDir;
}

test('two builds of the same content, from different folders and time zones, are byte-identical', () => {
  const shanghai = buildIn('bulletin-a', 'Asia/Shanghai');
  const losAngeles = buildIn('bulletin-b', 'America/Los_Angeles');
  const files = listFiles(shanghai).sort();
  expect(listFiles(losAngeles).sort()).toEqual(files);
  const different = files.filter((file) => !readFileSync(join(shanghai, file)).equals(readFileSync(join(losAngeles, file))));
  expect(different).toEqual([]);
  expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(50);
});
