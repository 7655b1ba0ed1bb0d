import { z } from 'zod';
import { parseByline, bylineNames, type BylineGroup } from '../text/byline.ts';
import { dateProblem, daysInMonth, looseDate } from '../text/dates.ts';
import { resolveColumn, resolveUnit, type Registry } from './registries.ts';
import { slugPattern } from '../text/slug.ts';
import { renamedUnit, suggestColumns, suggestUnits } from './name-suggestions.ts';
import { catalogueIssue, type FieldInfo } from './zod-problems.ts';

/** How each frontmatter field is described in messages: the kind of value and an example. */
export const articleFields: Readonly<Record<string, FieldInfo>> = {
  title: { expected: '文字', example: 'title: 技能比武强本领' },
  kicker: { expected: '文字', example: 'kicker: 引题' },
  subtitle: { expected: '文字', example: 'subtitle: ——副题' },
  date: { expected: '日期', example: 'date: 2024-11-22' },
  column: { expected: '栏目名称', example: 'column: 党建动态' },
  units: { expected: '单位列表', example: 'units: [市水务局]' },
  byline: { expected: '署名', example: 'byline: 通讯员 王笛' },
  tags: { expected: '标签列表', example: 'tags: [技能比武, 安全生产]' },
  issue: { expected: '正整数', example: 'issue: 47' },
  page: { expected: '正整数', example: 'page: 3' },
  order: { expected: '正整数', example: 'order: 2' },
  summary: { expected: '文字', example: 'summary: 一句话摘要' },
  cover: { expected: '图片路径', example: 'cover: ../../../images/biwu.jpg' },
  draft: { expected: 'true 或 false', example: 'draft: false' },
  slug: { expected: '小写英文字母、数字和连字符', example: 'slug: jineng-biwu' },
};

/** The frontmatter keys the contract knows; any other key is reported, never an error. */
export const articleKeys = Object.keys(articleFields);

/** Text fields take numbers as text too (title: 2024 is a title). */
const asText = (value: unknown) => (typeof value === 'number' ? String(value) : value);
const text = (max: number) => z.preprocess(asText, z.string().trim().min(1).max(max));

/** Numbers written as text ("47") are what the writer meant; a YAML number is fine too. */
const positiveInt = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int().positive().max(100000),
);

/** A yes/no value as its writer meant it: YAML 1.1 words (yes/no/on/off) and 是/否 are true or false; anything else is returned as it is. */
export function readYesNo(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (['true', 'yes', 'y', 'on', '是'].includes(word)) return true;
  if (['false', 'no', 'n', 'off', '否'].includes(word)) return false;
  return value;
}

const yamlBoolean = z.preprocess(readYesNo, z.boolean());

/** Chinese list separators: a writer who types 市水务局、市审计局 means two units. */
const listSeparators = /[、，,；;]/;

/** 【甲】, ［甲, 乙］: the brackets a Chinese input method types instead of [ ]. */
const fullWidthBrackets = /^[【［〔](.*)[】］〕]$/su;

function listItems(value: unknown): unknown[] {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return [value];
  const inside = fullWidthBrackets.exec(value.trim())?.[1] ?? value;
  return inside.split(listSeparators).map((item) => item.trim()).filter(Boolean);
}

/**
 * A list as the writer meant it: a single value (`units: 市水务局`) is a list of one, and
 * items joined with Chinese separators or wrapped in full-width brackets are split apart.
 */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value.flatMap(listItems) : listItems(value)), z.array(item));

/** Year, month and the month's length, for a hint that names the month actually written. */
function impossibleDateHint(iso: string): [number, number, number] | [] {
  const [year, month] = iso.split('-').map(Number);
  if (!year || !month || month < 1 || month > 12) return [];
  return [year, month, daysInMonth(year, month)];
}

const isoDate = z.preprocess(
  asText,
  z.string().trim().superRefine((value, context) => {
    const problem = dateProblem(value);
    if (!problem) return;
    const iso = problem === 'format' ? looseDate(value) : undefined;
    context.addIssue(
      problem === 'impossible' || (iso && dateProblem(iso))
        ? catalogueIssue(value, [], 'ImpossibleDate', [value], impossibleDateHint(iso ?? value))
        : iso
          ? catalogueIssue(value, [], 'DateFormat', [value, iso])
          : catalogueIssue(value, [], 'InvalidDate', [value]),
    );
  }),
);

/**
 * The article frontmatter schema for one bulletin. It needs the registries because unit and
 * column references are resolved while validating: the output holds slugs, never raw names.
 */
export function createArticleSchema(registry: Registry) {
  // Building a schema costs far more than using one (zod compiles it on first use): one per registry.
  let schema = schemas.get(registry);
  if (!schema) {
    schema = articleSchema(registry);
    schemas.set(registry, schema);
  }
  return schema;
}

const schemas = new WeakMap<Registry, ReturnType<typeof articleSchema>>();

function articleSchema(registry: Registry) {
  const columnNames = registry.columns.map((column) => column.name);

  return z
    .object({
      /** The headline (主标题). */
      title: text(200),
      /** The line above the headline (引题). */
      kicker: text(200).optional(),
      /** The line below the headline (副题), usually starting with ——. */
      subtitle: text(200).optional(),
      /** The publication date, YYYY-MM-DD. */
      date: isoDate,
      /** A column of columns.yaml, by name or slug; becomes the column's slug. */
      column: z
        .preprocess(asText, z.string().trim().min(1))
        .transform((ref, context) => {
          const column = resolveColumn(ref, registry);
          if (column) return column.slug;
          context.addIssue(catalogueIssue(ref, [], 'UnknownColumn', [ref, suggestColumns(ref, registry)], [columnNames]));
          return z.NEVER;
        }),
      /** Units of units.yaml, by name, alias or slug; become the units' slugs, without repeats. */
      units: listOf(z.union([z.string(), z.number()]).transform(String))
        .pipe(z.array(z.string().trim().min(1)).min(1))
        .transform((refs, context) => {
          const slugs: string[] = [];
          refs.forEach((ref, index) => {
            const unit = resolveUnit(ref, registry);
            if (unit) {
              if (!slugs.includes(unit.slug)) slugs.push(unit.slug);
              return;
            }
            const renamed = renamedUnit(ref, registry);
            context.addIssue(
              renamed
                ? catalogueIssue(ref, [index], 'RenamedUnit', [ref, renamed.name], [renamed.name])
                : catalogueIssue(ref, [index], 'UnknownUnit', [ref, suggestUnits(ref, registry)]),
            );
          });
          return slugs;
        }),
      /** Role then names: "记者 高乐", "通讯员 王登香 李明". */
      byline: text(100).transform((value, context) => {
        const groups: BylineGroup[] = parseByline(value);
        if (bylineNames(groups).length === 0) {
          context.addIssue(catalogueIssue(value, [], 'BadByline', [value]));
          return z.NEVER;
        }
        return { text: value, groups, names: bylineNames(groups) };
      }),
      /** Topic tags, shown on the article and each with its own page. */
      tags: listOf(z.union([z.string(), z.number()]).transform(String))
        .pipe(z.array(z.string().trim().min(1).max(30)).max(50))
        .default([])
        .transform((tags) => [...new Set(tags)]),
      /** The issue (期) number. */
      issue: positiveInt.optional(),
      /** The printed page (版). */
      page: positiveInt.optional(),
      /** The position on its printed page, for the issue view (an extension of the contract). */
      order: positiveInt.optional(),
      /** One sentence for listings; taken from the first paragraph when absent. */
      summary: text(500).optional(),
      /** A picture for the article, relative to the file, inside the content folder. */
      cover: text(300).optional(),
      /** Drafts show in local preview only. */
      draft: yamlBoolean.default(false),
      /** The URL name; else the ASCII file name; else pinyin. */
      slug: z
        .preprocess(
          asText,
          z
            .string()
            .trim()
            .toLowerCase()
            .superRefine((value, context) => {
              if (slugPattern.test(value) && value.length <= 100) return;
              context.addIssue(catalogueIssue(value, [], 'BadSlug', [value]));
            }),
        )
        .optional(),
    })
    .loose();
}

/** What the schema makes of a valid article's frontmatter. */
export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema>>;
