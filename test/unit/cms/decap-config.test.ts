import { describe, expect, test } from 'vitest';
import { decapConfig, type DecapField } from '../../../src/lib/cms/decap-config.ts';
import { parseArticle } from '../../../src/lib/content/articles.ts';
import { articleFields } from '../../../src/lib/fields/article-fields.ts';
import { fixtureRegistry } from '../helpers.ts';

const registry = fixtureRegistry();
const collection = (config = decapConfig(registry, { local: true })) =>
  config.collections[0] as { fields: DecapField[]; path: string; folder: string; media_folder: string; public_folder: string };
const field = (name: string) => collection().fields.find((entry) => entry.name === name)!;
const matches = (entry: DecapField, value: string) => new RegExp(entry.pattern![0]).test(value);

describe('the form made from the table of fields', () => {
  test('has every field of the table, in its order, labelled with its Chinese name, then the body', () => {
    const fields = collection().fields;
    expect(fields.map((entry) => entry.name)).toEqual([...Object.keys(articleFields), 'body']);
    expect(fields.map((entry) => entry.label).slice(0, 3)).toEqual(['标题', '引题', '副题']);
    expect(field('title')).toMatchObject({ required: true, hint: '稿件的主标题', widget: 'string' });
    expect(field('issue')).toMatchObject({ required: false, widget: 'number', value_type: 'int', hint: '报纸的第几期（编辑填写）' });
  });

  test('offers the units of units.yaml, found by an alias, saving the full name', () => {
    const units = field('units');
    expect(units).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    const options = units['options'] as { label: string; value: string }[];
    expect(options).toHaveLength(registry.units.length);
    const withAlias = registry.units.find((unit) => unit.aliases.length > 0)!;
    expect(options).toContainEqual({ label: `${withAlias.name}（${withAlias.aliases.join('、')}）`, value: withAlias.name });
    expect((field('column')['options'] as { value: string }[]).map((option) => option.value)).toEqual(
      registry.columns.map((column) => column.name),
    );
  });

  test('saves the date as the contract writes it, and pictures only from this computer', () => {
    expect(field('date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field('cover')).toMatchObject({ widget: 'image', choose_url: false });
  });

  test('refuses before saving what check refuses, in check’s words', () => {
    expect(matches(field('title'), '技能比武强本领')).toBe(true);
    expect(matches(field('title'), '长'.repeat(201))).toBe(false);
    expect(field('title').pattern![1]).toBe('标题（title）最多 200 个字');
    expect(matches(field('byline'), '通讯员 王笛')).toBe(true);
    expect(matches(field('byline'), '王笛')).toBe(false);
    expect(matches(field('slug'), 'jineng-biwu')).toBe(true);
    expect(matches(field('slug'), 'Jineng biwu')).toBe(false);
    const body = field('body');
    expect(matches(body, '本报讯（通讯员 王笛）11月22日，……')).toBe(true);
    expect(matches(body, '文字\n\n![图](https://mmbiz.qpic.cn/a.jpg)')).toBe(false);
    expect(matches(body, '文字\n\n![图](../../../images/2024/11/a.jpg)')).toBe(true);
    expect(matches(body, '   ')).toBe(false);
  });

  test('files an article and its pictures where new and check put them', () => {
    expect(collection()).toMatchObject({
      folder: 'articles',
      path: '{{year}}/{{month}}/{{slug}}',
      media_folder: "/images/{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}",
      public_folder: "../../../images/{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}",
    });
  });

  test('an article as the form writes it passes check', () => {
    const [first, second] = registry.units;
    const text = [
      '---',
      'title: 技能比武强本领',
      'date: 2024-11-22',
      `column: ${registry.columns[0]!.name}`,
      `units:\n  - ${first!.aliases[0] ?? first!.name}\n  - ${second!.name}`,
      'byline: 通讯员 王笛',
      'tags:\n  - 技能比武',
      'draft: false',
      'slug: ji-neng-bi-wu-qiang-ben-ling',
      '---',
      '本报讯（通讯员 王笛）11月22日，市水务局组织开展技能大比武活动。',
      '',
    ].join('\n');
    const { article, problems } = parseArticle(
      'articles/2024/11/ji-neng-bi-wu-qiang-ben-ling.md',
      new TextEncoder().encode(text),
      registry,
    );
    expect(problems).toEqual([]);
    expect(article?.units).toEqual([first!.slug, second!.slug]);
  });
});

describe('where the form keeps the content', () => {
  test('npm run dev edits the content folder through the helper on this computer', () => {
    expect(decapConfig(registry, { local: true }).local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    // Another dev server held 8081: the form talks to this one's helper, wherever it listens.
    expect(decapConfig(registry, { local: true, helperPort: 40123 }).local_backend).toEqual({ url: 'http://127.0.0.1:40123/api/v1' });
    expect(decapConfig(registry, { local: false }).local_backend).toBeUndefined();
  });

  test('a self-hosted GitLab signs in with PKCE and reviews each article as a merge request', () => {
    const site = {
      ...registry.site,
      cms: {
        backend: 'gitlab' as const,
        repo: 'dangjian/gaojian',
        branch: 'main',
        baseUrl: 'https://git.example.cn',
        appId: 'abc',
        editorialWorkflow: true,
      },
    };
    const config = decapConfig({ ...registry, site }, { local: false });
    expect(config.backend).toEqual({
      name: 'gitlab',
      repo: 'dangjian/gaojian',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'abc',
      base_url: 'https://git.example.cn',
      api_root: 'https://git.example.cn/api/v4',
    });
    expect(config.publish_mode).toBe('editorial_workflow');
  });

  test('Gitea has no merge requests in Decap: articles are committed to the branch', () => {
    const site = {
      ...registry.site,
      cms: {
        backend: 'gitea' as const,
        repo: 'dangjian/gaojian',
        branch: 'main',
        baseUrl: 'https://gitea.example.cn',
        appId: 'abc',
        editorialWorkflow: true,
      },
    };
    const config = decapConfig({ ...registry, site }, { local: false });
    expect(config.backend).toMatchObject({ name: 'gitea', api_root: 'https://gitea.example.cn/api/v1', app_id: 'abc' });
    expect(config.publish_mode).toBeUndefined();
  });

  test('GitHub signs in through the relay named in site.yaml', () => {
    const site = {
      ...registry.site,
      cms: {
        backend: 'github' as const,
        repo: 'dangjian/gaojian',
        branch: 'main',
        authEndpoint: 'https://auth.example.cn/github/auth',
        editorialWorkflow: false,
      },
    };
    const config = decapConfig({ ...registry, site }, { local: false });
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'dangjian/gaojian',
      branch: 'main',
      base_url: 'https://auth.example.cn',
      auth_endpoint: 'github/auth',
    });
    expect(config.publish_mode).toBeUndefined();
  });
});
