import { articleFields, type ArticleField, type ArticleFieldKey, type ArticleFields, type FieldKind } from '../fields/article-fields.ts';
import { yamlScalar } from '../files/yaml-scalar.ts';

/** What each kind of field is written from: names as a writer gives them, not yet resolved. */
interface KindWritten {
  text: string;
  date: string;
  column: string;
  units: readonly string[];
  byline: string;
  tags: readonly string[];
  count: number;
  picture: string;
  yesno: boolean;
  slug: string;
}

type Written<Key extends ArticleFieldKey> = KindWritten[ArticleFields[Key]['kind']];
type RequiredKey = { [Key in ArticleFieldKey]: ArticleFields[Key]['required'] extends true ? Key : never }[ArticleFieldKey];

/** The fields an article file is written with, by `new` or the importer: the required ones, and any other. */
export type FrontmatterFields = { [Key in RequiredKey]: Written<Key> } & { [Key in Exclude<ArticleFieldKey, RequiredKey>]?: Written<Key> | undefined };

/** The line of a field, or none for an optional field with nothing to say (no tags, not a draft). */
const writeKind: { [Kind in FieldKind]: (key: string, value: KindWritten[Kind], field: ArticleField) => string | undefined } = {
  text: (key, value) => (value ? `${key}: ${yamlScalar(value)}` : undefined),
  column: (key, value) => `${key}: ${yamlScalar(value)}`,
  byline: (key, value) => `${key}: ${yamlScalar(value)}`,
  picture: (key, value) => (value ? `${key}: ${yamlScalar(value)}` : undefined),
  date: (key, value) => `${key}: ${value}`,
  slug: (key, value) => (value ? `${key}: ${value}` : undefined),
  units: (key, value) => `${key}: [${value.map(yamlScalar).join(', ')}]`,
  tags: (key, value, field) => (value.length || field.required ? `${key}: [${value.map(yamlScalar).join(', ')}]` : undefined),
  count: (key, value) => (value ? `${key}: ${value}` : undefined),
  yesno: (key, value) => (value ? `${key}: true` : undefined),
};

/** The frontmatter of an article file, between its --- lines, fields in the contract's order. */
export function frontmatterText(fields: FrontmatterFields): string {
  const lines = Object.entries(articleFields).flatMap(([key, field]: [string, ArticleField]) => {
    const value = (fields as Record<string, unknown>)[key];
    if (value === undefined) return [];
    const line = (writeKind[field.kind] as (key: string, value: unknown, field: ArticleField) => string | undefined)(key, value, field);
    return line === undefined ? [] : [line];
  });
  return ['---', ...lines, '---'].join('\n');
}
