import type { Registry } from '../content/registries.ts';
import { parseByline } from '../text/byline.ts';
import { creditLabel } from './block-kinds.ts';
import { authorLine, closingByline, openingByline } from './bylines.ts';

/** Two bylines of one article as one (本报讯（记者 高乐）… ■通讯员 王笛): each role once, each name once. */
export function mergeBylines(first: string, second: string): string {
  const groups = parseByline(first);
  for (const { role, names } of parseByline(second)) {
    const same = groups.find((group) => group.role === role);
    if (same) same.names.push(...names.filter((name) => !same.names.includes(name)));
    else groups.push({ role, names: [...names] });
  }
  return groups.map(({ role, names }) => [role, ...names].filter(Boolean).join(' ')).join(' ');
}

/** The author line reader for a registry: its unit names and aliases count as organisations. */
export function authorLineReader(registry: Registry): (text: string) => string | undefined {
  const names = new Set(registry.units.flatMap((unit) => [unit.name, ...unit.aliases]));
  return (text) => {
    const byline = authorLine(text, names);
    if (byline) return byline;
    // 通讯员：李晓燕 reads as 通讯员 李晓燕; 作者：王文博 is the name alone.
    const labelled = /^(?:作者|撰稿|撰文|文)[：:]\s*(\p{Script=Han}{2,4}(?:[\s、，,]+\p{Script=Han}{2,4})*)$/u.exec(text.trim());
    if (labelled) return labelled[1]!.split(/[\s、，,]+/u).join(' ');
    const colon = /^([^：:]{1,8})[：:]\s*(.+)$/u.exec(text.trim());
    return colon ? authorLine(`${colon[1]} ${colon[2]}`, names) : undefined;
  };
}

/** The ways an article names its authors, read against a registry's units. */
export interface AuthorReaders {
  /** A line under a title: 记者 高乐, 市委组织部 张三, 通讯员：李四, 作者：王五. */
  readAuthor: (text: string) => string | undefined;
  /**
   * A byline closing the text: after a mark (■通讯员 何静), in brackets (（通讯员 王笛）,
   * （市林业局 郑洁）, （供稿：市委组织部 张伟）), or a credit with a colon (供稿：…, 摄影：杨帆).
   */
  readClosing: (text: string) => string | undefined;
  /** The authors in a brief's opening: 本报讯（通讯员 王笛）, and 本报讯（市审计局 孙悦）. */
  openingAuthor: (text: string) => string | undefined;
}

/** The author readers for a registry. */
export function authorReaders(registry: Registry): AuthorReaders {
  const readAuthor = authorLineReader(registry);
  const readClosing = (text: string): string | undefined => {
    const line = text.trim();
    const found = closingByline(line);
    if (found) return found;
    const inside = /^[（(]([^（）()]{2,40})[）)]$/u.exec(line)?.[1];
    if (inside !== undefined) return readAuthor(inside.replace(creditLabel, ''));
    if (creditLabel.test(line)) return readAuthor(line.replace(creditLabel, ''));
    return /^[^：:]{1,6}[：:]/u.test(line) && [...line].length <= 24 ? readAuthor(line) : undefined;
  };
  const openingAuthor = (text: string): string | undefined => {
    const opening = openingByline(text);
    if (!opening) return undefined;
    if (opening.byline) return opening.byline;
    const inside = /[（(]([^（）()]{2,40})[）)]/u.exec(text.slice(0, opening.length))?.[1]?.replace(/^本报讯[\s\u3000]*/u, '');
    return inside ? readAuthor(inside) : undefined;
  };
  return { readAuthor, readClosing, openingAuthor };
}
