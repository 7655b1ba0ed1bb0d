import { fieldLabel } from './field-names.ts';
import { messages, type MessageCode } from './messages.ts';

declare const fromCatalogue: unique symbol;

/**
 * A message or hint as the catalogue words it. Only filling in an entry makes one (entryWords,
 * catalogued), so a Problem cannot be written by hand with words the catalogue does not have.
 */
export type CatalogueText = string & { readonly [fromCatalogue]: true };

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
  code: MessageCode;
  /** What is wrong, in Chinese. */
  message: CatalogueText;
  /** How to fix it, in Chinese. */
  hint: CatalogueText;
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

/**
 * One problem on one line, the same wherever it is found (check, build, new, import):
 * 文件:行:列  错误/提示 字段：问题  修改建议（代码）. Editors jump to file:line:column with it;
 * the field goes by its Chinese name (单位, not units), and the code, for editors, comes last.
 */
export function formatProblem(problem: Problem): string {
  const kind = problem.severity === 'error' ? '错误' : '提示';
  return `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}  ${kind} ${problemWords(problem)}`;
}

/** What a problem says, without its place or how bad it is: 字段：问题  修改建议（代码）, as a line of check ends. */
export function problemWords(problem: Problem): string {
  const field = problem.field ? `${fieldLabel(problem.field)}：` : '';
  return `${field}${problem.message}  ${problem.hint}（${problem.code}）`;
}

/** The closing count, or that nothing was found. */
function problemCount(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return problems.length ? `共 ${errors} 个错误、${problems.length - errors} 个提示。` : '没有发现问题。';
}

/** Every problem, then a count, in the order files were read. */
export function formatProblems(problems: Problem[]): string {
  return [...problems.map(formatProblem), problemCount(problems)].join('\n');
}

/** True when any problem must stop a build. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One file and every problem found in it. */
export interface FileProblems {
  /** Path relative to the content folder, as in each problem. */
  file: string;
  problems: Problem[];
}

/**
 * The files that have an error, each with all its problems (its warnings too, as check lists
 * them), in the order the files were first named: what keeps articles off the site.
 */
export function filesWithErrors(problems: readonly Problem[]): FileProblems[] {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return [...byFile].filter(([, found]) => hasErrors(found)).map(([file, found]) => ({ file, problems: found }));
}

/** Where in a file a problem is. */
export interface ProblemPlace {
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
}

/** What an entry of the catalogue is filled in with: its message's arguments, and its hint's. */
export type MessageArgs<Code extends MessageCode> = Parameters<(typeof messages)[Code]['message']>;
export type HintArgs<Code extends MessageCode> = Parameters<(typeof messages)[Code]['hint']>;

/** An entry's arguments: each may be left out only where the entry takes none (and nothing after it is given). */
export type EntryFill<Code extends MessageCode> =
  [] extends HintArgs<Code>
    ? [] extends MessageArgs<Code>
      ? [args?: MessageArgs<Code>, hintArgs?: HintArgs<Code>]
      : [args: MessageArgs<Code>, hintArgs?: HintArgs<Code>]
    : [args: MessageArgs<Code>, hintArgs: HintArgs<Code>];

/** The arguments after a problem's place: the entry's, as EntryFill, then how bad it is. */
export type CatalogueFill<Code extends MessageCode> =
  [] extends HintArgs<Code>
    ? [] extends MessageArgs<Code>
      ? [args?: MessageArgs<Code>, hintArgs?: HintArgs<Code>, severity?: Problem['severity']]
      : [args: MessageArgs<Code>, hintArgs?: HintArgs<Code>, severity?: Problem['severity']]
    : [args: MessageArgs<Code>, hintArgs: HintArgs<Code>, severity?: Problem['severity']];

/** An entry filled in with its arguments, whatever its code (the types above keep them matched). */
function fillEntry(code: MessageCode, args: readonly unknown[], hintArgs: readonly unknown[]): EntryWords {
  const entry = messages[code] as { message: (...values: readonly unknown[]) => string; hint: (...values: readonly unknown[]) => string };
  return { code, message: entry.message(...args) as CatalogueText, hint: entry.hint(...hintArgs) as CatalogueText };
}

/** A problem's words without its place: the entry filled in, for a caller that knows where it is. */
export type EntryWords = Pick<Problem, 'code' | 'message' | 'hint'>;

/** An entry of the catalogue filled in with `args` and `hintArgs`, typed by the entry. */
export function entryWords<Code extends MessageCode>(code: Code, ...fill: EntryFill<Code>): EntryWords {
  const [args = [], hintArgs = []] = fill as readonly (readonly unknown[] | undefined)[];
  return fillEntry(code, args, hintArgs);
}

/**
 * A problem from the catalogue: its message and hint filled in with `args` and `hintArgs`, typed
 * by the entry, so that a misspelt code or arguments of the wrong kind fail the type check.
 */
export function catalogued<Code extends MessageCode>(file: string, code: Code, place: ProblemPlace, ...fill: CatalogueFill<Code>): Problem {
  const [args = [], hintArgs = [], severity = 'error'] = fill as [
    args?: readonly unknown[],
    hintArgs?: readonly unknown[],
    severity?: Problem['severity'],
  ];
  return placed(file, place, fillEntry(code, args, hintArgs), severity);
}

/** A problem from an entry filled in earlier (by entryWords, where the place was not yet known). */
export function placed(file: string, place: ProblemPlace, words: EntryWords, severity: Problem['severity'] = 'error'): Problem {
  return { file, ...place, severity, ...words };
}
