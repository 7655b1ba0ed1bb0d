/** A Markdown file split into its frontmatter text and body, with the line where each starts. */
export interface SplitFile {
  /** The YAML between the `---` fences, or undefined when the file has none. */
  yaml: string | undefined;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** True when the file opens a fence but never closes it. */
  unclosed: boolean;
}

const fence = /^(?:---|\+\+\+)[ \t]*$/;

/**
 * Split a Markdown file at its frontmatter fences. Tolerates a BOM, CRLF line ends and blank
 * lines before the opening fence, as editors on Windows produce them. Not gray-matter: it parses
 * the YAML itself and gives no line numbers, and messages must name the line.
 */
export function splitFrontmatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length || !fence.test(lines[open]!)) {
    return { yaml: undefined, yamlLine: 1, body: lines.join('\n'), bodyLine: 1, unclosed: false };
  }
  const close = lines.findIndex((line, index) => index > open && fence.test(line));
  if (close === -1) {
    return {
      yaml: undefined,
      yamlLine: open + 2,
      body: '',
      bodyLine: lines.length + 1,
      unclosed: true,
    };
  }
  return {
    yaml: lines.slice(open + 1, close).join('\n'),
    yamlLine: open + 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    unclosed: false,
  };
}
