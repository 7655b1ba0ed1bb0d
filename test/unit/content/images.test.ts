import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findImages, imageProblem } from '../../../src/lib/content/images.ts';

describe('findImages', () => {
  test('finds Markdown and HTML pictures with their body lines, web addresses and embedded pictures too, skipping other in-page data', () => {
    const body = '第一段。\n\n![图一](../images/a.jpg "说明")\n\n<img src="b.png" alt="">\n\n![远程](https://example.cn/c.jpg)\n\n![内嵌](data:image/gif;base64,R0lGOD)\n\n![页内](#top)';
    expect(findImages(body)).toEqual([
      { src: '../images/a.jpg', bodyLine: 2, html: false },
      { src: 'b.png', bodyLine: 4, html: true },
      { src: 'https://example.cn/c.jpg', bodyLine: 6, html: false },
      { src: 'data:image/gif;base64,R0lGOD', bodyLine: 8, html: false },
    ]);
  });

  test('reads src= of an HTML picture quoted or not, and never data-src=', () => {
    const body = '<img data-src="https://mmbiz.qpic.cn/a/640" src="//mmbiz.qpic.cn/b/640">\n<img SRC=\'c.png\'> <img src=d.png>';
    expect(findImages(body).map((ref) => ref.src)).toEqual(['//mmbiz.qpic.cn/b/640', 'c.png', 'd.png']);
  });

  test('finds pictures in angle brackets and by reference, as the renderer does', () => {
    const body = '![现场](<../images/现场 照片.jpg>)\n\n![图][1]\n\n[1]: ../images/ref.jpg';
    expect(findImages(body)).toEqual([
      { src: '../images/现场 照片.jpg', bodyLine: 0, html: false },
      { src: '../images/ref.jpg', bodyLine: 4, html: false },
    ]);
  });
});

describe('imageProblem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'images-'));
  mkdirSync(join(dir, 'images'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'images', 'a.jpg'), 'jpeg');
  const outsideFile = join(mkdtempSync(join(tmpdir(), 'elsewhere-')), 'secret.jpg');
  writeFileSync(outsideFile, 'jpeg');
  symlinkSync(outsideFile, join(dir, 'images', 'link.jpg'));

  test('accepts a picture inside the content folder', () => {
    expect(imageProblem(dir, 'articles/a.md', '../images/a.jpg')).toBeUndefined();
  });
  test('reports a picture that does not exist', () => {
    expect(imageProblem(dir, 'articles/a.md', '../images/none.jpg')?.code).toBe('ImageMissing');
  });
  test('refuses a path that climbs out of the content folder', () => {
    expect(imageProblem(dir, 'articles/a.md', '../../etc/passwd')?.code).toBe('ImageOutside');
  });
  test('refuses an absolute path', () => {
    expect(imageProblem(dir, 'articles/a.md', '/etc/passwd')?.code).toBe('ImageOutside');
  });
  test('refuses a symlink that leads out of the content folder', () => {
    expect(imageProblem(dir, 'articles/a.md', '../images/link.jpg')?.code).toBe('ImageOutside');
  });
});
