import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { programPath } from '../preflight/machine.ts';
import { nginx as nginxProgram } from '../preflight/needs.ts';
import { buildSite } from '../build/build-site.ts';
import { freePort, launchBrowser } from './browser.ts';
import { fakeGitLab } from './fake-gitlab.ts';
import { readOutcome } from './search-helpers.ts';

const documented = fileURLToPath(new URL('../../docs/nginx.conf', import.meta.url));
const sample = fileURLToPath(new URL('../../content/', import.meta.url));
const picture = fileURLToPath(new URL('../fixtures/bulletin/images/biwu.jpg', import.meta.url));
/** The git host the documented configuration names as its example, which site.yaml's cms: names here too. */
const gitHost = 'https://git.example.cn';
let nginx: string;
let server: ChildProcess;
let base: string;
let browser: Browser;

/** The documented server block, with only its address and folder changed, inside a minimal nginx.conf. */
function configFor(root: string, port: number, prefix: string): string {
  const server = readFileSync(documented, 'utf8')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www\/dangjian;/, `root ${root};`);
  return `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server}
}
`;
}

/** The sample bulletin with its correspondents' form set up for a self-hosted GitLab, built. */
function buildWithForm(): string {
  const content = mkdtempSync(join(tmpdir(), 'bulletin-nginx-content-'));
  cpSync(sample, content, { recursive: true });
  appendFileSync(join(content, 'site.yaml'), `cms:\n  backend: gitlab\n  repo: dangjian/gaojian\n  baseUrl: ${gitHost}\n  appId: app-id\n`);
  const out = mkdtempSync(join(tmpdir(), 'bulletin-nginx-'));
  const build = buildSite(content, out);
  if (build.status !== 0) throw new Error(`the sample bulletin with its form did not build:\n${build.output}`);
  return out;
}

/** A Content-Security-Policy as its directives, each with its sources. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Every Content-Security-Policy violation and console error in the pages of a browser context. */
async function watchProblems(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => problems.push(text));
  // In every frame, the preview's too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `securitypolicyviolation: ${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`error: ${error.error().message}`));
  return problems;
}

/**
 * The pictures of the unsaved new article that Decap has kept in the browser (its backup in
 * IndexedDB, read back from the picture's blob: address), by name.
 */
function backedUpPictures(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('localforage');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!database.objectStoreNames.contains('keyvaluepairs')) return [];
    const backup = await new Promise<{ mediaFiles?: { name: string; file?: Blob }[] } | undefined>((resolve, reject) => {
      const request = database.transaction('keyvaluepairs').objectStore('keyvaluepairs').get('backup.articles');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return (backup?.mediaFiles ?? []).filter((media) => media.file && media.file.size > 0).map((media) => media.name);
  });
}

beforeAll(async () => {
  // NGINX_PATH, else Debian's, else one on PATH, as `npm test` checked first.
  nginx = programPath(nginxProgram);
  const root = buildWithForm();
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  // nginx's workers run as an unprivileged user; a temporary folder is private to its creator.
  chmodSync(root, 0o755);
  const port = await freePort();
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, configFor(root, port, prefix));
  const syntax = spawnSync(nginx, ['-t', '-c', config, '-p', prefix], { encoding: 'utf8' });
  if (syntax.status !== 0) throw new Error(`the documented nginx configuration does not load:\n${syntax.stderr}`);
  server = spawn(nginx, ['-c', config, '-p', prefix], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (
    !(await fetch(`${base}/`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error('nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const siteHeaders = ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy'];

test('pages are served with the security headers', async () => {
  const response = await fetch(`${base}/articles/jineng-biwu/`);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect((await fetch(`${base}/no-such-page/`)).status).toBe(404);
});

test('the rest of the site keeps its strict policy, which the form does not loosen', async () => {
  const home = await fetch(`${base}/`);
  const policy = home.headers.get('content-security-policy');
  const script = (await home.text()).match(/src="(\/_astro\/[^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();
  const paths = ['/articles/jineng-biwu/', '/search/', '/stats/', '/rss.xml', '/sitemap-index.xml', '/pagefind/pagefind.js', script!];
  for (const path of [...paths, '/no-such-page/', '/admin/no-such-file.js']) {
    const response = await fetch(`${base}${path}`);
    expect(response.headers.get('content-security-policy'), path).toBe(policy);
    expect(response.headers.get('x-robots-tag'), path).toBeNull();
  }
  const sources = [...directives(policy).values()].flat();
  expect(sources).not.toContain("'unsafe-eval'");
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources.filter((source) => /^(?:https?:|blob:|data:|\*)/.test(source))).toEqual([]);
});

test('/admin/ has its own policy, loosened only where Decap needs it, and is not to be indexed or cached', async () => {
  const site = await fetch(`${base}/`);
  const siteDirectives = directives(site.headers.get('content-security-policy'));
  for (const path of ['/admin/', '/admin/index.html', '/admin/decap-cms.js', '/admin/manual-init.js']) {
    const response = await fetch(`${base}${path}`);
    expect(response.status, path).toBe(200);
    const admin = directives(response.headers.get('content-security-policy'));
    expect(admin.get('script-src'), path).toEqual(["'self'", "'unsafe-eval'"]);
    expect(admin.get('style-src'), path).toEqual(["'self'", "'unsafe-inline'"]);
    expect(admin.get('img-src'), path).toEqual(["'self'", 'data:', 'blob:', gitHost]);
    expect(admin.get('connect-src'), path).toEqual(["'self'", 'blob:', gitHost]);
    // Every other directive as strict as the site's: no frames of it, no plug-ins, no other base or form target.
    const others = (policy: Map<string, string[]>) =>
      [...policy].filter(([name]) => !['script-src', 'style-src', 'img-src', 'connect-src'].includes(name));
    expect(others(admin), path).toEqual(others(siteDirectives));
    expect(response.headers.get('x-robots-tag'), path).toBe('noindex, nofollow');
    for (const header of siteHeaders) expect(response.headers.get(header), `${path} ${header}`).toBe(site.headers.get(header));
    // Decap's files keep their names from one version to the next: asked again each time.
    expect(response.headers.get('cache-control'), path).toBe('no-cache');
  }
  const bare = await fetch(`${base}/admin`, { redirect: 'manual' });
  expect(bare.status).toBe(301);
  expect(new URL(bare.headers.get('location') ?? '', base).pathname).toBe('/admin/');
  // The page carries it too, for a server that is not set up as documented.
  expect(await (await fetch(`${base}/admin/`)).text()).toContain('<meta name="robots" content="noindex, nofollow">');
});

test('the site and its search work under the Content-Security-Policy, with no violation', async () => {
  const context = await browser.newContext();
  const problems = await watchProblems(context);
  const page = await context.newPage();
  for (const path of ['/', '/articles/shuji-linghang/', '/units/', '/zhuanti/shuji-xiangmu/', '/stats/']) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
  }
  await page.goto(`${base}/search/?q=${encodeURIComponent('消防培訓')}`);
  const { urls } = await readOutcome(page);
  expect(urls[0]).toBe('/articles/xiaofang-peixun/');
  expect(problems).toEqual([]);
  await context.close();
});

test('the form signs in to the git host, writes an article with its preview and takes a picture, with no violation', async () => {
  const context = await browser.newContext();
  const problems = await watchProblems(context);
  const gitlab = await fakeGitLab(context, gitHost);
  const page = await context.newPage();
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: '使用 GitLab 登录' }).click();
  // Back from the host's sign-in page: the token and the repository came through connect-src.
  // Decap loads the repository first, which on a busy machine took longer than the default second.
  await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/admin\/#\/collections\/articles$/);
  await page.getByText('每篇稿件一个文件').waitFor();
  expect(gitlab.requests).toEqual(
    expect.arrayContaining(['GET /oauth/authorize', 'POST /oauth/token', 'GET /api/v4/user', 'GET /api/v4/projects/dangjian%2Fgaojian']),
  );
  // The user's picture from the host, in img-src.
  await expect
    .poll(() => page.locator(`img[src^="${gitHost}"]`).evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);

  await page.goto(`${base}/admin/#/collections/articles/new`);
  await page.getByLabel('标题', { exact: true }).fill('机关党委召开专题会议');
  // The preview, a frame Decap writes, with the site's stylesheet.
  const preview = page.frameLocator('iframe');
  await expect.poll(() => preview.locator('h1.article-title').textContent(), { timeout: 15_000 }).toBe('机关党委召开专题会议');
  expect(
    await preview
      .locator('body')
      .evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('/_astro/') && sheet.cssRules.length > 0)),
  ).toBe(true);

  // A picture uploaded is shown from the browser's memory (blob:) and kept with the unsaved article.
  await page.getByRole('button', { name: '选择图片' }).click();
  await page.locator('input[type="file"]').setInputFiles(picture);
  await expect
    .poll(() =>
      page.locator('img[src^="blob:"]').evaluateAll((images: HTMLImageElement[]) => images.some((image) => image.naturalWidth > 0)),
    )
    .toBe(true);
  await expect.poll(() => backedUpPictures(page), { timeout: 15_000 }).toEqual(['biwu.jpg']);
  expect(problems).toEqual([]);
  await context.close();
});
