import { z } from 'zod';
import { expect, test } from 'vitest';
import { catalogueIssue, zodProblems } from '../../../src/lib/content/zod-problems.ts';

const site = { file: 'articles/a.md', positionOf: (path: readonly PropertyKey[]) => ({ line: 2 + path.length, column: 1 }) };

test('a schema raises a catalogue entry as a custom issue, and it becomes that problem at the issue’s place', () => {
  const schema = z.object({
    units: z.array(z.string()).superRefine((units, context) => {
      units.forEach((unit, index) => {
        if (unit !== '市水务局') context.addIssue(catalogueIssue(unit, [index], 'UnknownUnit', [unit, ['市水务局']]));
      });
    }),
  });
  const result = schema.safeParse({ units: ['市水务局', '水务'] });
  expect(result.success).toBe(false);
  const [problem] = zodProblems(result.error!.issues, site, {});
  expect(problem).toMatchObject({ file: 'articles/a.md', line: 4, field: 'units', code: 'UnknownUnit', severity: 'error' });
  expect(problem?.message).toContain('水务');
});

test('a custom issue raised without the catalogue is told as a wrong value of its field', () => {
  const schema = z.object({ title: z.string().refine(() => false, '不对') });
  const result = schema.safeParse({ title: 'x' });
  expect(zodProblems(result.error!.issues, site, { title: { expected: '文字', example: 'title: 标题' } })[0]).toMatchObject({ code: 'WrongType', field: 'title' });
});

test('a custom issue takes the arguments its catalogue entry takes, or the type check fails', () => {
  // Never called: each line must fail `npm run typecheck`, which runs before the tests.
  const mistakes = [
    // @ts-expect-error a code the catalogue does not have
    () => catalogueIssue('x', [], 'UnknownColum', ['x', []], [[]]),
    // @ts-expect-error BadSlug names the slug as written, as text
    () => catalogueIssue(1, [], 'BadSlug', [1]),
    // @ts-expect-error UnknownColumn's hint needs the registered columns
    () => catalogueIssue('快讯', [], 'UnknownColumn', ['快讯', []]),
  ];
  expect(mistakes).toHaveLength(3);
});
