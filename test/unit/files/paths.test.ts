import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findNamedPath } from '../../../src/lib/files/paths.ts';

/** A site folder with its content folder inside, one article, and a folder of its own elsewhere. */
function layout() {
  const site = mkdtempSync(join(tmpdir(), 'paths-'));
  const content = join(site, 'content');
  const month = join(content, 'articles', '2024', '11');
  mkdirSync(month, { recursive: true });
  writeFileSync(join(month, 'jineng-biwu.md'), '');
  return { site, content, month, article: join(month, 'jineng-biwu.md') };
}

describe('findNamedPath', () => {
  test('takes a path as messages print it, from the content folder, when the command runs elsewhere', () => {
    const { site, content, article } = layout();
    expect(findNamedPath('articles/2024/11/jineng-biwu.md', content, site, {})).toBe(article);
  });

  test('takes a path from the folder the command runs in', () => {
    const { site, content, article } = layout();
    expect(findNamedPath('content/articles/2024/11/jineng-biwu.md', content, site, {})).toBe(article);
    expect(findNamedPath(article, content, site, {})).toBe(article);
  });

  test('takes a path from the folder npm was started in (INIT_CWD), before the folder npm runs the script in', () => {
    const { site, content, month, article } = layout();
    expect(findNamedPath('jineng-biwu.md', content, site, { INIT_CWD: month })).toBe(article);
    // Without INIT_CWD, a bare file name in a subfolder is nowhere.
    expect(findNamedPath('jineng-biwu.md', content, site, {})).toBeUndefined();
  });

  test('finds nothing for a file that is in none of them', () => {
    const { site, content, month } = layout();
    expect(findNamedPath('articles/2024/11/missing.md', content, site, { INIT_CWD: month })).toBeUndefined();
  });
});
