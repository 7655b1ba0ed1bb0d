/**
 * The words a correspondent knows for what the content files hold. A field is written in the
 * file by its English key (title:), so a message names both: 标题（title）. The registries are
 * told by what they are for, with the file in brackets: 单位名单（units.yaml）.
 */
import { articleFields } from '../fields/article-fields.ts';

/** The Chinese name of every key of an article (from its one definition), a special page and the registries (as kit/投稿指南.md calls them). */
export const fieldNames: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(articleFields).map(([key, field]) => [key, field.name])),
  name: '名称',
  aliases: '别名',
  formerNames: '曾用名',
  category: '分类',
  description: '简介',
  url: '网址',
  publisher: '主办单位',
  trustedMdx: '可信专题文件夹',
  cms: '投稿台设置',
};

/**
 * Keys inside a key, by their path: site.yaml's cms: settings. A message names one as the line
 * that holds it is written, 托管平台（backend）.
 */
const nestedFieldNames: Readonly<Record<string, string>> = {
  'cms.backend': '托管平台',
  'cms.repo': '稿件仓库',
  'cms.branch': '分支',
  'cms.baseUrl': '托管平台地址',
  'cms.apiRoot': '接口地址',
  'cms.appId': '应用 ID',
  'cms.authEndpoint': '登录中转地址',
  'cms.editorialWorkflow': '审稿流程',
};

/** What each registry file is, in words. */
export const registryNames: Readonly<Record<string, string>> = {
  'site.yaml': '网站设置',
  'units.yaml': '单位名单',
  'columns.yaml': '栏目名单',
};

/** The field as a message names it: 标题（title）; a key the format does not know, in quotes as written. */
export function fieldName(key: string): string {
  const name = fieldNames[key];
  if (name) return `${name}（${key}）`;
  const nested = nestedFieldNames[key];
  return nested ? `${nested}（${key.split('.').at(-1)}）` : `“${key}”`;
}

/** The field as a line of `check` starts with it: its Chinese name alone (标题), or the key as written. */
export function fieldLabel(key: string): string {
  return fieldNames[key] ?? nestedFieldNames[key] ?? key;
}

/** A registry file as a message names it: 单位名单（units.yaml）; another file, as it is. */
export function registryName(file: string): string {
  const name = registryNames[file];
  return name ? `${name}（${file}）` : file;
}

/** A problem's field path (units, tags.2, aliases.0) as a writer can find it: 单位（units）; a key the format does not know, as written. */
export function fieldPathName(path: string): string {
  if (Object.hasOwn(fieldNames, path) || Object.hasOwn(nestedFieldNames, path)) return fieldName(path);
  const key = path.split('.')[0] ?? path;
  return Object.hasOwn(fieldNames, key) ? fieldName(key) : path;
}
