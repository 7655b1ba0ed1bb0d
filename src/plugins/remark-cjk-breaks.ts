import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { cjkCharacters as cjk } from '../lib/text/characters.ts';

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
