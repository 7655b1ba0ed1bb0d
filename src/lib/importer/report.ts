import { registryName } from '../problems/field-names.ts';
import { identityRule } from './identity.ts';
import type { ImportedArticle, PageImport } from './import-page.ts';
import type { WriteOutcome, WriteResult } from './write.ts';

const outcomes: Record<WriteOutcome, string> = {
  created: '新建',
  updated: '更新',
  unchanged: '未变',
  'kept-edited': '已被编辑过，没有覆盖（加 --force 覆盖）',
};

/** The review report of an import, in Markdown: per article what was repaired and what needs a decision. */
export function importReport(
  source: string,
  page: PageImport,
  written: readonly WriteResult[],
  options: { date: string; issue?: number; page?: number; dryRun?: boolean; readNote?: string },
): string {
  const lines: string[] = ['# 导入报告', ''];
  const where = [`出版日期 ${options.date}`, options.issue ? `第 ${options.issue} 期` : '', options.page ? `第 ${options.page} 版` : '']
    .filter(Boolean)
    .join('，');
  lines.push(`来源：${source}（${where}）${options.dryRun ? '。试运行，没有写入任何文件。' : ''}`);
  if (options.readNote) lines.push(`读取：${options.readNote}`);
  const count = (outcome: WriteOutcome) => written.filter((entry) => entry.outcome === outcome).length;
  lines.push(
    `共 ${page.articles.length} 篇：新建 ${count('created')}，更新 ${count('updated')}，未变 ${count('unchanged')}，保留编辑过的 ${count('kept-edited')}。`,
    '',
  );
  if (page.repairs.length) {
    lines.push('## 读取版面时的修复', '', '这些文字不属于任何稿件，或是排版留下的，导入时已处理：', '');
    for (const repair of page.repairs) lines.push(`- 原文第 ${repair.line} 行：${repair.description}`);
    lines.push('');
  }
  page.articles.forEach((article: ImportedArticle, index) => {
    const result = written[index];
    const paragraphs = article.body.filter((block) => block.level === 0).length;
    const sections = article.body.length - paragraphs;
    lines.push(`## ${index + 1}. ${article.title || '（没有标题的简讯）'}`, '');
    if (result) lines.push(`文件：${result.path}（${outcomes[result.outcome]}）`);
    if (result?.previousTitle !== undefined) {
      const percent = Math.round((result.similarity ?? 1) * 100);
      lines.push(
        `上次导入时标题是《${result.previousTitle}》，现在标题不同，但正文相同 ${percent}%，按同一篇处理，沿用原文件。${identityRule}。`,
      );
    }
    lines.push(
      `栏目：${article.column || '（未定）'} · 单位：${article.units.join('、') || '（未定）'} · 署名：${article.byline || '（未定）'} · 正文 ${paragraphs} 段${sections ? `、${sections} 个小标题` : ''}`,
      '',
    );
    lines.push(article.repairs.length ? '修复：' : '修复：无');
    for (const repair of article.repairs) lines.push(`- 原文第 ${repair.line} 行：${repair.description}`);
    lines.push('');
    lines.push(article.decisions.length ? '需要决定：' : '需要决定：无');
    for (const decision of article.decisions) lines.push(`- ${decision}`);
    lines.push('');
  });
  if (page.stray.length) {
    lines.push('## 没有归入任何稿件的文字', '', '以下文字出现在第一个标题之前，没有导入：', '');
    for (const block of page.stray) lines.push(`- 原文第 ${block.line} 行：${[...block.text].slice(0, 30).join('')}`);
    lines.push('');
  }
  if (page.unknownUnits.length) {
    lines.push(
      '## 未登记的单位',
      '',
      `以下名称出现在稿件导语中，但${registryName('units.yaml')}里没有。确认是单位后，可以把下面几行补好分类后加进单位名单：`,
      '',
      '```yaml',
    );
    for (const name of page.unknownUnits) lines.push(`- name: ${name}`, '  aliases: []', '  category: 其他');
    lines.push('```', '');
  }
  return lines.join('\n');
}
