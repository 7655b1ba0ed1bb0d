/** A frontmatter key followed by a full-width colon or space, as Chinese input methods type them, or by no space. */
export interface KeyTypo {
  /** 0-based line within the YAML text. */
  line: number;
  /** 0-based column of the full-width colon or space. */
  column: number;
  key: string;
  kind: 'colon' | 'space' | 'nospace';
  /** The line as it should be. */
  fixed: string;
}

// key：value, key ：value, key　：value
const colonTypo = /^(\s*-?\s*)([A-Za-z][\w-]*)[ \t\u3000]*：[ \t\u3000]*(.*)$/u;
// key:　value, key　: value, key　:　value (an ideographic space around the colon)
const spaceTypo = /^(\s*-?\s*)([A-Za-z][\w-]*)(?:[ \t]*\u3000[ \t\u3000]*:|:\u3000)[ \t\u3000]*(.*)$/u;
// key　value at the start of a line: the space bar of a Chinese input method typed instead of ": "
const spaceForColon = /^()([A-Za-z][\w-]*)\u3000+([^:：\s].*)$/u;

// key:value at the start of a line: YAML reads the whole line as one word, not as a field
const noSpace = /^()([A-Za-z][\w-]*):([^\s:].*)$/u;

/** Every key typed with a full-width colon, a full-width space around or instead of the colon, or no space after it. */
export function findKeyTypos(yaml: string): KeyTypo[] {
  const typos: KeyTypo[] = [];
  yaml.split('\n').forEach((text, line) => {
    const colon = colonTypo.exec(text);
    if (colon) {
      typos.push({ line, column: text.indexOf('：'), key: colon[2]!, kind: 'colon', fixed: `${colon[1]}${colon[2]}: ${colon[3]}` });
      return;
    }
    const space = spaceTypo.exec(text) ?? spaceForColon.exec(text);
    if (space) {
      typos.push({ line, column: text.indexOf('\u3000'), key: space[2]!, kind: 'space', fixed: `${space[1]}${space[2]}: ${space[3]}` });
      return;
    }
    const tight = noSpace.exec(text);
    if (tight) typos.push({ line, column: text.indexOf(':'), key: tight[2]!, kind: 'nospace', fixed: `${tight[2]}: ${tight[3]}` });
  });
  return typos;
}

/** The YAML with every such key typed as YAML expects; `typos` when they are already known. */
export function fixKeyTypos(yaml: string, typos = findKeyTypos(yaml)): string {
  const lines = yaml.split('\n');
  for (const typo of typos) lines[typo.line] = typo.fixed;
  return lines.join('\n');
}
