import { expect, test } from 'vitest';
import type { MessageCode } from '../../../src/lib/problems/messages.ts';
import { catalogued, filesWithErrors, type CatalogueText, type Problem } from '../../../src/lib/problems/problems.ts';

const problem = (file: string, severity: Problem['severity'], code: MessageCode): Problem => ({
  file,
  severity,
  code,
  message: code as CatalogueText,
  hint: '' as CatalogueText,
});

test('lists the files with an error, each with all its problems, in the order the files were named', () => {
  const problems = [
    problem('articles/b.md', 'warning', 'CrLf'),
    problem('articles/a.md', 'error', 'UnknownUnit'),
    problem('articles/c.md', 'warning', 'EmptyBody'),
    problem('articles/b.md', 'error', 'InvalidDate'),
  ];
  expect(filesWithErrors(problems)).toEqual([
    { file: 'articles/b.md', problems: [problems[0], problems[3]] },
    { file: 'articles/a.md', problems: [problems[1]] },
  ]);
});

test('lists no file when there are only warnings', () => {
  expect(filesWithErrors([problem('articles/c.md', 'warning', 'EmptyBody')])).toEqual([]);
});

test('a problem is raised from the catalogue with the arguments its entry takes, or the type check fails', () => {
  expect(catalogued('a.md', 'UnknownColumn', { line: 2 }, ['快讯', ['党建动态']], [['党建动态']])).toMatchObject({
    code: 'UnknownColumn',
    line: 2,
    severity: 'error',
  });
  expect(catalogued('a.md', 'Utf8Bom', { line: 1 }).message).toContain('BOM');
  // Never called: each line must fail `npm run typecheck`, which runs before the tests.
  const mistakes = [
    // @ts-expect-error a code the catalogue does not have
    () => catalogued('a.md', 'UnknownColum', {}, [], []),
    // @ts-expect-error SlugClash names the slug and the other file, both text
    () => catalogued('a.md', 'SlugClash', {}, [1, 2], ['x']),
    // @ts-expect-error UnknownUnit needs the unit as written and the suggestions
    () => catalogued('a.md', 'UnknownUnit', {}),
    // @ts-expect-error a problem written by hand has words the catalogue may not have
    (): Problem => ({ file: 'a.md', severity: 'error', code: 'UnknownUnit', message: '找不到单位', hint: '' }),
  ];
  expect(mistakes).toHaveLength(4);
});
