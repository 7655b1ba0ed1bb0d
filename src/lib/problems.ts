import { messages, type MessageCode } from './messages.ts';

/** Where a problem with the content sits and how bad it is; every validation reports these. */
export interface Problem {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** 1-based column, when known. */
  column?: number | undefined;
  /** The frontmatter field or registry key concerned, when there is one. */
  field?: string | undefined;
  severity: 'error' | 'warning';
  /** A permanent name from the message catalogue, e.g. `UnknownUnit`. */
  code: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  hint: string;
}

/** Thrown when content cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** One problem as a correspondent reads it: file, line, field, then what and how to fix. */
export function formatProblem(problem: Problem): string {
  const mark = problem.severity === 'error' ? '✖' : '⚠';
  const where = [
    problem.file,
    problem.line ? `第 ${problem.line} 行` : '',
    problem.field ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${mark} ${where}\n  ${problem.message}\n  ${problem.hint}（${problem.code}）`;
}

/** Every problem, then a count, in the order files were read. */
export function formatProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [...problems.map(formatProblem), `共 ${errors} 个错误、${warnings} 个警告。`].join('\n');
}

/** True when any problem must stop a build. */
export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Where in a file a problem is. */
export interface ProblemPlace {
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
}

/** A problem from the catalogue: its message and hint filled in with `args` and `hintArgs`. */
export function catalogued(
  file: string,
  code: MessageCode,
  place: ProblemPlace,
  args: readonly unknown[] = [],
  hintArgs: readonly unknown[] = [],
  severity: Problem['severity'] = 'error',
): Problem {
  const entry = messages[code] as { message: (...values: unknown[]) => string; hint: (...values: unknown[]) => string };
  return { file, ...place, severity, code, message: entry.message(...args), hint: entry.hint(...hintArgs) };
}
