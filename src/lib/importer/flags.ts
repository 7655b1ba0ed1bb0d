import { resolveColumn, type Registry } from '../content/registries.ts';
import { suggestColumns } from '../content/name-suggestions.ts';
import { registryName } from '../problems/field-names.ts';

/** The import command's --issue, --page and --column as typed, before they are trusted. */
export interface ImportFlags {
  issue?: string | undefined;
  page?: string | undefined;
  column?: string | undefined;
}

/** The flags, checked: numbers as numbers, the column by its canonical name. */
export interface CheckedFlags {
  issue?: number;
  page?: number;
  column?: string;
}

const examples = { issue: ['期号', '--issue 47'], page: ['版次', '--page 3'] } as const;

/**
 * Check the flags against what they must be, so that a typo never lands silently in every
 * imported article: --issue and --page are positive whole numbers, --column is a column of
 * columns.yaml (by name or slug). Each problem is one line in Chinese naming flag and value.
 */
export function checkImportFlags(flags: ImportFlags, registry: Registry): { flags: CheckedFlags; problems: string[] } {
  const checked: CheckedFlags = {};
  const problems: string[] = [];
  for (const key of ['issue', 'page'] as const) {
    const value = flags[key];
    if (value === undefined) continue;
    const [what, example] = examples[key];
    if (/^\s*[1-9]\d*\s*$/.test(value)) checked[key] = Number(value);
    else problems.push(`--${key} 的值“${value}”不对：${what}要写成正整数，如 ${example}。`);
  }
  if (flags.column !== undefined) {
    const column = resolveColumn(flags.column, registry);
    if (column) checked.column = column.name;
    else {
      const names = registry.columns.map((entry) => entry.name);
      const [guess] = suggestColumns(flags.column, registry, 1);
      const hint = guess ? `是不是“${guess}”？` : '';
      problems.push(`--column 的值“${flags.column}”不是${registryName('columns.yaml')}里的栏目。${hint}可用的栏目：${names.join('、')}。`);
    }
  }
  return { flags: checked, problems };
}
