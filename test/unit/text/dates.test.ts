import { describe, expect, test } from 'vitest';
import { dateProblem, dateToInstant, formatChineseDate, formatChineseMonth } from '../../../src/lib/text/dates.ts';

describe('dateProblem', () => {
  test('accepts a real date', () => expect(dateProblem('2024-11-22')).toBeUndefined());
  test('accepts 29 February in a leap year', () => expect(dateProblem('2024-02-29')).toBeUndefined());
  test('rejects 29 February in a common year', () => expect(dateProblem('2023-02-29')).toBe('impossible'));
  test('rejects 31 November instead of rolling over to December', () => expect(dateProblem('2024-11-31')).toBe('impossible'));
  test('rejects month 13', () => expect(dateProblem('2024-13-01')).toBe('impossible'));
  test.each(['2024年11月22日', '2024.11.22', '2024/11/22', '2024-1-5', '24-11-22', ''])('rejects the format %s', (value) => {
    expect(dateProblem(value)).toBe('format');
  });
});

test('formats dates the way a printed bulletin does', () => {
  expect(formatChineseDate('2024-01-05')).toBe('2024年1月5日');
  expect(formatChineseMonth('2024-11')).toBe('2024年11月');
});

test('gives every calendar date one instant, whatever the time zone', () => {
  expect(dateToInstant('2024-11-26').toISOString()).toBe('2024-11-26T12:00:00.000Z');
});
