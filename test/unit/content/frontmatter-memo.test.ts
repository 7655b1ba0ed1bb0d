import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readArticles } from '../../../src/lib/content/articles.ts';
import { SavedFrontmatterMemo, type FrontmatterRead } from '../../../src/lib/content/frontmatter-memo.ts';
import { fixtureDir, fixtureRegistry } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'frontmatter-memo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a saved frontmatter memo', () => {
  const registry = fixtureRegistry();

  test('reads a folder exactly as without it, the first time and from the saved file', () => {
    const content = join(root, 'content');
    cpSync(fixtureDir, content, { recursive: true });
    // Problems of every kind the frontmatter can have, next to valid articles.
    writeFileSync(join(content, 'articles', '2024', '12', 'bad.md'), '---\ntitle：标题\ndate: 2024-13-40\ncolumn: 没有这个栏目\nunits: [水务局]\nslug: shui\n---\n正文。\n');
    const memoFile = join(root, 'memo.json');
    const plain = readArticles(content, registry);
    expect(plain.problems.length).toBeGreaterThan(2);

    const first = new SavedFrontmatterMemo(memoFile, registry);
    expect(readArticles(content, registry, first)).toEqual(plain);
    first.save();

    const second = new SavedFrontmatterMemo(memoFile, registry);
    let validated = 0;
    const counting = { read: (key: string, validate: () => FrontmatterRead) => second.read(key, () => (validated++, validate())) };
    expect(readArticles(content, registry, counting)).toEqual(plain);
    expect(validated).toBe(0);
  });

  test('validates again what changed, and forgets what is gone', () => {
    const memoFile = join(root, 'forget.json');
    const memo = new SavedFrontmatterMemo(memoFile, registry);
    const valid = (): FrontmatterRead => ({ problems: [] });
    memo.read('a.md\n2\ntitle: 甲', valid);
    memo.read('b.md\n2\ntitle: 乙', valid);
    memo.save();
    const again = new SavedFrontmatterMemo(memoFile, registry);
    let validated = 0;
    again.read('a.md\n2\ntitle: 甲改', () => (validated++, valid()));
    again.read('a.md\n2\ntitle: 甲', () => (validated++, valid()));
    expect(validated).toBe(1);
    again.save();
    expect(Object.keys((JSON.parse(readFileSync(memoFile, 'utf8')) as { entries: object }).entries)).toHaveLength(2);
  });

  test('holds for the registries it was made with only', () => {
    const memoFile = join(root, 'registry.json');
    const memo = new SavedFrontmatterMemo(memoFile, registry);
    memo.read('a.md\n2\ntitle: 甲', () => ({ problems: [] }));
    memo.save();
    const renamed = { ...registry, units: registry.units.map((unit, index) => (index === 0 ? { ...unit, name: `${unit.name}（新）` } : unit)) };
    let validated = 0;
    new SavedFrontmatterMemo(memoFile, renamed).read('a.md\n2\ntitle: 甲', () => (validated++, { problems: [] }));
    expect(validated).toBe(1);
  });

  test('gives a copy, so a caller cannot change what is kept', () => {
    const memo = new SavedFrontmatterMemo(join(root, 'copy.json'), registry);
    const read = memo.read('a.md\n2\ntitle: 甲', () => ({ problems: [] }));
    read.problems.push({ file: 'a.md', severity: 'error', code: 'YamlSyntax', message: '', hint: '' } as never);
    expect(memo.read('a.md\n2\ntitle: 甲', () => ({ problems: [] })).problems).toEqual([]);
  });
});
