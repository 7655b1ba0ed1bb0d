/**
 * What GitLab requires of a Code Quality report (docs.gitlab.com, ci/testing/code_quality, "Code
 * Quality report format"): a JSON array of objects, each with a string description, check_name and
 * fingerprint, a severity of info, minor, major, critical or blocker, a string location.path, and
 * the line as an integer in location.lines.begin. The list of what is missing or wrong; empty when the report is valid.
 */
export function codeQualityMistakes(report: unknown): string[] {
  if (!Array.isArray(report)) return ['not an array'];
  return report.flatMap((issue: unknown, index) => {
    const found: string[] = [];
    const item = (issue ?? {}) as Record<string, unknown>;
    for (const key of ['description', 'check_name', 'fingerprint'])
      if (typeof item[key] !== 'string' || item[key] === '') found.push(`${index}: ${key}`);
    if (!['info', 'minor', 'major', 'critical', 'blocker'].includes(item['severity'] as string)) found.push(`${index}: severity`);
    const location = (item['location'] ?? {}) as { path?: unknown; lines?: { begin?: unknown } };
    if (typeof location.path !== 'string' || location.path === '' || location.path.startsWith('/')) found.push(`${index}: location.path`);
    if (!Number.isInteger(location.lines?.begin) || (location.lines!.begin as number) < 1) found.push(`${index}: location.lines.begin`);
    return found;
  });
}
