import { readFileSync } from 'node:fs';
import { looseDate, dateProblem } from '../text/dates.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { resolveUnit, type Registry } from '../content/registries.ts';
import { parseYamlSource } from '../files/yaml-source.ts';
import { decodeFile, foreignEncodingName } from '../files/encoding.ts';
import { findKeyTypos } from '../files/frontmatter-keys.ts';
import { pastedTextChanges, readPastedText } from '../content/pasted-text.ts';
import { fieldName } from '../problems/field-names.ts';

const typoWords = { colon: '中文冒号', space: '全角空格', nospace: '“:”（缺空格）' } as const;

/** One change `--fix` made, in words an editor understands. */
export interface FixChange {
  line?: number;
  description: string;
}

/** What fixing one file gives: the new text (undefined when nothing changed) and what changed. */
export interface FixResult {
  text?: string;
  changes: FixChange[];
}

/**
 * Repair what is safe to repair in a file without asking: its encoding, BOM and line ends; in an
 * article, what a paste leaves (invisible characters, odd spaces, pasted indents), written as
 * the build already reads it; and in its frontmatter, keys typed with a full-width colon or
 * space, dates written the Chinese way, and (when `units` is set) unit aliases, which become
 * canonical names. Otherwise the body is never touched: the text a correspondent wrote stays
 * as it is.
 */
export function fixFile(file: string, options: { registry?: Registry; units?: boolean; article: boolean }): FixResult {
  const decoded = decodeFile(readFileSync(file));
  if (decoded.text === undefined) return { changes: [] };
  const changes: FixChange[] = [];
  let text = decoded.text;
  const foreign = foreignEncodingName(decoded.encoding);
  if (foreign) changes.push({ description: `编码 ${foreign} → UTF-8` });
  if (decoded.encoding === 'utf-8-bom') changes.push({ description: '去掉文件开头看不见的 BOM 标记' });
  if (/\r\n?/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push({ description: 'Windows 换行 → 网站用的换行' });
  }
  if (options.article) {
    const pasted = readPastedText(text);
    changes.push(...pastedTextChanges(pasted.lines));
    text = pasted.text;
    text = fixFrontmatter(text, changes, options);
  }
  return changes.length ? { text, changes } : { changes };
}

function fixFrontmatter(text: string, changes: FixChange[], options: { registry?: Registry; units?: boolean }): string {
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) return text;
  const lines = text.split('\n');
  const first = split.yamlLine - 1;
  for (const typo of findKeyTypos(split.yaml)) {
    lines[first + typo.line] = typo.fixed;
    changes.push({ line: first + typo.line + 1, description: `${fieldName(typo.key)}后的${typoWords[typo.kind]}改为“: ”` });
  }
  const yaml = lines.slice(first, first + split.yaml.split('\n').length).join('\n');
  const source = parseYamlSource(yaml);
  if (source.errors.length || !source.data || typeof source.data !== 'object') return lines.join('\n');
  const data = source.data as Record<string, unknown>;

  const replace = (path: readonly PropertyKey[], written: string, wanted: string, description: string) => {
    const position = source.positionOf(path);
    if (!position) return;
    const index = first + position.line - 1;
    const line = lines[index]!;
    const start = position.column - 1 + (/['"]/.test(line[position.column - 1] ?? '') ? 1 : 0);
    if (line.slice(start, start + written.length) !== written) return;
    lines[index] = line.slice(0, start) + wanted + line.slice(start + written.length);
    changes.push({ line: index + 1, description });
  };

  const date = typeof data['date'] === 'number' ? String(data['date']) : data['date'];
  if (typeof date === 'string' && dateProblem(date) === 'format') {
    const iso = looseDate(date);
    if (iso && !dateProblem(iso)) replace(['date'], date, iso, `日期 ${date} → ${iso}`);
  }

  if (options.units && options.registry && Array.isArray(data['units'])) {
    data['units'].forEach((ref, index) => {
      if (typeof ref !== 'string') return;
      const unit = resolveUnit(ref, options.registry!);
      if (unit && unit.name !== ref) replace(['units', index], ref, unit.name, `单位 ${ref} → ${unit.name}`);
    });
  }
  return lines.join('\n');
}
