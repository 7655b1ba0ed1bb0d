import type { Locator, Page } from 'playwright-core';

/*
 * Driving the correspondents' form (Decap CMS at /admin/) as a correspondent does: by the words
 * Decap shows in Simplified Chinese, the fields by the names the configuration gives them.
 */

/** A field of the article form by its name in the configuration (title, units…): Decap's ids are `<name>-field-<n>`. */
export function field(page: Page, name: string): Locator {
  return page.locator(`[id^="${name}-field-"]`).first();
}

/** The body's rich-text editor. */
export function bodyEditor(page: Page): Locator {
  return page.locator('[aria-label="markdown 字段"] [contenteditable="true"]').first();
}

/**
 * Open the form at `route` (after /admin/#) and wait for `ready`. The local mode asks once per
 * browser to 登录, which only says that the form edits this computer's files.
 */
export async function openForm(page: Page, base: string, route: string, ready: (page: Page) => Locator): Promise<void> {
  await page.goto(`${base}/admin/#${route}`);
  const login = page.getByRole('button', { name: '登录', exact: true });
  await login.or(ready(page)).first().waitFor({ timeout: 30_000 });
  if (await login.isVisible()) await login.click();
  await ready(page).waitFor({ timeout: 30_000 });
}

/** Pick from a select (栏目, 单位) by typing, as a correspondent narrows the list, then the one offer shown. */
export async function choose(page: Page, name: string, typed: string, offered: string): Promise<void> {
  await field(page, name).click();
  await page.keyboard.type(typed);
  const option = page.getByRole('option', { name: offered, exact: true });
  await option.waitFor();
  await option.click();
}

/**
 * The pause a person makes, at the least, between moving the caret (a click, End) and typing. The
 * body's editor (Slate) takes in where the caret is at most every 100 ms, and not while a
 * composition is on: text typed a few milliseconds after the caret moved lands where the caret was
 * before, and stays there (found with End then typing at once, after an edit of the title).
 */
export async function asAPersonWould(page: Page): Promise<void> {
  await page.waitForTimeout(150);
}

/**
 * Type `text` through an input method, as a correspondent writes Chinese: the pinyin composed
 * letter by letter, then the chosen characters committed. Decap's editors have lost or doubled
 * such text before.
 */
export async function typeWithInputMethod(page: Page, pinyin: string, text: string): Promise<void> {
  await asAPersonWould(page);
  const cdp = await page.context().newCDPSession(page);
  for (let end = 1; end <= pinyin.length; end++) {
    await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, end), selectionStart: end, selectionEnd: end });
  }
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

/**
 * Upload a picture through an image field's media library (`within`: the field), and use it.
 * The library opens on the article's picture folder; the picture just uploaded is the one selected.
 */
export async function uploadPicture(page: Page, within: Locator, file: string): Promise<void> {
  await within.getByRole('button', { name: '选择图片', exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('上传', { exact: true }).click()]);
  await chooser.setFiles(file);
  // Enabled once the upload is listed and selected.
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await within.getByRole('button', { name: '移除图片' }).waitFor();
}

/** Save at once (the form is in the simple mode: saving is publishing to the content folder), and wait for Decap to say it is saved. */
export async function publish(page: Page): Promise<void> {
  await page.getByText('含未保存的修改').waitFor();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText('立即发布', { exact: true }).click();
  await page.getByText('修改已保存').waitFor({ timeout: 30_000 });
}
