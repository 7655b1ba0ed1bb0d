import { fromJS } from 'immutable';
import { describe, expect, test } from 'vitest';
import { beforeSave, type Entry } from '../../../src/scripts/admin-save.ts';
import { newArticleSlug } from '../../../src/lib/content/new-article.ts';

/** An entry as Decap hands it to its preSave hook: Immutable.js maps (Decap's own library). */
function entry(data: Record<string, unknown>, options: { newRecord: boolean; uploads?: string[] }): Entry {
  return fromJS({
    data,
    newRecord: options.newRecord,
    mediaFiles: (options.uploads ?? []).map((path) => ({ path, draft: true, name: path.split('/').pop() })),
  }) as unknown as Entry;
}

const written = {
  title: '技能比武强本领',
  date: '2024-11-22',
  column: '党建动态',
  units: ['市残联'],
  byline: '通讯员 加雅文',
  body: '本报讯（通讯员 加雅文）11月22日，……',
};

const saved = async (data: Record<string, unknown>, options: { newRecord: boolean; uploads?: string[] }) =>
  ((await beforeSave(entry(data, options))) as unknown as { toJS(): Record<string, unknown> }).toJS();

describe('what the form writes', () => {
  test('a new article is named by its title as `npm run new` names it', async () => {
    expect((await saved(written, { newRecord: true }))['slug']).toBe(newArticleSlug({ title: written.title }));
    expect((await saved({ ...written, slug: 'jineng' }, { newRecord: true }))['slug']).toBe('jineng');
  });

  test('an article already saved keeps its name: no slug is added', async () => {
    expect(await saved(written, { newRecord: false })).toEqual(written);
  });

  test('a field typed in and cleared again is left out, as check refuses it empty', async () => {
    const data = { ...written, kicker: '', subtitle: '  ', summary: '', issue: '', tags: [], cover: '' };
    expect(await saved(data, { newRecord: false })).toEqual(written);
    // Numbers and “not a draft” are values, not empty fields.
    expect(await saved({ ...written, page: 3, draft: false }, { newRecord: false })).toEqual({ ...written, page: 3, draft: false });
  });

  test('pictures chosen before the date was set or corrected are referred to where the files go', async () => {
    const data = {
      ...written,
      cover: '../../../images/invalid-date/invalid-date/a.jpg',
      body: '正文。\n\n![现场](../../../images/2024/10/b.jpg)\n\n![旧图](../../../images/2024/09/c.jpg)',
    };
    const result = await saved(data, { newRecord: true, uploads: ['images/invalid-date/invalid-date/a.jpg', 'images/2024/10/b.jpg'] });
    expect(result['cover']).toBe('../../../images/2024/11/a.jpg');
    // c.jpg was already in the content folder, not uploaded now: it stays where it is.
    expect(result['body']).toBe('正文。\n\n![现场](../../../images/2024/11/b.jpg)\n\n![旧图](../../../images/2024/09/c.jpg)');
  });

  test('an article already saved keeps its pictures where Decap writes them, by the folder of the moment they were chosen', async () => {
    const data = { ...written, cover: '../../../images/2024/10/a.jpg' };
    expect((await saved(data, { newRecord: false, uploads: ['images/2024/10/a.jpg'] }))['cover']).toBe('../../../images/2024/10/a.jpg');
  });
});
