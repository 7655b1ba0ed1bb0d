import { knownRoles } from '../text/byline.ts';

/** Role words as a pattern, longest first, so that 本报通讯员 is not read as 本报 and a name. */
const rolePattern = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((role) => role.replace(/\//g, '[/／]'))
    .join('|');
// The role words the byline parser knows. Pages print 记者高乐 and 通讯员王笛 without a space; any
// other role needs one, or a title such as 文明新风 or 编辑部会议 would read as 文 明新风.
const roles = rolePattern(knownRoles);
const joinedRoles = rolePattern(knownRoles.filter((role) => /记者|通讯员|评论员|摄影/.test(role)));
// A name: two to four Han characters, or a name in parts (阿依古丽·买买提).
const name = '\\p{Script=Han}{2,4}(?:·\\p{Script=Han}{1,6})*';
const between = '[\\s\\u3000、，,]+';
const group = `(?:(?:${joinedRoles})[\\s\\u3000]*|(?:${roles})[\\s\\u3000]+)${name}(?:${between}${name})*`;
const groups = `${group}(?:${between}${group})*`;
/** A typographic mark a page may print before an author line: ■ ● ◆ ▲ and the other geometric shapes, ★, •. */
const mark = '[\\u25a0-\\u25ff\\u2605\\u2606\\u2022]';
const standalone = new RegExp(`^(?:${mark}[\\s\\u3000]*)?(${groups})$`, 'u');
const marked = new RegExp(`^${mark}`, 'u');
// 本报讯（通讯员 王笛）, 【本报讯】（…）, or the whole opening in brackets: （本报讯 通讯员 王笛）.
const opening = /^(?:(?:【本报讯】|本报讯)\s*(?:[（(]([^）)]{2,40})[）)])?|[（(]本报讯[\s\u3000]*([^）)]{0,40})[）)])/u;
const closing = new RegExp(`^(?:${mark}[\\s\\u3000]*(.+)|[（(](${groups})[）)])$`, 'u');

/**
 * Normalise the spacing of a byline: one space between role and names and between names. Only a
 * role printed joined to a name (记者高乐) is split from it: 文 and 图 are roles, but also the
 * first characters of names such as 文静.
 */
function tidyByline(text: string): string {
  return text
    .replace(/／/g, '/')
    .replace(/[\s\u3000、，,]+/gu, ' ')
    .replace(new RegExp(`(^| )(${joinedRoles})(?=\\p{Script=Han})`, 'gu'), '$1$2 ')
    .trim();
}

/** Whether a paragraph begins the way a brief does: 本报讯, 【本报讯】 or （本报讯. */
export function opensBrief(text: string): boolean {
  return opening.test(text.trimStart());
}

// A role with a space before the first name: 通讯员 王笛, not 通讯员王笛.
const spacedRole = new RegExp(`^(?:${mark}[\\s\\u3000]*)?(?:${roles})[\\s\\u3000]+\\p{Script=Han}`, 'u');

/** The longest line read as a byline: four roles with their names, and a mark. */
const maxBylineLength = 60;

/**
 * A line that is only a byline, after an optional mark: 记者 高乐, 通讯员 王登香、李明, ■记者 高乐 通讯员 王笛,
 * ▲文/图 赵六，周七. Names separated by commas only after a mark or a spaced role: a sentence such
 * as 记者走访发现，部分村民 reads like one otherwise.
 */
export function standaloneByline(text: string): string | undefined {
  const line = text.trim();
  // A role word reads as a name too, so a long line that is no byline makes the pattern try every
  // split of it (minutes on 100 characters): no byline is this long.
  if ([...line].length > maxBylineLength) return undefined;
  const match = standalone.exec(line);
  if (!match || (/[，,]/u.test(line) && !isMarked(line) && !spacedRole.test(line))) return undefined;
  return tidyByline(match[1]!);
}

/**
 * A byline that cannot be a title or a sentence: after a mark, or with a space between role and
 * name (通讯员 何静). 记者手记, 通讯员培训会 and 摄影作品展 read as role and name otherwise.
 */
export function unmistakableByline(text: string): string | undefined {
  const line = text.trim();
  return isMarked(line) || spacedRole.test(line) ? standaloneByline(line) : undefined;
}

// Endings of an organisation's name in an author line (市委组织部 张三, 市水务局 王笛 李明).
const organisationEnd =
  /(?:局|部|委|办|院|厅|处|室|公司|集团|中心|社区|街道|党委|党支部|党总支|工委|联合会|协会|学校|医院|煤矿|大队|支队|所|站|厂|报社|电视台)$/u;
const signed = new RegExp(`^(?:${mark}[\\s\\u3000]*)?(\\p{Script=Han}{2,20})[\\s\\u3000]+(${name}(?:[\\s\\u3000、]+${name})*)$`, 'u');

/**
 * A line under a title that names its authors: a byline (记者 高乐 通讯员 王笛), or an organisation
 * and its writers (市委组织部 张三). The organisation is one of `unitNames` (the registry's names
 * and aliases), or a name of at least four characters ending like one (…局, …公司), so that a
 * two-part title such as 开新局 谱新篇 is not taken for an author. The pattern leaves no room for
 * sentence punctuation, and the whole line must match: a sentence is never an author line.
 */
export function authorLine(text: string, unitNames: ReadonlySet<string>): string | undefined {
  if ([...text.trim()].length > maxBylineLength) return undefined;
  const byline = standaloneByline(text);
  if (byline) return byline;
  const match = signed.exec(text.trim());
  if (!match) return undefined;
  const organisation = match[1]!;
  const known = unitNames.has(organisation) || ([...organisation].length >= 4 && organisationEnd.test(organisation));
  return known ? `${organisation} ${tidyByline(match[2]!)}` : undefined;
}

/** The byline of a brief's opening, 本报讯（通讯员 王笛）or 【本报讯】: the people, if named. */
export function openingByline(text: string): { byline?: string; length: number } | undefined {
  const match = opening.exec(text);
  if (!match) return undefined;
  const people = match[1] ?? match[2];
  const inside = people ? standaloneByline(people) : undefined;
  return { ...(inside ? { byline: inside } : {}), length: match[0].length };
}

/** Whether a line starts with a typographic mark, as a page prints an author line: ■通讯员 何静. */
export function isMarked(text: string): boolean {
  return marked.test(text.trim());
}

/** A byline printed after the text: ■记者 高乐 通讯员 王笛 (any mark), or （通讯员 王笛）on a line of its own. */
export function closingByline(text: string): string | undefined {
  if ([...text.trim()].length > maxBylineLength) return undefined;
  const match = closing.exec(text.trim());
  if (!match) return undefined;
  const found = match[1] ? standaloneByline(match[1]) : match[2] ? tidyByline(match[2]) : undefined;
  return found;
}
