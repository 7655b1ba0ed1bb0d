import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../../src/lib/checker/check.ts';
import { checkFormats, formatReport, isCheckFormat } from '../../../src/lib/checker/formats.ts';
import { formatProblems } from '../../../src/lib/problems/problems.ts';
import { fixtureDir } from '../helpers.ts';
import { codeQualityMistakes } from '../../code-quality.ts';

const cases = fileURLToPath(new URL('../../fixtures/check/', import.meta.url));

/** The fixture bulletin with an unknown unit (an error) and invisible characters (warnings), checked. */
function report() {
  const dir = mkdtempSync(join(tmpdir(), 'formats-'));
  cpSync(fixtureDir, dir, { recursive: true });
  mkdirSync(join(dir, 'articles', 'check'));
  for (const file of ['unknown-unit.md', 'invisible.md']) cpSync(join(cases, file), join(dir, 'articles', 'check', file));
  return checkContent(dir, ['articles/check']);
}

describe('formatReport', () => {
  const found = report();

  test('text is the list check has always printed, and json the report itself, both by the content folder’s paths', () => {
    expect(formatReport(found, 'text', 'content')).toBe(formatProblems(found.problems));
    expect(JSON.parse(formatReport(found, 'json', 'content'))).toEqual(JSON.parse(JSON.stringify(found)));
  });

  test('github: an annotation for each problem by the repository’s path, then the list as text prints it', () => {
    const lines = formatReport(found, 'github', 'content').split('\n');
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(found.problems.length);
    expect(annotations.filter((line) => line.startsWith('::error '))).toHaveLength(found.errors);
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(found.warnings);
    expect(annotations.every((line) => line.includes(' file=content/articles/check/'))).toBe(true);
    expect(lines.slice(annotations.length).join('\n')).toBe(formatProblems(found.problems));
  });

  test('gitlab: a Code Quality report, by the repository’s path, or the content folder’s at the repository’s top', () => {
    const inSite = JSON.parse(formatReport(found, 'gitlab', 'content')) as { location: { path: string } }[];
    expect(codeQualityMistakes(inSite)).toEqual([]);
    expect(inSite.map((issue) => issue.location.path)).toEqual(found.problems.map((problem) => `content/${problem.file}`));
    const atTop = JSON.parse(formatReport(found, 'gitlab')) as { location: { path: string } }[];
    expect(atTop.map((issue) => issue.location.path)).toEqual(found.problems.map((problem) => problem.file));
  });

  test('a clean folder: no annotations and the closing words; an empty report', () => {
    const clean = { problems: [], errors: 0, warnings: 0 };
    expect(formatReport(clean, 'github')).toBe('没有发现问题。');
    expect(JSON.parse(formatReport(clean, 'gitlab'))).toEqual([]);
  });

  test('knows its formats and no other', () => {
    expect(checkFormats.filter(isCheckFormat)).toEqual(['text', 'json', 'github', 'gitlab']);
    expect(isCheckFormat('xml')).toBe(false);
  });
});
