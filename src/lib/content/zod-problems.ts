import type { z } from 'zod';
import type { MessageCode } from '../problems/messages.ts';
import { entryWords, placed, type EntryFill, type EntryWords, type Problem } from '../problems/problems.ts';
import type { Position } from '../files/yaml-source.ts';

/** How a field is described to a writer: what kind of value, and an example line (its Chinese name is in problems/field-names.ts). */
export interface FieldInfo {
  expected: string;
  example: string;
}

/** What a schema's custom issue carries: a catalogue entry already filled in, typed by entryWords. */
interface CatalogueParams {
  catalogue: EntryWords;
}

/**
 * A custom zod issue that is an entry of the catalogue, typed by that entry as `entryWords` is:
 * a misspelt code or wrong arguments fail the type check where the schema raises it.
 */
export function catalogueIssue<Code extends MessageCode>(
  input: unknown,
  path: readonly PropertyKey[],
  code: Code,
  ...fill: EntryFill<Code>
): { code: 'custom'; input: unknown; path: PropertyKey[]; params: Record<string, unknown> } {
  const params: CatalogueParams = { catalogue: entryWords(code, ...fill) };
  return { code: 'custom', input, path: [...path], params: { ...params } };
}

function catalogueOf(issue: z.core.$ZodIssueCustom): EntryWords | undefined {
  const params = issue.params as Partial<CatalogueParams> | undefined;
  return params?.catalogue;
}

/** Where problems of one YAML document are reported. */
export interface ProblemSite {
  file: string;
  /** Where a path's value is, in file lines and columns. */
  positionOf(path: readonly PropertyKey[]): Position | undefined;
}

/** Turn zod issues into catalogue problems with the file, line and field a writer can act on. */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  site: ProblemSite,
  fields: Readonly<Record<string, FieldInfo>>,
): Problem[] {
  return issues.map((issue) => {
    const path = issue.path as readonly (string | number)[];
    const field = path.filter((key) => typeof key === 'string').join('.') || undefined;
    // Registry paths start with the entry's index ([3, 'name']); the field is the first key, or the
    // whole path where the table describes a nested key on its own (cms.backend).
    const top = String(path.find((key) => typeof key === 'string') ?? '');
    const described = field !== undefined && Object.hasOwn(fields, field) ? field : top;
    const info = fields[described];
    const position = site.positionOf(path);
    return placed(site.file, { line: position?.line, column: position?.column, field }, describe(issue, described, info));
  });
}

/** zod's names for kinds of value, as a writer would say them. */
const kinds: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  array: '列表',
  boolean: 'true 或 false',
  object: '若干“字段名: 值”',
};

function describe(
  issue: z.core.$ZodIssue,
  field: string,
  info: FieldInfo | undefined,
): EntryWords {
  const example = info?.example ?? `${field}: ……`;
  switch (issue.code) {
    case 'custom': {
      // Every rule of ours raises a catalogue entry; any other is told as a value of the wrong kind, in Chinese.
      return catalogueOf(issue) ?? entryWords('WrongType', [field, info?.expected ?? '正确的值'], [example]);
    }
    case 'invalid_type':
      if (issue.input === null) {
        return entryWords('EmptyField', [field], [field]);
      }
      if (issue.input === undefined) {
        return entryWords('MissingField', [field], [field]);
      }
      return entryWords('WrongType', [field, info?.expected ?? kinds[issue.expected] ?? '正确的值'], [example]);
    case 'too_small':
      if (issue.origin === 'array') {
        return field === 'units'
          ? entryWords('NoUnits')
          : entryWords('EmptyField', [field], [field]);
      }
      if (issue.origin === 'string') {
        return entryWords('EmptyField', [field], [field]);
      }
      return {
        ...entryWords('WrongType', [field, info?.expected ?? '更大的数'], [example]),
      };
    case 'too_big':
      if (issue.origin === 'array') {
        return {
          ...entryWords('TooMany', [field, Number(issue.maximum), lengthOf(issue.input)]),
        };
      }
      if (issue.origin === 'string') {
        return {
          ...entryWords('TooLong', [field, Number(issue.maximum), lengthOf(issue.input)]),
        };
      }
      return {
        ...entryWords('WrongType', [field, info?.expected ?? kinds['number']!], [example]),
      };
    default:
      return {
        ...entryWords('WrongType', [field, info?.expected ?? '正确的值'], [example]),
      };
  }
}

function lengthOf(input: unknown): number {
  if (typeof input === 'string') return [...input].length;
  if (Array.isArray(input)) return input.length;
  return Number(input);
}
