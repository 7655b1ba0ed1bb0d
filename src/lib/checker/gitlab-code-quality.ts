import { createHash } from 'node:crypto';
import { problemWords, type Problem } from '../problems/problems.ts';

/** One finding of a GitLab Code Quality report, with the fields GitLab reads (all of them required). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab's severities for ours. An error is `major` and a warning `minor`, as linters' GitLab
 * reports commonly map them, so errors sort above warnings; `critical` and `blocker` are left to
 * what they usually mean (security, a broken program). What stops a merge is the job failing,
 * which check's exit code does, not the severity.
 */
const severities = { error: 'major', warning: 'minor' } as const satisfies Record<Problem['severity'], CodeQualityIssue['severity']>;

/**
 * What GitLab tells findings apart by, between the target branch's report and the merge
 * request's: the file, line, code and message, hashed, the same on every run for the same problem.
 * Two problems alike in all four are one finding to a reader, and GitLab shows them once.
 */
function fingerprint(path: string, problem: Problem): string {
  return createHash('sha256')
    .update(JSON.stringify([path, problem.line ?? 1, problem.code, problem.message]))
    .digest('hex');
}

/**
 * Every problem as a finding of a GitLab Code Quality report, which a merge request lists with
 * its file and line: the message and hint in the description, in the same words as check.
 * `pathOf` turns the content-relative path into the repository's.
 */
export function codeQualityReport(problems: readonly Problem[], pathOf: (file: string) => string): CodeQualityIssue[] {
  return problems.map((problem) => {
    const path = pathOf(problem.file);
    return {
      description: problemWords(problem),
      check_name: problem.code,
      fingerprint: fingerprint(path, problem),
      severity: severities[problem.severity],
      location: { path, lines: { begin: problem.line ?? 1 } },
    };
  });
}
