/** A frontmatter key followed by a full-width colon or a full-width space, as Chinese input methods type them. */
export interface KeyTypo {
  /** 0-based line within the YAML text. */
  line: number;
  /** 0-based column of the full-width colon or space. */
  column: number;
  key: string;
  kind: 'colon' | 'space';
  /** The line as it should be. */
  fixed: string;
}

// key：value, key ：value, key　：value
const colonTypo = /^(\s*-?\s*)([A-Za-z][\w-]*)[ \t\u3000]*：[ \t\u3000]*(.*)$/u;
// key:　value, key　: value, key　:　value (an ideographic space around the colon)
const spaceTypo = /^(\s*-?\s*)([A-Za-z][\w-]*)(?:[ \t]*\u3000[ \t\u3000]*:|:\u3000)[ \t\u3000]*(.*)$/u;
// key　value at the start of a line: the space bar of a Chinese input method typed instead of ": "
const spaceForColon = /^()([A-Za-z][\w-]*)\u3000+([^:：\s].*)$/u;

/** Every key typed with a full-width colon, or with a full-width space around or instead of the colon. */
export function findKeyTypos(yaml: string): KeyTypo[] {
  const typos: KeyTypo[] = [];
  yaml.split('\n').forEach((text, line) => {
    const colon = colonTypo.exec(text);
    if (colon) {
      typos.push({ line, column: text.indexOf('：'), key: colon[2]!, kind: 'colon', fixed: `${colon[1]}${colon[2]}: ${colon[3]}` });
      return;
    }
    const space = spaceTypo.exec(text) ?? spaceForColon.exec(text);
    if (space) typos.push({ line, column: text.indexOf('\u3000'), key: space[2]!, kind: 'space', fixed: `${space[1]}${space[2]}: ${space[3]}` });
  });
  return typos;
}

/** The YAML with every such key typed as YAML expects. */
export function fixKeyTypos(yaml: string): string {
  const lines = yaml.split('\n');
  for (const typo of findKeyTypos(yaml)) lines[typo.line] = typo.fixed;
  return lines.join('\n');
}
