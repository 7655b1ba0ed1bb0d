/**
 * npm run check [paths...] [-- --fix] [--fix-units] [--format text|json|github|gitlab] [--output file]
 * Checks the content folder with the same code as the build, and lists every problem of every
 * file as 文件:行:列  问题  修改建议; for a merge request, as GitHub's annotations or GitLab's
 * Code Quality report. Exits with 1 when there is an error.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { listArticleFiles } from '../src/lib/content/articles.ts';
import { checkContent, failed } from '../src/lib/checker/check.ts';
import { fixFile } from '../src/lib/checker/fix.ts';
import { formatReport, isCheckFormat } from '../src/lib/checker/formats.ts';
import { contentDir, displayPath, findNamedPath, repositoryRoot, typedPath } from '../src/lib/files/paths.ts';
import { loadRegistry, registryFiles } from '../src/lib/content/registries.ts';
import { contentFolderOptions, parseCommandLine, runCli, UsageError, type CommandHelp } from './cli.ts';

const usage = 'npm run check [-- 文件或文件夹...] [--fix] [--fix-units] [--format text|json|github|gitlab] [--output 文件]';

const help = {
  summary: 'npm run check：检查稿件，不生成网站。逐条列出“文件:行:列  问题  修改建议”；有错误时以 1 结束。',
  usage,
  options: {
    fix: { says: '先修好不改变意思的地方（编码、Windows 换行、中文冒号、日期写法、看不见的字符），逐条说明改了什么' },
    'fix-units': { says: '把单位的简称改成单位名单里的全称' },
    format: {
      value: 'text|json|github|gitlab',
      says: '输出给人看（text，默认）、给程序读（json），或在合并请求里把问题标在所在的行上（github：GitHub 的自动检查；gitlab：GitLab 的代码质量报告）',
    },
    output: { value: '文件', says: '把按 --format 写的结果存进这个文件（如 gl-code-quality-report.json），屏幕上照常逐条列出问题' },
    ...contentFolderOptions,
  },
  examples: [
    'npm run check',
    'npm run check -- articles/2024/11/jineng-biwu.md',
    'npm run check -- --fix',
    'npm run check -- --format gitlab --output gl-code-quality-report.json',
  ],
} satisfies CommandHelp;

runCli(() => {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-units': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    },
    help,
  );
  const format = values.format;
  if (!isCheckFormat(format)) throw new UsageError(`--format 只能是 text、json、github 或 gitlab，不是“${format}”。`, usage);
  const dir = values.dir ? resolve(values.dir) : contentDir();
  const found = positionals.map((path) => ({ path, full: findNamedPath(path, dir) }));
  const missing = found.filter(({ full }) => !full).map(({ path }) => path);
  if (missing.length)
    throw new UsageError(
      `找不到 ${missing.join('、')}：请检查文件名。路径照提示里的写法从内容文件夹算起（如 articles/2024/11/稿件.md），或从运行命令的文件夹算起。`,
      usage,
    );
  const only = found.flatMap(({ full }) => (full ? [relative(dir, full).split(sep).join('/')] : []));
  const outside = only.filter((path) => path.startsWith('..'));
  if (outside.length) {
    console.error(`这些路径不在内容文件夹 ${dir} 里：${outside.join('、')}`);
    return 2;
  }

  if (values.fix || values['fix-units']) {
    const registry = loadRegistry(dir).registry;
    const files = [...registryFiles.map((file) => resolve(dir, file)), ...listArticleFiles(dir)];
    for (const file of files) {
      const path = displayPath(dir, file);
      if (only.length && !only.some((wanted) => path === wanted || path.startsWith(`${wanted.replace(/\/$/, '')}/`))) continue;
      const options = { article: !registryFiles.includes(path), units: values['fix-units'], ...(registry ? { registry } : {}) };
      let result;
      try {
        result = fixFile(file, options);
      } catch {
        continue; // a file that cannot be read is reported by the check below
      }
      if (result.text === undefined) continue;
      writeFileSync(file, result.text, 'utf8');
      for (const change of result.changes) console.log(`已修改 ${path}${change.line ? `:${change.line}` : ''}  ${change.description}`);
    }
  }

  const report = checkContent(dir, only);
  // A merge request places a problem by its path in the repository (content/articles/… in the site's).
  const folder = displayPath(repositoryRoot(dir), dir);
  if (values.output) {
    writeFileSync(typedPath(values.output), `${formatReport(report, format, folder)}\n`, 'utf8');
    console.log(formatReport(report, 'text'));
  } else {
    console.log(formatReport(report, format, folder));
  }
  return failed(report) ? 1 : 0;
});
