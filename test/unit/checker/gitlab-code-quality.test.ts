import { describe, expect, test } from 'vitest';
import { codeQualityReport } from '../../../src/lib/checker/gitlab-code-quality.ts';
import { catalogued, type Problem } from '../../../src/lib/problems/problems.ts';
import { codeQualityMistakes } from '../../code-quality.ts';

const inContent = (file: string) => `content/${file}`;
const asIs = (file: string) => file;

const unknownUnit = catalogued('articles/2024/11/shenji.md', 'UnknownUnit', { line: 5, column: 15, field: 'units' }, [
  '市审记局',
  ['市审计局'],
]);
const dateFormat = catalogued('articles/2024/11/shenji.md', 'DateFormat', { line: 3, column: 7, field: 'date' }, [
  '2024年11月22日',
  '2024-11-22',
]);
const crlf = catalogued('articles/a.md', 'CrLf', {}, [], [], 'warning');

describe('codeQualityReport', () => {
  test('has every field GitLab requires, the path as the repository has it, and the message and hint in Chinese', () => {
    const report = codeQualityReport([unknownUnit, crlf], inContent);
    expect(codeQualityMistakes(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report[0]).toEqual({
      description:
        '单位：找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。  请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）',
      check_name: 'UnknownUnit',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'content/articles/2024/11/shenji.md', lines: { begin: 5 } },
    });
    // A problem of the whole file is on its first line; a warning is minor.
    expect(report[1]).toMatchObject({
      check_name: 'CrLf',
      severity: 'minor',
      location: { path: 'content/articles/a.md', lines: { begin: 1 } },
    });
  });

  test('the shape check finds what GitLab would refuse', () => {
    expect(codeQualityMistakes({})).toEqual(['not an array']);
    expect(
      codeQualityMistakes([{ description: 'x', check_name: 'y', severity: 'error', location: { path: '/abs', lines: { begin: 0 } } }]),
    ).toEqual(['0: fingerprint', '0: severity', '0: location.path', '0: location.lines.begin']);
  });

  test('a problem keeps its fingerprint from run to run, whatever else is found', () => {
    const alone = codeQualityReport([unknownUnit], asIs)[0]!.fingerprint;
    const withOthers = codeQualityReport([crlf, dateFormat, unknownUnit], asIs);
    expect(withOthers[2]!.fingerprint).toBe(alone);
    expect(codeQualityReport([{ ...unknownUnit }], asIs)[0]!.fingerprint).toBe(alone);
    // The hint and the column do not enter it.
    expect(codeQualityReport([{ ...unknownUnit, column: 1, hint: crlf.hint }], asIs)[0]!.fingerprint).toBe(alone);
  });

  test('the fingerprint differs when the file, line, code or message does', () => {
    const changed: Problem[] = [
      unknownUnit,
      { ...unknownUnit, file: 'articles/2024/11/other.md' },
      { ...unknownUnit, line: 6 },
      { ...unknownUnit, code: 'RenamedUnit' },
      { ...unknownUnit, message: dateFormat.message },
    ];
    const fingerprints = codeQualityReport(changed, asIs).map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(changed.length);
    // The path is the repository's: the same article in content/ is another finding.
    expect(codeQualityReport([unknownUnit], inContent)[0]!.fingerprint).not.toBe(fingerprints[0]);
  });

  test('an empty array for no problems, which GitLab reads as nothing found', () => {
    expect(codeQualityReport([], asIs)).toEqual([]);
  });
});
