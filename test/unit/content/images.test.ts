import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findLocalImages, imageProblem } from '../../../src/lib/content/images.ts';

describe('findLocalImages', () => {
  test('finds Markdown and HTML pictures with their body lines, skipping web addresses', () => {
    const body = '第一段。\n\n![图一](../images/a.jpg "说明")\n\n<img src="b.png" alt="">\n\n![远程](https://example.cn/c.jpg)';
    expect(findLocalImages(body)).toEqual([
      { src: '../images/a.jpg', bodyLine: 2, html: false },
      { src: 'b.png', bodyLine: 4, html: true },
    ]);
  });

  test('finds pictures in angle brackets and by reference, as the renderer does', () => {
    const body = '![现场](<../images/现场 照片.jpg>)\n\n![图][1]\n\n[1]: ../images/ref.jpg';
    expect(findLocalImages(body)).toEqual([
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
