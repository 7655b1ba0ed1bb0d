const roles = '本报记者|特约记者|实习记者|记者|特约通讯员|通讯员|摄影|文|图';
const name = '[\\p{Script=Han}·]{2,4}';
const group = `(?:${roles})[\\s\\u3000]*${name}(?:[\\s\\u3000、]+${name})*`;
const standalone = new RegExp(`^(?:■\\s*)?(${group}(?:[\\s\\u3000]+${group})*)$`, 'u');
// 本报讯（通讯员 王笛）, 【本报讯】（…）, or the whole opening in brackets: （本报讯 通讯员 王笛）.
const opening = /^(?:(?:【本报讯】|本报讯)\s*(?:[（(]([^）)]{2,40})[）)])?|[（(]本报讯[\s\u3000]*([^）)]{0,40})[）)])/u;
const closing = new RegExp(`^(?:■\\s*(.+)|[（(](${group}(?:[\\s\\u3000]+${group})*)[）)])$`, 'u');

/** Normalise the spacing of a byline: one space between role and names and between names. */
export function tidyByline(text: string): string {
  return text.replace(/[\s\u3000、]+/gu, ' ').replace(new RegExp(`(${roles})(?=\\p{Script=Han})`, 'gu'), '$1 ').trim();
}

/** Whether a paragraph begins the way a brief does: 本报讯, 【本报讯】 or （本报讯. */
export function opensBrief(text: string): boolean {
  return opening.test(text.trimStart());
}

/** A line that is only a byline: 记者 高乐, 通讯员 王登香 李明, ■记者 高乐 通讯员 王笛. */
export function standaloneByline(text: string): string | undefined {
  const match = standalone.exec(text.trim());
  return match ? tidyByline(match[1]!) : undefined;
}

/** The byline of a brief's opening, 本报讯（通讯员 王笛）or 【本报讯】: the people, if named. */
export function openingByline(text: string): { byline?: string; length: number } | undefined {
  const match = opening.exec(text);
  if (!match) return undefined;
  const people = match[1] ?? match[2];
  const inside = people ? standaloneByline(people) : undefined;
  return { ...(inside ? { byline: inside } : {}), length: match[0].length };
}

/** A byline printed after the text: ■记者 高乐 通讯员 王笛, or （通讯员 王笛）on a line of its own. */
export function closingByline(text: string): string | undefined {
  const match = closing.exec(text.trim());
  if (!match) return undefined;
  const found = match[1] ? standaloneByline(match[1]) : match[2] ? tidyByline(match[2]) : undefined;
  return found;
}
