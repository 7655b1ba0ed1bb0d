import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * What raw HTML in an article may keep: GitHub's rules (no scripts, styles, frames, forms or
 * event handlers; links and pictures only over http(s) or relative) plus what a bulletin's
 * articles legitimately use: figures with captions, table captions and column groups, marks.
 * What HTML has made obsolete (a cell's width, align) is dropped after it (rehype-current-html.ts).
 */
export const articleSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'caption', 'colgroup', 'col', 'mark', 'u', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    col: ['span'],
  },
  // Drop what these hold, not just the tags: a style sheet or script is no text for readers.
  strip: ['script', 'style'],
};
