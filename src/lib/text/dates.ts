/** A calendar date as the bulletin uses it: YYYY-MM-DD, no time, no time zone. */
export type IsoDate = `${number}-${number}-${number}`;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a date string is not a usable date, or undefined when it is one. */
export function dateProblem(value: string): 'format' | 'impossible' | undefined {
  const match = isoPattern.exec(value);
  if (!match) return 'format';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'impossible';
  return undefined;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 2024-11-26 → 2024年11月26日, as printed bulletins write dates. */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2024-11 → 2024年11月. */
export function formatChineseMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return `${year}年${month}月`;
}

/** The year of a YYYY-MM-DD date, as a string. */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** The YYYY-MM of a YYYY-MM-DD date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * A Date at noon UTC of a calendar date, for feeds and sitemaps: the same instant whatever
 * time zone the build runs in, and the same calendar day in every zone from UTC−11 to UTC+11.
 */
export function dateToInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * A date written the ways Chinese offices write dates (2024年11月22日, 2024.11.22, 2024/11/22,
 * 2024-1-5, 20241122) as YYYY-MM-DD; undefined when the text is no such date.
 */
export function looseDate(value: string): string | undefined {
  const text = value.normalize('NFKC').trim();
  const match = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}
