import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { decodeFile } from '../files/encoding.ts';
import { catalogued, type Problem } from '../problems/problems.ts';
import { shortHash, slugifyOrHash, slugPattern } from '../text/slug.ts';
import { isUsableTrustedFolder } from './special-pages.ts';
import { normaliseName } from '../text/characters.ts';
import { unknownKeyProblems } from './unknown-keys.ts';
import { parseYamlSource, type Position } from '../files/yaml-source.ts';
import { catalogueIssue, zodProblems, type FieldInfo } from './zod-problems.ts';

const name = z.string().trim().min(1).max(60);
const slug = z.string().trim().regex(slugPattern).max(80);

/** A web address: http(s), a host, nothing else needed. */
const webAddress = z
  .string()
  .trim()
  .superRefine((value, context) => {
    if (/^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value)) return;
    context.addIssue(catalogueIssue(value, [], 'InvalidUrl', [value]));
  });

/**
 * site.yaml's cms: where the correspondents' form (/admin/) keeps the content: the git host and
 * repository, and the OAuth application it signs in with. Nothing here is secret: an
 * application's id is public, its secret never written down (GitLab and Gitea sign in with PKCE).
 */
export const cmsSettingsSchema = z.object({
  /** The git host: GitLab (also self-hosted), Gitea or Forgejo, or GitHub. */
  backend: z.enum(['gitlab', 'gitea', 'github']),
  /** The content repository, as owner/name (a GitLab group may have sub-groups). */
  repo: z.string().trim().regex(/^[\w.-]+(?:\/[\w.-]+)+$/),
  /** The branch articles are merged into. */
  branch: z.string().trim().min(1).max(100).default('main'),
  /** A self-hosted GitLab's or Gitea's address; GitLab.com and GitHub need none. */
  baseUrl: webAddress.optional(),
  /** The host's API, when it is not where the backend usually has it. */
  apiRoot: webAddress.optional(),
  /** The OAuth application's id (public; its secret is never written here). */
  appId: z.string().trim().min(1).max(200).optional(),
  /** GitHub only: the address of the sign-in relay that holds the OAuth secret. */
  authEndpoint: webAddress.optional(),
  /** Each article goes in as a merge request for the editors to review (GitLab, GitHub). */
  editorialWorkflow: z.boolean().default(true),
});

export type CmsSettings = z.output<typeof cmsSettingsSchema>;

/** site.yaml: the bulletin as a whole. */
export const siteSchema = z.object({
  /** The bulletin's name, shown in the masthead. */
  name: name,
  /** The publishing body, shown in the footer. */
  publisher: z.string().trim().max(100).optional(),
  /** The public base URL: canonical links, RSS and sitemap are made from it. */
  url: webAddress,
  /** One sentence about the bulletin, for the home page and feeds. */
  description: z.string().trim().max(200).optional(),
  /** Content sub-folders whose .mdx files may run code at build time: editors' special pages. */
  trustedMdx: z
    .array(
      z
        .string()
        .trim()
        .superRefine((folder, context) => {
          if (isUsableTrustedFolder(folder)) return;
          context.addIssue(catalogueIssue(folder, [], 'BadTrustedFolder', [folder]));
        }),
    )
    .default([]),
  /** The correspondents' form (/admin/): where it keeps the content. Without it, /admin/ edits only the local folder. */
  cms: cmsSettingsSchema.optional(),
});

/** One entry of units.yaml: an organisational unit (单位). */
export const unitSchema = z.object({
  /** The canonical name, the only one pages show. */
  name: name,
  /** The URL name; derived from the pinyin of the name when absent. */
  slug: slug.optional(),
  /** Other spellings correspondents use; each resolves to this unit. */
  aliases: z.array(name).default([]),
  /** Names the unit had before it was renamed; a reference to one is told the current name. */
  formerNames: z.array(name).default([]),
  /** The group this unit is listed under on the units index. */
  category: z.string().trim().min(1).max(30).default('其他'),
  /** A line about the unit for its page. */
  description: z.string().trim().max(300).optional(),
});

/** One entry of columns.yaml: a column (栏目). */
export const columnSchema = z.object({
  /** The column's name as printed. */
  name: name,
  /** The URL name; derived from the pinyin of the name when absent. */
  slug: slug.optional(),
  /** A line about the column for its page. */
  description: z.string().trim().max(300).optional(),
});

export type SiteConfig = z.output<typeof siteSchema>;
/** A unit with its slug settled. */
export type Unit = Omit<z.output<typeof unitSchema>, 'slug'> & { slug: string };
/** A column with its slug settled. */
export type Column = Omit<z.output<typeof columnSchema>, 'slug'> & { slug: string };

/** The three registries of a content folder, with lookups by any accepted reference. */
export interface Registry {
  site: SiteConfig;
  units: Unit[];
  columns: Column[];
  /** A unit by canonical name, alias or slug (full-width and spacing forgiven). */
  unitByRef: Map<string, Unit>;
  /** A column by name or slug. */
  columnByRef: Map<string, Column>;
}

/** How each field of site.yaml, units.yaml and columns.yaml is described in messages. */
export const registryFields: Readonly<Record<string, FieldInfo>> = {
  name: { expected: '文字', example: 'name: 市水务局' },
  slug: { expected: '小写英文字母、数字和连字符', example: 'slug: shuiwuju' },
  aliases: { expected: '列表', example: 'aliases: [水务局, 延安市水务局]' },
  formerNames: { expected: '列表', example: 'formerNames: [市水利局]' },
  category: { expected: '文字', example: 'category: 政府部门' },
  description: { expected: '文字', example: 'description: 一句话介绍' },
  url: { expected: '完整网址', example: 'url: https://dangjian.example.cn' },
  publisher: { expected: '文字', example: 'publisher: 中共××市直属机关工作委员会' },
  trustedMdx: { expected: '文件夹列表', example: 'trustedMdx: [zhuanti]' },
  cms: { expected: '投稿台设置', example: 'cms: { backend: gitlab, repo: dangjian/gaojian, baseUrl: https://git.example.cn, appId: 应用ID }' },
  'cms.backend': { expected: '“gitlab”“gitea”“github”之一', example: 'backend: gitlab' },
  'cms.repo': { expected: '“组/仓库”形式的仓库名', example: 'repo: dangjian/gaojian' },
  'cms.branch': { expected: '分支名', example: 'branch: main' },
  'cms.baseUrl': { expected: '完整网址', example: 'baseUrl: https://git.example.cn' },
  'cms.apiRoot': { expected: '完整网址', example: 'apiRoot: https://git.example.cn/api/v4' },
  'cms.appId': { expected: '文字', example: 'appId: 应用ID' },
  'cms.authEndpoint': { expected: '完整网址', example: 'authEndpoint: https://auth.example.cn/auth' },
  'cms.editorialWorkflow': { expected: 'true 或 false', example: 'editorialWorkflow: true' },
};

/** The registry files of a content folder, at its top. */
export const registryFiles: readonly string[] = ['site.yaml', 'units.yaml', 'columns.yaml'];

/** Read and validate site.yaml, units.yaml and columns.yaml of a content folder. */
export function loadRegistry(dir: string): { registry?: Registry; problems: Problem[] } {
  const problems: Problem[] = [];
  const site = readYaml(dir, 'site.yaml', problems, (data) => siteSchema.safeParse(data, { reportInput: true }), false, Object.keys(siteSchema.shape));
  const units = readYaml(dir, 'units.yaml', problems, (data) => z.array(unitSchema).safeParse(data, { reportInput: true }), true, Object.keys(unitSchema.shape));
  const columns = readYaml(dir, 'columns.yaml', problems, (data) => z.array(columnSchema).safeParse(data, { reportInput: true }), true, Object.keys(columnSchema.shape));
  if (!site || !units || !columns) return { problems };

  const settledUnits = settleSlugs(units.value, 'unit');
  const settledColumns = settleSlugs(columns.value, 'column');
  const unitByRef = indexByRef(settledUnits, unitRefs, '单位', 'units.yaml', units.positionOf, problems);
  const columnByRef = indexByRef(settledColumns, columnRefs, '栏目', 'columns.yaml', columns.positionOf, problems);
  if (problems.some((problem) => problem.severity === 'error')) return { problems };
  return {
    registry: { site: site.value, units: settledUnits, columns: settledColumns, unitByRef, columnByRef },
    problems,
  };
}

/**
 * Give every entry a slug: its own when written, else the pinyin of its name. Names that read
 * alike (市水务局, 市税务局) must both build: the first in the file keeps the pinyin, a later
 * one gets a short hash of its name added, so appending a unit never moves an existing page.
 */
export function settleSlugs<T extends { name: string; slug?: string | undefined }>(
  entries: readonly T[],
  prefix: string,
): (Omit<T, 'slug'> & { slug: string })[] {
  const taken = new Set(entries.flatMap((entry) => (entry.slug ? [entry.slug] : [])));
  return entries.map((entry) => {
    if (entry.slug) return { ...entry, slug: entry.slug };
    const base = slugifyOrHash(entry.name, prefix);
    const slug = taken.has(base) ? `${base}-${shortHash(entry.name)}` : base;
    taken.add(slug);
    return { ...entry, slug };
  });
}

/** Registries with their lookup maps, from data already validated (as the content store keeps it). */
export function withLookups(data: Pick<Registry, 'site' | 'units' | 'columns'>): Registry {
  return {
    ...data,
    unitByRef: refIndex(data.units, unitRefs).index,
    columnByRef: refIndex(data.columns, columnRefs).index,
  };
}

const unitRefs = (unit: Unit) => [unit.name, ...unit.aliases, unit.slug];
const columnRefs = (column: Column) => [column.name, column.slug];

/** Every reference of every entry, normalised, to its entry; a reference two entries share is a clash. */
function refIndex<T>(entries: readonly T[], refsOf: (entry: T) => string[]) {
  const index = new Map<string, T>();
  const clashes: { position: number; written: string; other: T }[] = [];
  entries.forEach((entry, position) => {
    for (const written of refsOf(entry)) {
      const ref = normaliseName(written);
      const other = index.get(ref);
      if (other === undefined) index.set(ref, entry);
      else if (other !== entry) clashes.push({ position, written, other });
    }
  });
  return { index, clashes };
}

/** Look a unit up by whatever a correspondent wrote for it. */
export function resolveUnit(ref: string, registry: Pick<Registry, 'unitByRef'>): Unit | undefined {
  return registry.unitByRef.get(normaliseName(ref));
}

/** Look a column up by its name or slug. */
export function resolveColumn(ref: string, registry: Pick<Registry, 'columnByRef'>): Column | undefined {
  return registry.columnByRef.get(normaliseName(ref));
}

type PositionOf = (path: readonly PropertyKey[]) => Position | undefined;

function readYaml<T>(
  dir: string,
  file: string,
  problems: Problem[],
  parse: (data: unknown) => z.ZodSafeParseResult<T>,
  isList: boolean,
  knownKeys: readonly string[],
): { value: T; positionOf: PositionOf } | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, file));
  } catch {
    problems.push(catalogued(file, 'RegistryMissing', {}, [file], [file]));
    return undefined;
  }
  const decoded = decodeFile(bytes);
  if (decoded.text === undefined) {
    problems.push(catalogued(file, decoded.reason === 'binary' ? 'NotText' : 'NotUtf8', {}));
    return undefined;
  }
  if (decoded.encoding === 'gb18030') problems.push(catalogued(file, 'Gbk', { line: 1 }));
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') problems.push(catalogued(file, 'Utf16', { line: 1 }));
  const source = parseYamlSource(decoded.text.replace(/\r\n?/g, '\n'));
  if (source.errors.length) {
    for (const error of source.errors) {
      problems.push(catalogued(file, 'YamlSyntax', { line: error.line, column: error.column }, [error.detail]));
    }
    return undefined;
  }
  const data = source.data ?? (isList ? [] : {});
  if (isList && !Array.isArray(data)) {
    problems.push(catalogued(file, 'RegistryNotAList', { line: 1 }, [file]));
    return undefined;
  }
  const positionOf: PositionOf = (path) => source.positionOf(path);
  const entries = (isList ? (data as unknown[]) : [data]).map((entry, index) => ({ entry, path: isList ? [index] : [] }));
  for (const { entry, path } of entries) {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      problems.push(...unknownKeyProblems(entry, knownKeys, file, (key) => positionOf([...path, key])));
    }
  }
  const result = parse(data);
  if (!result.success) {
    problems.push(...zodProblems(result.error.issues, { file, positionOf }, registryFields));
    return undefined;
  }
  return { value: result.data, positionOf };
}

function indexByRef<T extends { name: string }>(
  entries: T[],
  refsOf: (entry: T) => string[],
  kind: string,
  file: string,
  positionOf: PositionOf,
  problems: Problem[],
): Map<string, T> {
  const { index, clashes } = refIndex(entries, refsOf);
  for (const { position, written, other } of clashes) {
    const place = positionOf([position]);
    problems.push(catalogued(file, 'DuplicateName', { line: place?.line, column: place?.column, field: 'name' }, [kind, written, other.name]));
  }
  return index;
}
