import { formatProblems } from '../problems/problems.ts';
import type { CheckReport } from './check.ts';
import { githubAnnotations } from './github-annotations.ts';
import { codeQualityReport } from './gitlab-code-quality.ts';

/** The ways check can write what it found: for people, for programs, for a GitHub or GitLab merge request. */
export const checkFormats = ['text', 'json', 'github', 'gitlab'] as const;
export type CheckFormat = (typeof checkFormats)[number];

export function isCheckFormat(value: string): value is CheckFormat {
  return (checkFormats as readonly string[]).includes(value);
}

/**
 * A report as `format` writes it. `folder` is the content folder's path in its git repository
 * ('' when it is the repository's top): GitHub and GitLab place a problem by the repository's
 * path, text and json by the content folder's, as every other message does.
 */
export function formatReport(report: CheckReport, format: CheckFormat, folder = ''): string {
  const pathOf = (file: string) => (folder ? `${folder}/${file}` : file);
  switch (format) {
    case 'text':
      return formatProblems(report.problems);
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'github':
      // The annotations, then the list as check prints it: GitHub shows only ten of each kind on the pull request.
      return [githubAnnotations(report.problems, pathOf), formatProblems(report.problems)].filter(Boolean).join('\n');
    case 'gitlab':
      return JSON.stringify(codeQualityReport(report.problems, pathOf), null, 2);
  }
}
