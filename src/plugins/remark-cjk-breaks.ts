import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

// Han, kana, hangul and the CJK punctuation and full-width forms that sit between them.
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
const breakBetweenCjk = new RegExp(`(?<=[${cjk}])[ \\t]*\\n[ \\t]*(?=[${cjk}])`, 'gu');

/**
 * Drop a soft line break between two CJK characters. Correspondents wrap long lines in their
 * editors; in Markdown a line break is a space, and a space inside a Chinese sentence shows
 * as a gap. Breaks next to Latin text stay, where the space is wanted.
 */
export function remarkCjkBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      if (node.value.includes('\n')) node.value = node.value.replace(breakBetweenCjk, '');
    });
  };
}
