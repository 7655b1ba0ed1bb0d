import type { Registry } from '../content/registries.ts';
import { parseByline } from '../text/byline.ts';
import { authorLine } from './bylines.ts';

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
