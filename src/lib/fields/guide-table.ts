import { articleFields, type ArticleField } from './article-fields.ts';

/** The lines around the table in kit/投稿指南.md: what lies between them is written from the fields. */
export const guideTableStart = '<!-- 稿件信息字段表：由 src/lib/fields/article-fields.ts 生成，改字段请改那里 -->';
export const guideTableEnd = '<!-- 字段表结束 -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The guide's table of fields, one row per field in the contract's order: key, name, required, what to write. */
export function guideTable(): string {
  const rows = Object.entries(articleFields).map(([key, field]: [string, ArticleField]) => {
    const required = field.required ? ' 是 ' : ' ';
    return `| ${key} | ${field.name} |${required}| ${cell(field.hint)}${field.editors ? '（编辑填写）' : ''} |`;
  });
  return ['| 字段 | 名称 | 必填 | 写法 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** A guide's text with its table of fields written afresh; undefined when the guide has no place for it. */
export function withGuideTable(guide: string): string | undefined {
  const start = guide.indexOf(guideTableStart);
  const end = guide.indexOf(guideTableEnd, start);
  if (start === -1 || end === -1) return undefined;
  return `${guide.slice(0, start + guideTableStart.length)}\n${guideTable()}\n${guide.slice(end)}`;
}
