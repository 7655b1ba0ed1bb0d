/** @type {import('prettier').Config & import('prettier-plugin-astro').PluginOptions} */
export default {
  // The code names things in full and its messages are Chinese (two columns a character). 140 breaks the
  // longest lines (one template line ran to 493) yet keeps most as written: fewer than half as many lines
  // change as at 100.
  printWidth: 140,
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
  // As astro.config.mjs leaves compressHTML at Astro 7's 'jsx': a line break between elements renders as
  // nothing, so the formatter writes a space that matters as {' '} and never changes a page.
  astroCompressHTML: 'jsx',
};
