/**
 * Values that YAML does not read as the text they look like, in a `key: value` line of
 * frontmatter: the ways a title or a byline written as plain text goes wrong, each with the line
 * as it should be written (the whole value in quotes).
 */
export type YamlTrapKind =
  /** `title: #1 号文件学习会`: a value starting with # is a comment; the field is empty. */
  | 'comment'
  /** `title: 学习: 二十大`: `: ` inside a value reads as a second key. */
  | 'colon'
  /** `title: *重要*通知`, `&`, `@`, `` ` ``, `[`, `{`, `|`, `>`, `!`, `%`, `- `, or a quoted part followed by more text. */
  | 'indicator'
  /** `title: 1.10`, `title: true`, `title: ~`: read as a number, a yes/no or nothing. */
  | 'not-text';

/** One value read otherwise than written. */
export interface YamlTrap {
  key: string;
  kind: YamlTrapKind;
  /** 1-based line and column of the value in the YAML text. */
  line: number;
  column: number;
  /** The value as written. */
  written: string;
  /** The character that starts an indicator. */
  character?: string;
  /** What YAML made of a value read as something else than text. */
  read?: number | boolean | null;
  /** The line as it should be: `title: "#1 号文件学习会"`. */
  corrected: string;
}

const keyStart = /^([A-Za-z][\w-]*):([ \t]+)/;
/** A block scalar header (`|`, `>-`, `|2`) with nothing but a comment after it: real YAML, not a trap. */
const blockHeader = /^[|>][-+0-9]*(?:[ \t]+#.*)?$/;
/** Characters YAML reads as syntax when a plain value starts with them. */
const indicators = new Set(['*', '&', '@', '`', '[', '{', '|', '>', '!', '%']);

/**
 * The traps among the top-level `key: value` lines of `keys` (fields meant as text). `data`, the
 * parsed YAML when it parsed, shows what a value was read as; without it only what the line
 * shows is found (the lines a syntax error points at).
 */
export function findYamlTraps(yaml: string, data: unknown, keys: ReadonlySet<string>): YamlTrap[] {
  const values = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const traps: YamlTrap[] = [];
  yaml.split('\n').forEach((text, index) => {
    const match = keyStart.exec(text);
    if (!match || !keys.has(match[1]!)) return;
    const [start, key, gap] = match as unknown as [string, string, string];
    const written = text.slice(start.length).replace(/[ \t\r]+$/, '');
    if (written === '') return;
    const place = { key, line: index + 1, column: key.length + 2 + gap.length, written, corrected: `${key}: ${quoted(written)}` };
    const kind = trapOf(written);
    if (kind) {
      traps.push({ ...place, ...kind });
      return;
    }
    if (!values || !(key in values)) return;
    const read = values[key];
    const changed = typeof read === 'boolean' || read === null || (typeof read === 'number' && String(read) !== written);
    if (changed) traps.push({ ...place, kind: 'not-text', read: read as number | boolean | null });
  });
  return traps;
}

/** What the line alone shows: a comment, a syntax character first, or `: ` inside. */
function trapOf(written: string): Pick<YamlTrap, 'kind' | 'character'> | undefined {
  const first = written[0]!;
  if (first === '#') return { kind: 'comment' };
  if (first === '"' || first === "'") return closesBeforeEnd(written) ? { kind: 'indicator', character: first } : undefined;
  if (first === '-' && /^-[ \t]/.test(written)) return { kind: 'indicator', character: '-' };
  if (indicators.has(first) && !blockHeader.test(written)) return { kind: 'indicator', character: first };
  // A comment may follow the value (title: 学习  # 主标题): what is in it is no part of the value.
  const value = written.replace(/[ \t]+#.*$/, '');
  if (/:[ \t]|:$/.test(value)) return { kind: 'colon' };
  return undefined;
}

/** True when a value opens a quote and closes it before the value ends (`"学习"二十大`): YAML reads only the quoted part. */
function closesBeforeEnd(written: string): boolean {
  const quote = written[0]!;
  let index = 1;
  for (; index < written.length; index++) {
    const character = written[index];
    if (quote === '"' && character === '\\') index++;
    else if (quote === "'" && character === "'" && written[index + 1] === "'") index++;
    else if (character === quote) break;
  }
  if (index >= written.length) return false;
  return (
    written
      .slice(index + 1)
      .replace(/[ \t]+#.*$/, '')
      .trim() !== ''
  );
}

/** The value in quotes YAML reads back as written: double quotes, or single when it holds double ones. */
function quoted(value: string): string {
  if (!value.includes('"')) return `"${value.replaceAll('\\', '\\\\')}"`;
  if (!value.includes("'")) return `'${value}'`;
  return JSON.stringify(value);
}
