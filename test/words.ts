import { fieldNames, registryNames } from '../src/lib/problems/field-names.ts';

/** Words a correspondent does not know, each with what to say instead. */
const jargon: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /CRLF|\bCR\b|\bLF\b/g, instead: 'Windows 换行' },
  { pattern: /U\+[0-9A-Fa-f]{4,6}/g, instead: '看不见的零宽空格（字符的中文名）' },
  { pattern: /frontmatter|front matter/gi, instead: '稿件信息' },
  { pattern: /(?<![.\w])yaml\b/gi, instead: '稿件信息，或 单位名单（units.yaml）' },
  { pattern: /\bzod\b/gi, instead: '不提程序库' },
  { pattern: /\bE(?:NOENT|ISDIR|ACCES|PERM|BUSY|EXIST|NOTDIR)\b/g, instead: '找不到文件、没有权限……' },
  { pattern: /\bundefined\b|\bnull\b|\bNaN\b|\[object \w+\]/g, instead: '（一个没有填上的值）' },
  { pattern: /\bError\b| {4}at /g, instead: '中文说明，不是程序的报错' },
  // A message's code (UnknownUnit) comes last on a line of check, never inside the words. GitHub
  // and GitLab are no codes but the names of the sites a correspondent opens the merge request on.
  { pattern: /\b(?!GitHub\b|GitLab\b)[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g, instead: '放到最后，或不写' },
  { pattern: /请编辑用/g, instead: '交给编辑，由编辑用' },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A field key is fine where the writer types it: in an example line (title: …), in an option
 * (--title, --fix-units), beside its Chinese name (标题（title）) or quoting what they wrote
 * (“units”); anywhere else it is jargon.
 */
function bareKeys(text: string): string[] {
  const found: string[] = [];
  for (const [key, name] of Object.entries(fieldNames)) {
    const pattern = new RegExp(`(?<![\\w-])${escape(key)}(?![\\w-]|\\.yaml)`, 'g');
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(0, match.index);
      const after = text.slice(match.index + key.length);
      const example = /^\s*:/.test(after);
      const named = before.endsWith(`${name}（`) || after.startsWith(`（${name}）`);
      const quoted = before.endsWith('“') && after.startsWith('”');
      if (!example && !named && !quoted) found.push(`${key}（该写 ${name}（${key}））`);
    }
  }
  return found;
}

/** A registry file is named by what it is, with the file in brackets: 单位名单（units.yaml）. */
function bareRegistries(text: string): string[] {
  const found: string[] = [];
  for (const [file, name] of Object.entries(registryNames)) {
    for (const match of text.matchAll(new RegExp(`(?<![\\w-])${escape(file)}`, 'g'))) {
      if (!text.slice(0, match.index).endsWith(`${name}（`)) found.push(`${file}（该写 ${name}（${file}））`);
    }
  }
  return found;
}

/** The jargon in a text meant for correspondents, each with what to write instead; empty when there is none. */
export function jargonIn(text: string): string[] {
  const found: string[] = [];
  for (const { pattern, instead } of jargon) {
    for (const match of text.matchAll(pattern)) found.push(`${match[0]}（该写 ${instead}）`);
  }
  return [...found, ...bareKeys(text), ...bareRegistries(text)];
}
