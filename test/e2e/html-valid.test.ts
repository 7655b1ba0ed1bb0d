/**
 * Every page is valid HTML, as the W3C's Nu HTML Checker reads it (npm `vnu-jar`, run by the
 * machine's Java, which `npm test`'s preflight asks for): every page of the sample bulletin and
 * of test/fixtures/bulletin, so each kind of page is read in two bulletins. Feeds and the
 * sitemap are XML, not pages. Errors fail the test; warnings are listed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, inject, test } from 'vitest';
import { programPath } from '../preflight/machine.ts';
import { java } from '../preflight/needs.ts';
import { buildSite, listFiles } from '../build/build-site.ts';
import { fixtureDir } from '../unit/helpers.ts';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of the checker, as its JSON output gives it. */
interface CheckerMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** Check files with the Nu HTML Checker, its JSON report on standard output (the JVM may say things of its own on standard error). */
function check(files: readonly string[]): CheckerMessage[] {
  const result = spawnSync(programPath(java), ['-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    timeout: 50_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  try {
    return (JSON.parse(result.stdout) as { messages: CheckerMessage[] }).messages;
  } catch {
    throw new Error(`the Nu HTML Checker gave no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

const where = (message: CheckerMessage, root: string) =>
  `${decodeURIComponent(message.url ?? '').replace(`file:${root}/`, '')}:${message.lastLine ?? '?'}: ${message.message}`;

const sampleDist = inject('sampleDist');
const fixtureDist = mkdtempSync(join(tmpdir(), 'bulletin-valid-'));
const pastedDist = mkdtempSync(join(tmpdir(), 'bulletin-valid-pasted-'));

/** The fixture bulletin, and the same with what correspondents paste: Word and web HTML, a hostile page, a Markdown table, footnotes. */
beforeAll(() => {
  const build = buildSite(fixtureDir, fixtureDist);
  if (build.status !== 0) throw new Error(`the fixture bulletin did not build:\n${build.output}`);
  const pasted = mkdtempSync(join(tmpdir(), 'bulletin-pasted-'));
  cpSync(fixtureDir, pasted, { recursive: true });
  const month = join(pasted, 'articles', '2025', '01');
  mkdirSync(month, { recursive: true });
  cpSync(fileURLToPath(new URL('../fixtures/html-valid/pasted.md', import.meta.url)), join(month, 'pasted.md'));
  cpSync(fileURLToPath(new URL('../fixtures/hostile-html/hostile.md', import.meta.url)), join(month, 'hostile.md'));
  const withPasted = buildSite(pasted, pastedDist);
  if (withPasted.status !== 0) throw new Error(`the bulletin with pasted articles did not build:\n${withPasted.output}`);
});

/** Each kind of page the issue names, by where it lies in dist/: all of them must be among the pages checked. */
const pageKinds: [kind: string, path: RegExp][] = [
  ['home', /^index\.html$/],
  ['article', /^articles\/[^/]+\/index\.html$/],
  ['listing by unit', /^units\/[^/]+\/index\.html$/],
  ['listing by column', /^columns\/[^/]+\/index\.html$/],
  ['listing by tag', /^tags\/[^/]+\/index\.html$/],
  ['archive of a year', /^archive\/\d{4}\/index\.html$/],
  ['archive of a month', /^archive\/\d{4}\/\d{2}\/index\.html$/],
  ['an issue', /^issues\/\d+\/index\.html$/],
  ['an issue to print', /^issues\/\d+\/print\/index\.html$/],
  ['search', /^search\/index\.html$/],
  ['statistics', /^stats\/index\.html$/],
  ['404', /^404\.html$/],
  ['special page', /^zhuanti\/[^/]+\/index\.html$/],
];

const pagesOf = (dist: string) => listFiles(dist).filter((path) => path.endsWith('.html'));

test.each([
  ['the sample bulletin', () => sampleDist],
  ['test/fixtures/bulletin', () => fixtureDist],
  ['the fixture bulletin with pasted and hostile HTML', () => pastedDist],
])('every page of %s is valid HTML', (_, distOf) => {
  const dist = distOf();
  const messages = check(pagesOf(dist).map((page) => join(dist, page)));
  const warnings = messages.filter((message) => message.type === 'info' && message.subType === 'warning');
  if (warnings.length > 0)
    console.log(`Nu HTML 检查器的警告（${warnings.length} 条）：\n${warnings.map((message) => where(message, dist)).join('\n')}`);
  expect(messages.filter((message) => message.type !== 'info').map((message) => where(message, dist))).toEqual([]);
});

test('every kind of page is among those checked, an article with a picture too', () => {
  const pages = [...pagesOf(sampleDist), ...pagesOf(fixtureDist)];
  for (const [kind, path] of pageKinds)
    expect(
      pages.some((page) => path.test(page)),
      kind,
    ).toBe(true);
  const withPicture = pagesOf(fixtureDist).filter(
    (page) => page.startsWith('articles/') && /<img\b/.test(readFileSync(join(fixtureDist, page), 'utf8')),
  );
  expect(withPicture.length).toBeGreaterThan(0);
});

test('the check fails a page with a script after </html>, as the article pages once had', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-invalid-'));
  cpSync(join(sampleDist, 'articles', 'shuji-linghang', 'index.html'), join(folder, 'page.html'));
  const page = join(folder, 'page.html');
  writeFileSync(page, `${readFileSync(page, 'utf8')}<script type="module" src="/_astro/x.js"></script>`);
  const errors = check([page]).filter((message) => message.type !== 'info');
  expect(errors.map((message) => message.message).join('\n')).toContain('Stray start tag');
});
