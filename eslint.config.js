import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The recommended rules of ESLint, typescript-eslint and the Astro plugin. typescript-eslint's type-aware set
// is left out: it took five times as long (28 s, 1.5 GB) and could not see the types of .astro imports.
export default defineConfig(
  // Byte-exact test inputs, the sample bulletin and the content repository's starter are not this project's code.
  // What Astro generates, wherever an Astro project of ours sits (the benchmark's comparison site too).
  globalIgnores(['**/dist/', '**/.astro/', 'test/fixtures/', 'content/', 'kit/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // A name starting with _ is unused on purpose: a property left out of a rest object, a loop that only counts.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_' }],
      // Comments, messages and snapshots quote the ideographic space (U+3000) of Chinese text on purpose;
      // a regular expression still has to write it as \u3000.
      'no-irregular-whitespace': ['error', { skipComments: true, skipTemplates: true }],
    },
  },
);
