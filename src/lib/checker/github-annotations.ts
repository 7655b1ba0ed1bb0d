import { fieldLabel } from '../problems/field-names.ts';
import type { Problem } from '../problems/problems.ts';

/**
 * A workflow command's message: `%` and line ends escaped (GitHub's rule), so that a message of
 * several lines stays one command and a `%0A` written in an article is not read as a line end.
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which would end the properties or the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One problem as a GitHub Actions workflow command (::error or ::warning), which GitHub shows on
 * the line of the file in a pull request: the field named in the title, the message and, on the
 * next line, the hint, in the same words as check. `pathOf` turns the content-relative path into
 * the repository's.
 */
export function githubAnnotation(problem: Problem, pathOf: (file: string) => string): string {
  const command = problem.severity === 'error' ? 'error' : 'warning';
  const properties = {
    file: pathOf(problem.file),
    line: String(problem.line ?? 1),
    col: String(problem.column ?? 1),
    title: problem.field ? `稿件检查：${fieldLabel(problem.field)}` : '稿件检查',
  };
  const written = Object.entries(properties).map(([name, value]) => `${name}=${escapeProperty(value)}`);
  return `::${command} ${written.join(',')}::${escapeData(`${problem.message}\n${problem.hint}（${problem.code}）`)}`;
}

/**
 * Every problem as a workflow command, one a line. GitHub shows at most ten errors and ten
 * warnings of a step on the pull request, so the caller lists them all in the log as well.
 */
export function githubAnnotations(problems: readonly Problem[], pathOf: (file: string) => string): string {
  return problems.map((problem) => githubAnnotation(problem, pathOf)).join('\n');
}
