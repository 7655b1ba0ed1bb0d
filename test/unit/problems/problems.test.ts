import { expect, test } from 'vitest';
import { filesWithErrors, type Problem } from '../../../src/lib/problems/problems.ts';

const problem = (file: string, severity: Problem['severity'], code: string): Problem => ({ file, severity, code, message: code, hint: '' });

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
