import { articleFields, type ArticleField, type FieldKind } from '../fields/article-fields.ts';
import type { CmsSettings, Registry } from '../content/registries.ts';
import { fieldName } from '../problems/field-names.ts';
import { messages } from '../problems/messages.ts';
import { slugPattern } from '../text/pinyin-slug.ts';

/*
 * The configuration of the correspondents' form (Decap CMS at /admin/), made from the same table
 * of fields as the schema `check` validates with, and from the registries: a field added to the
 * table, or a unit added to units.yaml, is in the form after the next build.
 */

/** One field of a Decap collection, as Decap's configuration reads it. */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  [option: string]: unknown;
}

export interface DecapConfig {
  backend: Record<string, unknown>;
  local_backend?: { url: string; allowed_hosts?: string[] };
  publish_mode?: 'editorial_workflow';
  locale: 'zh_Hans';
  site_url?: string;
  media_folder: string;
  public_folder: string;
  load_config_file: false;
  collections: Record<string, unknown>[];
}

/** Where the local helper of `npm run dev` listens (src/integrations/cms.ts), on this computer only, when the port is free. */
export const localBackendPort = 8081;

/** The folders of a picture uploaded with an article: images/<year>/<month>/ as `check` asks, by the article's date. */
const pictureMonth = "{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}";

/** A field's Decap widget and options, by its kind: the same kinds content/schema.ts has a rule for. */
function kindWidget(field: ArticleField, registry: Pick<Registry, 'units' | 'columns'>): { widget: string } & Record<string, unknown> {
  const widgets: Record<FieldKind, () => { widget: string } & Record<string, unknown>> = {
    text: () => ({ widget: 'string' }),
    // Role and names, one row per role (src/scripts/admin-byline.ts), saved as one line.
    byline: () => ({ widget: 'byline' }),
    // Saved as written in the contract: 2024-11-22, no time.
    date: () => ({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      picker_utc: true,
    }),
    // The full name is saved; the label also lists the aliases, so typing one finds the unit.
    units: () => ({
      widget: 'select',
      multiple: true,
      min: 1,
      options: registry.units.map((unit) => ({
        label: unit.aliases.length ? `${unit.name}（${unit.aliases.join('、')}）` : unit.name,
        value: unit.name,
      })),
    }),
    column: () => ({ widget: 'select', options: registry.columns.map((column) => ({ label: column.name, value: column.name })) }),
    tags: () => ({ widget: 'list', allow_add: true }),
    count: () => ({ widget: 'number', value_type: 'int', min: 1 }),
    // Only pictures uploaded into the content folder: `check` refuses one from another site.
    picture: () => ({ widget: 'image', choose_url: false }),
    yesno: () => ({ widget: 'boolean', default: false }),
    slug: () => ({ widget: 'string' }),
  };
  return widgets[field.kind]();
}

/** What a field's value must look like, as a pattern Decap checks before saving, with check's words. */
function kindPattern(key: string, field: ArticleField): [string, string] | undefined {
  const name = fieldName(key);
  if (field.kind === 'slug') return [slugPattern.source, `${name}只能用小写英文字母、数字和连字符（-）。${messages.BadSlug.hint()}`];
  if (field.kind === 'byline') return ['^\\s*\\S+[\\s　]+\\S', `${messages.BadByline.hint()}。`];
  if (field.max && (field.kind === 'text' || field.kind === 'picture'))
    return [`^[\\s\\S]{0,${field.max}}$`, `${name}最多 ${field.max} 个字`];
  return undefined;
}

/** The form's field for one field of the table: its Chinese name as the label, the guide's hint under it. */
export function decapField(key: string, field: ArticleField, registry: Pick<Registry, 'units' | 'columns'>): DecapField {
  const pattern = kindPattern(key, field);
  return {
    name: key,
    label: field.name,
    required: field.required,
    hint: field.editors ? `${field.hint}（编辑填写）` : field.hint,
    ...kindWidget(field, registry),
    ...(pattern ? { pattern } : {}),
  };
}

/** The body: at least a sentence, and no picture from another site (both as `check` says). */
const bodyField: DecapField = {
  name: 'body',
  label: '正文',
  widget: 'markdown',
  required: true,
  hint: '段与段之间空一行；小标题行首写 ## 。图片用“插入图片”上传，不能用其他网站的图片。',
  pattern: [
    '^(?![\\s\\S]*!\\[[^\\]]*\\]\\(\\s*<?(?:https?:)?//)[\\s\\S]*\\S[\\s\\S]*$',
    '正文里有其他网站的图片：请先把图片保存到电脑上，再用“插入图片”上传。',
  ],
};

/** A GitLab's or Gitea's backend: its address, and its API where the host usually has it unless site.yaml says otherwise. */
function selfHosted(settings: CmsSettings, apiPath: string): Record<string, unknown> {
  const apiRoot = settings.apiRoot ?? (settings.baseUrl ? `${settings.baseUrl.replace(/\/$/, '')}${apiPath}` : undefined);
  return {
    name: settings.backend,
    repo: settings.repo,
    branch: settings.branch,
    ...(settings.appId ? { app_id: settings.appId } : {}),
    ...(settings.baseUrl ? { base_url: settings.baseUrl } : {}),
    ...(apiRoot ? { api_root: apiRoot } : {}),
  };
}

/** The git host's part of the configuration, from site.yaml's cms: (see docs/投稿台设置.md). */
function remoteBackend(settings: CmsSettings): { backend: Record<string, unknown>; reviewed: boolean } {
  switch (settings.backend) {
    case 'gitlab':
      return { backend: { ...selfHosted(settings, '/api/v4'), auth_type: 'pkce' }, reviewed: settings.editorialWorkflow };
    case 'gitea':
      // Decap has no merge requests on Gitea: articles are committed to the branch.
      return { backend: selfHosted(settings, '/api/v1'), reviewed: false };
    case 'github': {
      const relay = settings.authEndpoint ? new URL(settings.authEndpoint) : undefined;
      return {
        backend: {
          name: 'github',
          repo: settings.repo,
          branch: settings.branch,
          ...(settings.apiRoot ? { api_root: settings.apiRoot } : {}),
          ...(relay ? { base_url: relay.origin, auth_endpoint: relay.pathname.replace(/^\//, '') || 'auth' } : {}),
        },
        reviewed: settings.editorialWorkflow,
      };
    }
  }
}

/**
 * The form's configuration for a bulletin. `local` (npm run dev) edits the content folder through
 * the helper on this computer, at `helperPort`; a built site edits the repository site.yaml's cms:
 * names, and without one only the local helper can be used.
 */
export function decapConfig(
  registry: Pick<Registry, 'site' | 'units' | 'columns'>,
  options: { local: boolean; helperPort?: number | undefined },
): DecapConfig {
  const settings = registry.site.cms;
  const remote = settings ? remoteBackend(settings) : undefined;
  const fields = Object.entries(articleFields).map(([key, field]: [string, ArticleField]) => decapField(key, field, registry));
  return {
    // Without a git host the backend is never reached: the form is used locally or not at all.
    backend: remote?.backend ?? { name: 'git-gateway' },
    ...(options.local ? { local_backend: { url: `http://127.0.0.1:${options.helperPort ?? localBackendPort}/api/v1` } } : {}),
    ...(remote?.reviewed ? { publish_mode: 'editorial_workflow' as const } : {}),
    locale: 'zh_Hans',
    site_url: registry.site.url,
    media_folder: 'images',
    public_folder: '/images',
    load_config_file: false,
    collections: [
      {
        name: 'articles',
        label: '稿件',
        label_singular: '稿件',
        description: '每篇稿件一个文件，保存在 articles/年/月/ 里，和 npm run new 放的位置一样。',
        folder: 'articles',
        create: true,
        delete: true,
        extension: 'md',
        format: 'frontmatter',
        // The file's name is its address (slug), made from the title as `new` makes it (src/scripts/admin.ts).
        path: '{{year}}/{{month}}/{{slug}}',
        slug: '{{fields.slug}}',
        media_folder: `/images/${pictureMonth}`,
        public_folder: `../../../images/${pictureMonth}`,
        summary: '{{date}}　{{title}}',
        sortable_fields: ['date', 'title'],
        view_groups: [{ label: '栏目', field: 'column' }],
        fields: [...fields, bodyField],
      },
    ],
  };
}
