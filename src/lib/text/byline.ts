/** One group of a byline: a role and the people who had it. */
export interface BylineGroup {
  /** 记者, 通讯员 …; '' when the byline names people without a role. */
  role: string;
  names: string[];
}

/** Roles a bulletin prints before names; a token matching one starts a new group. */
export const knownRoles = [
  '本报记者',
  '本报通讯员',
  '本报特约通讯员',
  '特约记者',
  '实习记者',
  '记者',
  '特约通讯员',
  '通讯员',
  '本报评论员',
  '评论员',
  '摄影',
  '文',
  '图',
  '文/图',
  '图/文',
  '作者',
  '编辑',
  '供稿',
] as const;

const roleSet = new Set<string>(knownRoles);
const separators = /[\s\u3000、，,；;／]+/u;

/**
 * Read a byline such as "记者 高乐 通讯员 王笛 李明" into role groups. Names follow their
 * role; a leading token that is not a known role still counts as one when names follow it
 * (a bulletin may have roles we do not list), so nothing a writer typed is lost.
 */
export function parseByline(byline: string): BylineGroup[] {
  const tokens = byline.normalize('NFKC').split(separators).filter(Boolean);
  const groups: BylineGroup[] = [];
  tokens.forEach((token, index) => {
    const startsGroup = roleSet.has(token) || (index === 0 && tokens.length > 1);
    if (startsGroup) groups.push({ role: token, names: [] });
    else if (groups.length === 0) groups.push({ role: '', names: [token] });
    else groups[groups.length - 1]!.names.push(token);
  });
  return groups;
}

/** Every name in a byline, in order, without repeats. */
export function bylineNames(groups: readonly BylineGroup[]): string[] {
  return [...new Set(groups.flatMap((group) => group.names))];
}
