/**
 * npm run import -- <file...> --date 2024-11-26 [--issue 47] [--page 3] [--column 党建动态]
 *   [--dry-run] [--force] [--report 报告.md]
 * Turns a printed page's text (.txt, .md) or a Word file (.docx) into articles in the content
 * folder, and prints a review report of what was repaired and what the editor must decide.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dateProblem, looseDate } from '../src/lib/text/dates.ts';
import { checkImportFlags } from '../src/lib/importer/flags.ts';
import { importPage } from '../src/lib/importer/import-page.ts';
import { readPageInput } from '../src/lib/importer/read-input.ts';
import { importReport } from '../src/lib/importer/report.ts';
import { writeImported } from '../src/lib/importer/write.ts';
import { contentDir } from '../src/lib/files/paths.ts';
import { formatProblems } from '../src/lib/problems/problems.ts';
import { loadRegistry } from '../src/lib/content/registries.ts';
import { contentFolderOptions, parseCommandLine, runCli, UsageError, type CommandHelp } from './cli.ts';

const usage =
  'npm run import -- 版面文字.txt --date 2024-11-26 [--issue 47] [--page 3] [--column 党建动态] [--dry-run] [--force] [--report 报告.md]';

const help = {
  summary:
    'npm run import：把一版报纸的文字（.txt、.md）或 Word 稿（.docx）拆成一篇篇稿件，并列出修复了什么、哪些要编辑决定。再次导入不会重复，也不会覆盖编辑改过的稿件。',
  usage,
  options: {
    date: { value: '2024-11-26', says: '出版日期（必填），也是各篇稿件的日期' },
    issue: { value: '47', says: '期号' },
    page: { value: '3', says: '版次' },
    column: { value: '栏目', says: '没有栏目标记的稿件归入这个栏目' },
    'dry-run': { says: '只看报告，不写任何文件' },
    force: { says: '连编辑改过的稿件也覆盖' },
    report: { value: '报告.md', says: '把报告另存为文件' },
    ...contentFolderOptions,
  },
  examples: [
    'npm run import -- 第3版.txt --date 2024-11-26 --issue 47 --page 3',
    'npm run import -- 来稿.docx --date 2024-11-26 --dry-run',
  ],
} satisfies CommandHelp;

runCli(async () => {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        date: { type: 'string' },
        issue: { type: 'string' },
        page: { type: 'string' },
        column: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        report: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    },
    help,
  );
  const date = looseDate(values.date ?? '') ?? values.date;
  if (positionals.length === 0) throw new UsageError('请给出要导入的版面文字（.txt、.md）或 Word 文件（.docx）。', usage);
  if (!date) throw new UsageError('请用 --date 写明出版日期，例如 --date 2024-11-26。', usage);
  if (dateProblem(date)) throw new UsageError(`--date 的值“${values.date}”不对，请写成 2024-11-26 这样的日期。`, usage);
  const dir = values.dir ? resolve(values.dir) : contentDir();
  const { registry, problems } = loadRegistry(dir);
  if (!registry) {
    console.error(formatProblems(problems));
    return 1;
  }
  const checked = checkImportFlags(values, registry);
  if (checked.problems.length) {
    for (const problem of checked.problems) console.error(problem);
    return 2;
  }
  const options = { date, ...checked.flags };
  // Every file is read before anything is written: one unreadable file stops the whole import.
  const pages: { input: string; text: string; note?: string }[] = [];
  for (const input of positionals) {
    const page = await readPageInput(input);
    if ('problem' in page) {
      console.error(page.problem);
      return page.exitCode;
    }
    pages.push({ input, ...page });
  }
  const reports: string[] = [];
  for (const { input, text, note } of pages) {
    const page = importPage(text, registry, options);
    const written = writeImported(dir, page.articles, { dryRun: values['dry-run'], force: values.force, source: basename(input) });
    reports.push(
      importReport(basename(input), page, written, { ...options, dryRun: values['dry-run'], ...(note ? { readNote: note } : {}) }),
    );
  }
  const report = reports.join('\n');
  console.log(report);
  if (values.report) writeFileSync(values.report, report, 'utf8');
  return 0;
});
