import { z } from 'zod';
import { parseByline, bylineNames, type BylineGroup } from '../text/byline.ts';
import { dateProblem, daysInMonth, looseDate } from '../text/dates.ts';
import { resolveColumn, resolveUnit, type Registry } from './registries.ts';
import { slugPattern } from '../text/slug.ts';
import { renamedUnit, suggestColumns, suggestUnits } from './name-suggestions.ts';
import { catalogueIssue, type FieldInfo } from './zod-problems.ts';
import { articleFields, exampleLine, kindWords, textKinds, type ArticleField, type ArticleFieldKey, type ArticleFields, type FieldKind } from '../fields/article-fields.ts';

/** The frontmatter keys the contract knows; any other key is reported, never an error. */
export const articleKeys: readonly string[] = Object.keys(articleFields);

/** How each field is described in messages: the kind of value and an example line. */
export const articleFieldInfo: Readonly<Record<string, FieldInfo>> = Object.fromEntries(
  Object.entries(articleFields).map(([key, field]: [string, ArticleField]) => [key, { expected: kindWords[field.kind], example: exampleLine(key, field) }]),
);

/** The fields whose values are one line of text: YAML's traps (#, `: `, 1.10) are looked for in them. */
export const articleTextKeys: ReadonlySet<string> = new Set(
  Object.entries(articleFields).flatMap(([key, field]: [string, ArticleField]) => (textKinds.has(field.kind) ? [key] : [])),
);

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

/** Chinese list separators: a writer who types 市水务局、市审计局 means two units. Captured: a split keeps them. */
const listSeparators = /([、，,；;])/;

/** 【甲】, ［甲, 乙］: the brackets a Chinese input method types instead of [ ]. */
const fullWidthBrackets = /^[【［〔](.*)[】］〕]$/su;

/**
 * The items of a value written as a list. `isWhole` names items that hold a separator in
 * themselves (a unit called 市人社局、市医保局联合党支部): pieces that together make one are
 * kept together, the longest run first.
 */
function listItems(value: unknown, isWhole?: (item: string) => boolean): unknown[] {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return [value];
  const inside = fullWidthBrackets.exec(value.trim())?.[1] ?? value;
  // Pieces at even places, the separators between them at odd ones.
  const parts = inside.split(listSeparators);
  const items: string[] = [];
  for (let start = 0; start < parts.length; start += 2) {
    let end = start;
    if (isWhole) {
      for (let last = parts.length - 1; last > start; last -= 2) {
        if (isWhole(parts.slice(start, last + 1).join('').trim())) {
          end = last;
          break;
        }
      }
    }
    items.push(parts.slice(start, end + 1).join('').trim());
    start = end;
  }
  return items.filter(Boolean);
}

/** Whether a text names a unit of the registry (a name, alias or former name may itself hold 、). */
const isRegisteredUnit = (registry: Registry) => (text: string) =>
  resolveUnit(text, registry) !== undefined || renamedUnit(text, registry) !== undefined;

/** Units as a writer lists them in one text (市水务局、市审计局), a unit whose name holds 、 kept whole. */
export function unitList(text: string, registry: Registry): string[] {
  return listItems(text, isRegisteredUnit(registry)) as string[];
}

/**
 * A list as the writer meant it: a single value (`units: 市水务局`) is a list of one, and
 * items joined with Chinese separators or wrapped in full-width brackets are split apart,
 * except where `isWhole` says the joined pieces are one item.
 */
const listOf = <T extends z.ZodType>(item: T, isWhole?: (item: string) => boolean) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value.flatMap((one) => listItems(one, isWhole)) : listItems(value, isWhole)),
    z.array(item),
  );

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

/** What each kind of field is read as, once valid. */
export interface KindValues {
  text: string;
  date: string;
  column: string;
  units: string[];
  byline: { text: string; groups: BylineGroup[]; names: string[] };
  tags: string[];
  count: number;
  picture: string;
  yesno: boolean;
  slug: string;
}

/** The rule of each kind of field, for one bulletin: units and columns are resolved against its registries. */
function kindRules(registry: Registry): { [Kind in FieldKind]: (field: ArticleField) => z.ZodType<KindValues[Kind]> } {
  const columnNames = registry.columns.map((column) => column.name);
  return {
    text: (field) => text(field.max ?? 200),
    picture: (field) => text(field.max ?? 300),
    date: () => isoDate,
    count: () => positiveInt,
    yesno: () => yamlBoolean,
    /** A column of columns.yaml, by name or slug; becomes the column's slug. */
    column: () =>
      z.preprocess(asText, z.string().trim().min(1)).transform((ref, context) => {
        const column = resolveColumn(ref, registry);
        if (column) return column.slug;
        context.addIssue(catalogueIssue(ref, [], 'UnknownColumn', [ref, suggestColumns(ref, registry)], [columnNames]));
        return z.NEVER;
      }),
    /** Units of units.yaml, by name, alias or slug; become the units' slugs, without repeats. */
    units: () =>
      listOf(
        z.union([z.string(), z.number()]).transform(String),
        isRegisteredUnit(registry),
      )
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
    byline: (field) =>
      text(field.max ?? 100).transform((value, context) => {
        const groups: BylineGroup[] = parseByline(value);
        if (bylineNames(groups).length === 0) {
          context.addIssue(catalogueIssue(value, [], 'BadByline', [value]));
          return z.NEVER;
        }
        return { text: value, groups, names: bylineNames(groups) };
      }),
    /** Topic tags, shown on the article and each with its own page; repeats dropped. */
    tags: () =>
      listOf(z.union([z.string(), z.number()]).transform(String))
        .pipe(z.array(z.string().trim().min(1).max(30)).max(50))
        .transform((tags) => [...new Set(tags)]),
    /** The URL name; else the ASCII file name; else pinyin. */
    slug: () =>
      z.preprocess(
        asText,
        z
          .string()
          .trim()
          .toLowerCase()
          .superRefine((value, context) => {
            if (slugPattern.test(value) && value.length <= 100) return;
            context.addIssue(catalogueIssue(value, [], 'BadSlug', [value]));
          }),
      ),
  };
}

/** What an absent optional field is read as, by kind: no tags, not a draft. */
const absentValues: Partial<{ [Kind in FieldKind]: KindValues[Kind] }> = { tags: [], yesno: false };

/** The value of one field of a valid article. */
type FieldValue<Field extends ArticleField> = KindValues[Field['kind']];

/** Fields every valid article has: the required ones, and those read as something when absent (tags, draft). */
type PresentKey = {
  [Key in ArticleFieldKey]: ArticleFields[Key]['required'] extends true ? Key : ArticleFields[Key]['kind'] extends 'tags' | 'yesno' ? Key : never;
}[ArticleFieldKey];

/** What the schema makes of a valid article's frontmatter: each field of the table, as its kind reads it. */
export type ArticleFrontmatter = { [Key in PresentKey]: FieldValue<ArticleFields[Key]> } & {
  [Key in Exclude<ArticleFieldKey, PresentKey>]?: FieldValue<ArticleFields[Key]>;
};

function articleSchema(registry: Registry): z.ZodType<ArticleFrontmatter> {
  const rules = kindRules(registry) as Record<FieldKind, (field: ArticleField) => z.ZodType>;
  const shape = Object.fromEntries(
    Object.entries(articleFields).map(([key, field]: [string, ArticleField]) => {
      const rule = rules[field.kind](field);
      const absent = absentValues[field.kind];
      return [key, field.required ? rule : absent !== undefined ? rule.default(absent as never) : rule.optional()];
    }),
  );
  // The shape is made from the table, so zod cannot infer it: ArticleFrontmatter says the same from the same table.
  return z.object(shape).loose() as unknown as z.ZodType<ArticleFrontmatter>;
}
