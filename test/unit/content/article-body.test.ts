import { describe, expect, test } from 'vitest';
import { articleBodyProblems, leastBodyLength, type BodyToCheck } from '../../../src/lib/content/article-body.ts';
import { fixtureDir } from '../helpers.ts';

const written = '本报讯（通讯员 王笛）近日，市水务局组织开展主题党日活动。\n';
const check = (article: Partial<BodyToCheck>) =>
  articleBodyProblems({ sourcePath: 'articles/2024/11/a.md', body: written, bodyLine: 9, draft: false, measure: true, ...article });

describe('pictures', () => {
  test('tell where a picture from elsewhere belongs: the month of the article’s date, else of its folder', () => {
    const picture = `${written}\n![](https://www.gov.cn/a.jpg)`;
    expect(check({ body: picture, date: '2024-12-07' })[0]?.hint).toBe('请把图片下载下来，存进内容文件夹的 images/2024/12/，再写成 ![图片说明](../../../images/2024/12/图片名.jpg)');
    expect(check({ body: picture })[0]?.hint).toBe('请把图片下载下来，存进内容文件夹的 images/2024/11/，再写成 ![图片说明](../../../images/2024/11/图片名.jpg)');
    expect(check({ body: picture, sourcePath: '稿件.md' })[0]?.hint).toBe('请把图片下载下来，存进内容文件夹的 images/，再写成 ![图片说明](images/图片名.jpg)');
  });

  test('refuse a picture from elsewhere without the content folder, and look on disk only with it', () => {
    const body = `${written}\n![](//mmbiz.qpic.cn/a/640)\n\n![](../../../images/none.jpg)`;
    expect(check({ body }).map((problem) => problem.code)).toEqual(['RemoteImage']);
    expect(check({ body, contentDir: fixtureDir }).map((problem) => [problem.code, problem.line])).toEqual([
      ['RemoteImage', 11],
      ['ImageMissing', 13],
    ]);
  });

  test('refuse a picture on the writer’s own computer, as Word pastes bring them', () => {
    expect(check({ body: `${written}\n![](file:///C:/Users/wang/clip_image002.jpg)`, contentDir: fixtureDir })).toMatchObject([{ code: 'ImageOutside', line: 11 }]);
  });

  test('check the cover as written, on its own line', () => {
    expect(check({ cover: 'https://mmbiz.qpic.cn/a/640', coverLine: 7 })).toMatchObject([{ code: 'RemoteImage', field: 'cover', line: 7 }]);
  });
});

describe('length', () => {
  test(`asks for at least ${leastBodyLength} characters beyond the lead, in a draft only as a hint`, () => {
    expect(check({ body: '本报讯（通讯员 王笛）近日，\n' })).toMatchObject([{ code: 'ShortBody', severity: 'error', line: 9 }]);
    expect(check({ body: '\n\n本报讯（通讯员 王笛）近日，\n', draft: true })).toMatchObject([{ code: 'ShortBody', severity: 'warning', line: 11 }]);
  });

  test('is not measured when the whole file is the body', () => {
    expect(check({ body: '只有正文', measure: false })).toEqual([]);
  });
});
