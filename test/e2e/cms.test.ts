import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { articleFields } from '../../src/lib/fields/article-fields.ts';
import { splitFrontmatter } from '../../src/lib/files/frontmatter.ts';
import { newArticlePath, newArticleSlug } from '../../src/lib/content/new-article.ts';
import { buildSite, listFiles, readPage, userEnv } from '../build/build-site.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { freePort, launchBrowser } from './browser.ts';
import { asAPersonWould, bodyEditor, choose, field, openForm, publish, typeWithInputMethod, uploadPicture } from './cms-form.ts';

/*
 * The correspondents' form (/admin/) in `npm run dev`, on a copy of the test bulletin: an article
 * written, saved, checked, built, edited and deleted in the browser, as a correspondent does it.
 * The tests run in order, each on what the one before left.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const contentDir = mkdtempSync(join(tmpdir(), 'bulletin-cms-'));
const picturesDir = mkdtempSync(join(tmpdir(), 'bulletin-cms-pictures-'));
// A cover named plainly, and a picture named as WeChat saves one, with a space and brackets.
const coverFile = join(picturesDir, 'jineng-biwu.jpg');
const inlineFile = join(picturesDir, '微信图片 20241122(1).jpg');

const title = '市残联和市审计局联合举办机关党员技能比武强本领活动';
const date = '2024-11-22';
const slug = newArticleSlug({ title });
const articlePath = newArticlePath({ title, date });
const articleFile = join(contentDir, ...articlePath.split('/'));
/** The content folder as the form first saved the article, built once the dev server has stopped. */
const savedFolder = mkdtempSync(join(tmpdir(), 'bulletin-cms-saved-'));

let server: ChildProcess;
let base: string;
let helperPort: number;
let browser: Browser;
let page: Page;
/** What went wrong in the page: errors in its console, failed requests, dialogs. */
const pageErrors: string[] = [];
const dialogs: string[] = [];
/** How many times /admin/ was loaded: the form must not start again under a correspondent's hands. */
let formLoads = 0;

/** The form's configuration, as the page hands it to Decap. */
async function formConfig(): Promise<{ local_backend?: { url: string } }> {
  const html = await (await fetch(`${base}/admin/`)).text();
  const json = /<script type="application\/json" id="cms-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as { local_backend?: { url: string } };
}

/** A JPEG with a comment segment after its start marker: the same picture, other bytes. */
function withComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, jpeg.subarray(2)]);
}

/** A page of the test's browser whose errors, dialogs and loads of /admin/ are noted. */
async function watchedPage(): Promise<Page> {
  const shown = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  shown.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  shown.on('pageerror', (error) => pageErrors.push(error.message));
  shown.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400) pageErrors.push(`${response.status()} ${request.method()} ${response.url()} ${request.postData() ?? ''}`);
  });
  shown.on('request', (request) => {
    if (request.isNavigationRequest() && new URL(request.url()).pathname === '/admin/') formLoads++;
  });
  // Only the deletion asks; anything else that asks is a surprise, declined and reported.
  shown.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void (dialog.message().includes('删除') ? dialog.accept() : dialog.dismiss());
  });
  return shown;
}

/** Whether something listens on a port of this computer. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  cpSync(fixtureDir, contentDir, { recursive: true });
  // Two different pictures: Decap keeps one of two uploads with the same bytes.
  const photo = readFileSync(join(fixtureDir, 'images', 'biwu.jpg'));
  writeFileSync(coverFile, withComment(photo, 'cover'));
  writeFileSync(inlineFile, withComment(photo, 'inline'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Its own process group, so that the test stops the dev server and all it started.
  server = spawn(process.execPath, ['scripts/astro.ts', 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: contentDir, ASTRO_DEV_BACKGROUND: '0' }),
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 90_000;
  while (
    !(await fetch(`${base}/admin/`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('astro dev did not serve /admin/');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // 8081 unless another dev server holds it: the page names the helper this one started.
  helperPort = Number(new URL((await formConfig()).local_backend?.url ?? 'http://x').port);
  browser = await launchBrowser();
  page = await watchedPage();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGTERM');
});

/** The article files of the content folder, content-relative. */
const articleFiles = () => listFiles(join(contentDir, 'articles')).map((file) => `articles/${file}`);

/** A saved article's frontmatter, read as YAML 1.2 as the build reads it, and its body. */
function savedArticle(): { text: string; frontmatter: Record<string, unknown>; body: string } {
  const text = readFileSync(articleFile, 'utf8');
  const { yaml, body } = splitFrontmatter(text);
  return { text, frontmatter: parse(yaml ?? '') as Record<string, unknown>, body };
}

/** A picture an article refers to, as the file it names in the content folder. */
const pictureFile = (reference: string) => join(dirname(articleFile), reference);

test('a correspondent writes a brief in the form and saves it where `npm run new` would put it', { timeout: 180_000 }, async () => {
  const before = articleFiles();
  await openForm(page, base, '/collections/articles/new', (shown) => field(shown, 'title'));

  // The title typed partly through an input method.
  await field(page, 'title').click();
  await page.keyboard.insertText('市残联和市审计局联合举办机关党员');
  await typeWithInputMethod(page, 'jinengbiwu', '技能比武');
  await page.keyboard.insertText('强本领活动');
  // A kicker begun and cleared again: no empty line for it in the file.
  await field(page, 'kicker').fill('引题');
  await field(page, 'kicker').fill('');
  // The cover chosen while the date was still wrong; the date corrected afterwards.
  await field(page, 'date').fill('2024-10-30');
  const cover = page.locator('[aria-label="image 字段"]').filter({ has: page.locator('label', { hasText: '题图' }) });
  await uploadPicture(page, cover, coverFile);
  await field(page, 'date').fill(date);
  await choose(page, 'column', '党建', '党建动态');
  // One unit found by its alias, one by its name; both saved by their full names.
  await choose(page, 'units', '市残疾人联合会', '市残联（市残疾人联合会）');
  await choose(page, 'units', '审计', '市审计局（审计局）');
  await field(page, 'byline').fill('通讯员 加雅文');
  await field(page, 'tags').fill('技能比武');

  const body = bodyEditor(page);
  await body.click();
  await asAPersonWould(page);
  await page.keyboard.insertText('本报讯（通讯员 ');
  await typeWithInputMethod(page, 'jiayawen', '加雅文');
  await page.keyboard.insertText('）11月22日，市残联和市审计局联合举办机关党员技能比武，');
  await typeWithInputMethod(page, 'sanshiduoming', '三十多名');
  await page.keyboard.insertText('党员参加。');
  await page.keyboard.press('Enter');
  await typeWithInputMethod(page, 'bisaifen', '比赛分');
  await page.keyboard.insertText('理论测试和实际操作两部分。');
  await page.keyboard.press('Enter');
  // A picture in the body, through the editor's Image component, described through an input method.
  await page.getByTitle('添加组件').click();
  await page.getByText('Image', { exact: true }).click();
  const picture = page.locator('[aria-label="markdown 字段"] [aria-label="image 字段"]');
  await uploadPicture(page, picture, inlineFile);
  await field(page, 'alt').click();
  await page.keyboard.insertText('比武');
  await typeWithInputMethod(page, 'xianchang', '现场');

  await publish(page);
  await expect.poll(() => existsSync(articleFile), { timeout: 10_000 }).toBe(true);
  expect(articleFiles().filter((file) => !before.includes(file))).toEqual([articlePath]);

  const { text, frontmatter, body: saved } = savedArticle();
  expect(frontmatter).toEqual({
    title,
    date,
    column: '党建动态',
    units: ['市残联', '市审计局'],
    byline: '通讯员 加雅文',
    tags: ['技能比武'],
    cover: '../../../images/2024/11/jineng-biwu.jpg',
    draft: false,
    slug,
  });
  // In the contract's order, the date as written there: no quotes, no time.
  expect(Object.keys(frontmatter)).toEqual(Object.keys(articleFields).filter((key) => key in frontmatter));
  expect(text).toMatch(/^date: 2024-11-22$/m);

  const [, inline] = /^!\[比武现场\]\((\.\.\/\.\.\/\.\.\/images\/2024\/11\/[^)/\s]+\.jpg)\)$/m.exec(saved) ?? [];
  expect(inline, saved).toBeDefined();
  expect(saved.trim()).toBe(
    [
      '本报讯（通讯员 加雅文）11月22日，市残联和市审计局联合举办机关党员技能比武，三十多名党员参加。',
      '比赛分理论测试和实际操作两部分。',
      `![比武现场](${inline})`,
    ].join('\n\n'),
  );
  // Both pictures uploaded into images/<year>/<month>/ of the article's date, as sent.
  for (const [reference, sent] of [
    [String(frontmatter['cover']), coverFile],
    [inline!, inlineFile],
  ] as const) {
    const file = pictureFile(reference);
    expect(posix.dirname(relative(contentDir, file).split('\\').join('/'))).toBe('images/2024/11');
    expect(readFileSync(file).equals(readFileSync(sent))).toBe(true);
  }
  expect(readdirSync(join(contentDir, 'images', '2024', '11'))).toHaveLength(2);
  expect(existsSync(join(contentDir, 'images', '2024', '10'))).toBe(false);
});

test('what the form saved passes `npm run check`', () => {
  const result = spawnSync(process.execPath, ['scripts/check.ts', '--dir', contentDir], {
    cwd: projectRoot,
    env: userEnv({ NO_COLOR: '1' }),
    encoding: 'utf8',
  });
  expect(result.stdout).not.toContain('错误');
  expect(result.status, result.stdout + result.stderr).toBe(0);
  // Built at the end, once the dev server has stopped: a build and a dev server of one project
  // share Astro's generated folder (.astro/), which names each content folder's pictures.
  cpSync(contentDir, savedFolder, { recursive: true });
});

test('an edit in the form changes the file and keeps its name and address, and the form stays open', { timeout: 120_000 }, async () => {
  const before = articleFiles();
  const { frontmatter: saved } = savedArticle();
  await openForm(page, base, `/collections/articles/entries/2024/11/${slug}`, (shown) => field(shown, 'title'));
  expect(await field(page, 'title').inputValue()).toBe(title);
  const edited = `${title}（修改稿）`;
  await field(page, 'title').fill(edited);
  await bodyEditor(page).getByText('比赛分理论测试和实际操作两部分。').click();
  await asAPersonWould(page);
  await page.keyboard.press('End');
  await asAPersonWould(page);
  await page.keyboard.insertText('成绩');
  await typeWithInputMethod(page, 'youxiuzhe', '优秀者');
  await page.keyboard.insertText('将受到表彰。');

  const loads = formLoads;
  await publish(page);
  await expect.poll(() => savedArticle().frontmatter['title'], { timeout: 10_000 }).toBe(edited);
  const { frontmatter, body } = savedArticle();
  expect(frontmatter).toEqual({ ...saved, title: edited });
  expect(body).toContain('比赛分理论测试和实际操作两部分。成绩优秀者将受到表彰。');
  expect(articleFiles()).toEqual(before);

  // The preview shows the edit once it has read the folder again, which reloads the bulletin's
  // open pages; the form is not one of them, and what is typed in it after saving stays.
  await expect
    .poll(async () => (await fetch(`${base}/articles/${slug}/`)).text(), { timeout: 30_000, interval: 250 })
    .toContain('成绩优秀者将受到表彰');
  await field(page, 'kicker').fill('保存后接着写的引题');
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(formLoads).toBe(loads);
  expect(await field(page, 'kicker').inputValue()).toBe('保存后接着写的引题');
  await publish(page);
  await expect.poll(() => savedArticle().frontmatter['kicker'], { timeout: 10_000 }).toBe('保存后接着写的引题');
});

test('an article deleted in the form is gone from the content folder', { timeout: 60_000 }, async () => {
  await openForm(page, base, `/collections/articles/entries/2024/11/${slug}`, (shown) => field(shown, 'title'));
  await page.getByRole('button', { name: '删除内容', exact: true }).click();
  await page.waitForURL(/#\/collections\/articles$/);
  await expect.poll(() => existsSync(articleFile), { timeout: 10_000 }).toBe(false);
  expect(dialogs.at(-1)).toBe('confirm: 你确定要删除这个已经发布的内容吗？');
});

test('a unit added to units.yaml is offered in the form once it is opened again', { timeout: 60_000 }, async () => {
  appendFileSync(join(contentDir, 'units.yaml'), '- name: 市乡村振兴局\n  aliases: [振兴局]\n  category: 政府部门\n');
  // The dev server reads the folder again a moment after the change; the page is made at each request.
  await expect.poll(async () => JSON.stringify(await formConfig()), { timeout: 30_000, interval: 250 }).toContain('市乡村振兴局（振兴局）');
  // Opened anew, as a correspondent opens the link again.
  await page.close();
  page = await watchedPage();
  await openForm(page, base, '/collections/articles/new', (shown) => field(shown, 'units'));
  await choose(page, 'units', '振兴', '市乡村振兴局（振兴局）');
});

test('the form asked nothing unexpected and the page reported no error', () => {
  expect(dialogs).toEqual(['confirm: 你确定要删除这个已经发布的内容吗？']);
  expect(pageErrors).toEqual([]);
});

test('stopping `npm run dev` stops the form’s helper', { timeout: 30_000 }, async () => {
  expect(helperPort).toBeGreaterThan(0);
  expect(await listening(helperPort)).toBe(true);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-server.pid!, 'SIGTERM');
  await exited;
  await expect.poll(() => listening(helperPort), { timeout: 10_000 }).toBe(false);
});

test('a build of the folder as the form saved it publishes the article with its pictures', { timeout: 300_000 }, () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-cms-dist-'));
  const build = buildSite(savedFolder, outDir);
  expect(build.status, build.output).toBe(0);
  const article = readPage(outDir, `/articles/${slug}/`);
  expect(article.querySelector('main h1')?.text.trim()).toBe(title);
  const images = article.querySelectorAll('.article-body img');
  expect(images.map((image) => image.getAttribute('alt'))).toEqual([title, '比武现场']);
  for (const image of images) {
    const src = image.getAttribute('src') ?? '';
    expect(src).toMatch(/^\/_astro\/[^/]+\.webp$/);
    expect(existsSync(join(outDir, decodeURIComponent(src))), src).toBe(true);
  }
});
