import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findNamedPath, repositoryRoot, typedPath } from '../../../src/lib/files/paths.ts';

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

describe('repositoryRoot', () => {
  test('is the content folder itself in a content repository', () => {
    const { content } = layout();
    mkdirSync(join(content, '.git'));
    expect(repositoryRoot(content, tmpdir())).toBe(content);
  });

  test('is the site folder when the content folder is its content/, whatever folder the command runs in', () => {
    const { site, content, month } = layout();
    mkdirSync(join(site, '.git'));
    expect(repositoryRoot(content, month)).toBe(site);
    expect(repositoryRoot(content, tmpdir())).toBe(site);
  });

  test('finds a worktree or submodule, whose .git is a file', () => {
    const { site, content } = layout();
    writeFileSync(join(site, '.git'), 'gitdir: ../main/.git/worktrees/site\n');
    expect(repositoryRoot(content, tmpdir())).toBe(site);
  });

  test('without git, is the folder the command runs in when the content folder is inside it, else the content folder', () => {
    const { site, content } = layout();
    expect(repositoryRoot(content, site)).toBe(site);
    expect(repositoryRoot(content, content)).toBe(content);
    expect(repositoryRoot(content, mkdtempSync(join(tmpdir(), 'elsewhere-')))).toBe(content);
  });
});

describe('typedPath', () => {
  test('is from the folder the command was typed in, which npm keeps in INIT_CWD, else from the current one', () => {
    const { site, month } = layout();
    expect(typedPath('report.json', site, { INIT_CWD: month })).toBe(join(month, 'report.json'));
    expect(typedPath('report.json', site, {})).toBe(join(site, 'report.json'));
    expect(typedPath(join(month, 'report.json'), site, {})).toBe(join(month, 'report.json'));
  });
});
