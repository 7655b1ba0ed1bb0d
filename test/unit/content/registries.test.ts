import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/lib/problems/problems.ts';
import { loadRegistry, resolveColumn, resolveUnit } from '../../../src/lib/content/registries.ts';
import { fixtureRegistry } from '../helpers.ts';
import { jargonIn } from '../../words.ts';

/** A content folder with these registry files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const defaults = { 'site.yaml': 'name: 测试\nurl: https://example.cn\n', 'units.yaml': '- name: 市水务局\n', 'columns.yaml': '- name: 党建动态\n' };
  for (const [name, text] of Object.entries({ ...defaults, ...files })) writeFileSync(join(dir, name), text);
  return dir;
}

describe('resolveUnit', () => {
  const registry = fixtureRegistry();
  test('resolves a unit by its canonical name', () => expect(resolveUnit('市水务局', registry)?.slug).toBe('shuiwuju'));
  test('resolves a unit by alias', () => expect(resolveUnit('水务局', registry)?.slug).toBe('shuiwuju'));
  test('resolves a unit by slug', () => expect(resolveUnit('shuiwuju', registry)?.name).toBe('市水务局'));
  test('forgives full-width letters and stray spaces', () => expect(resolveUnit(' ＳＨＵＩＷＵＪＵ ', registry)?.name).toBe('市水务局'));
  test('derives a pinyin slug when none is given', () => expect(resolveUnit('审计局', registry)?.slug).toBe('shi-shen-ji-ju'));
  test('finds nothing for an unknown unit', () => expect(resolveUnit('市交通局', registry)).toBeUndefined());
  test('defaults the category to 其他', () => {
    const { registry: loaded } = loadRegistry(folderWith({ 'units.yaml': '- name: 市水务局\n' }));
    expect(loaded?.units[0]?.category).toBe('其他');
  });
});

test('resolves a column by name or slug', () => {
  const registry = fixtureRegistry();
  expect(resolveColumn('党建动态', registry)?.slug).toBe('dongtai');
  expect(resolveColumn('dongtai', registry)?.name).toBe('党建动态');
  expect(resolveColumn('通讯', registry)?.slug).toBe('tong-xun');
});

describe('loadRegistry', () => {
  test('reports an alias that two units share, naming the line', () => {
    const dir = folderWith({ 'units.yaml': '- name: 市水务局\n  aliases: [水务局]\n- name: 县水务局\n  aliases: [水务局]\n' });
    const { registry, problems } = loadRegistry(dir);
    expect(registry).toBeUndefined();
    expect(problems).toMatchObject([{ file: 'units.yaml', line: 3, code: 'DuplicateName' }]);
    expect(problems[0]?.message).toContain('水务局');
  });

  test('reports a missing registry file by name', () => {
    const dir = folderWith({});
    const { problems } = loadRegistry(join(dir, 'nowhere'));
    expect(problems.map((problem) => problem.file)).toEqual(['site.yaml', 'units.yaml', 'columns.yaml']);
    expect(problems.every((problem) => problem.code === 'RegistryMissing')).toBe(true);
  });

  test('reports a site URL that is not a URL, quoting it', () => {
    const { problems } = loadRegistry(folderWith({ 'site.yaml': 'name: 测试\nurl: dangjian\n' }));
    expect(problems).toMatchObject([{ file: 'site.yaml', line: 2, field: 'url', code: 'InvalidUrl' }]);
    expect(formatProblem(problems[0]!)).toMatchInlineSnapshot(`"site.yaml:2:6  错误 网址：网址“dangjian”不是完整的 http(s) 地址。  例如：url: https://dangjian.example.cn（InvalidUrl）"`);
  });

  test('names the field of a unit entry, not its position, when a value has the wrong type', () => {
    const { problems } = loadRegistry(folderWith({ 'units.yaml': '- name: 市水务局\n  aliases:\n    first: 水务局\n' }));
    expect(problems).toMatchObject([{ file: 'units.yaml', line: 3, field: 'aliases', code: 'WrongType' }]);
    expect(problems[0]?.message).toBe('别名（aliases）应为列表。');
  });

  test('warns about a misspelt key instead of ignoring it', () => {
    const { registry: loaded, problems } = loadRegistry(folderWith({ 'units.yaml': '- name: 市水务局\n  alias: [水务局]\n' }));
    expect(loaded).toBeDefined();
    expect(problems).toMatchObject([{ file: 'units.yaml', line: 2, field: 'alias', severity: 'warning', code: 'UnknownField' }]);
    expect(problems[0]?.message).toBe('不认识的字段 alias，是不是想写别名（aliases）？');
  });

  test('reports a missing unit name with its line', () => {
    const { problems } = loadRegistry(folderWith({ 'units.yaml': '- name: 市水务局\n- slug: shenjiju\n' }));
    expect(problems).toMatchObject([{ file: 'units.yaml', line: 2, field: 'name', code: 'MissingField' }]);
  });

  test('reports YAML syntax errors with their line', () => {
    const { problems } = loadRegistry(folderWith({ 'columns.yaml': '- name: 党建动态\n- name: [未闭合\n' }));
    expect(problems[0]).toMatchObject({ file: 'columns.yaml', code: 'YamlSyntax' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  test('gives units whose names read alike different slugs, the first keeping the plain one', () => {
    const slugsOf = (units: string) => loadRegistry(folderWith({ 'units.yaml': units })).registry!.units.map((unit) => unit.slug);
    const before = slugsOf('- name: 市水务局\n');
    const after = slugsOf('- name: 市水务局\n- name: 市税务局\n');
    expect(before).toEqual(['shi-shui-wu-ju']);
    expect(after[0]).toBe('shi-shui-wu-ju');
    expect(after[1]).toMatch(/^shi-shui-wu-ju-[0-9a-f]{8}$/);
  });

  test('lets a written slug win over a derived one', () => {
    const slugs = loadRegistry(folderWith({ 'units.yaml': '- name: 市水务局\n- name: 市审计局\n  slug: shi-shui-wu-ju\n' })).registry!.units.map((unit) => unit.slug);
    expect(slugs[1]).toBe('shi-shui-wu-ju');
    expect(slugs[0]).toMatch(/^shi-shui-wu-ju-[0-9a-f]{8}$/);
  });

  test('accepts empty unit and column lists', () => {
    const { registry } = loadRegistry(folderWith({ 'units.yaml': '', 'columns.yaml': '[]\n' }));
    expect(registry?.units).toEqual([]);
    expect(registry?.columns).toEqual([]);
  });
});

describe('site.yaml’s cms:', () => {
  test('names each setting of the form by what it is, with the line to write', () => {
    const dir = folderWith({ 'site.yaml': 'name: 测试\nurl: https://example.cn\ncms:\n  backend: gitlb\n  repo: dangjian\n  baseUrl: git.example.cn\n' });
    const { registry, problems } = loadRegistry(dir);
    expect(registry).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'site.yaml:4:12  错误 托管平台：托管平台（backend）应为“gitlab”“gitea”“github”之一。  例如：backend: gitlab（WrongType）',
      'site.yaml:5:9  错误 稿件仓库：稿件仓库（repo）应为“组/仓库”形式的仓库名。  例如：repo: dangjian/gaojian（WrongType）',
      expect.stringMatching(/^site\.yaml:6:12 {2}错误 托管平台地址：网址“git\.example\.cn”不是完整的 http\(s\) 地址。/),
    ]);
    for (const problem of problems) expect(jargonIn(`${problem.message}${problem.hint}`)).toEqual([]);
  });

  test('a GitLab with its application is read, the branch main unless named', () => {
    const dir = folderWith({ 'site.yaml': 'name: 测试\nurl: https://example.cn\ncms:\n  backend: gitlab\n  repo: dangjian/gaojian\n  baseUrl: https://git.example.cn\n  appId: abc\n' });
    expect(loadRegistry(dir).registry?.site.cms).toEqual({ backend: 'gitlab', repo: 'dangjian/gaojian', branch: 'main', baseUrl: 'https://git.example.cn', appId: 'abc', editorialWorkflow: true });
  });
});
