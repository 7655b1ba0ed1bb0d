const maxLength = 120;

/**
 * A plain-text summary from Markdown: the first paragraph that is prose (not a heading, list,
 * quote, table, image or HTML), with inline markup removed, cut at a sentence end near 120
 * characters where there is one.
 */
export function summarise(markdown: string): string {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block && !/^(#|[-*+] |\d+[.)] |>|\||!\[|<|```|~~~|---)/.test(block));
  if (!paragraph) return '';
  const plain = paragraph
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s*\n\s*/g, '')
    .trim();
  const characters = [...plain];
  if (characters.length <= maxLength) return plain;
  const head = characters.slice(0, maxLength).join('');
  const sentenceEnd = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  return sentenceEnd >= maxLength / 2 ? head.slice(0, sentenceEnd + 1) : `${head}……`;
}
