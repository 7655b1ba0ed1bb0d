import { describe, expect, test } from 'vitest';
import { normaliseSpacing } from '../../../src/lib/text/layout-spaces.ts';

/** The body's text after reading, with no frontmatter. */
const body = (text: string) => normaliseSpacing(text, 0).text;

describe('in running text', () => {
  test.each([
    ['a no-break space', '市廉政\u00A0教育基地'],
    ['a narrow no-break space', '市廉政\u202F教育基地'],
    ['a thin space from a PDF', '市廉政\u2009教育基地'],
    ['a full-width space', '市廉政\u3000教育基地'],
    ['a line separator', '市廉政\u2028教育基地'],
    ['a paragraph separator', '市廉政\u2029教育基地'],
    ['a no-break space beside an ordinary one', '市廉政 \u00A0教育基地'],
  ])('drops %s between two Chinese characters', (_, text) => {
    expect(body(text)).toBe('市廉政教育基地');
  });

  test('drops a hidden space between Chinese punctuation and a character', () => {
    expect(body('学习，\u00A0“书香机关”\u00A0活动')).toBe('学习，“书香机关”活动');
  });

  test('makes a hidden space next to Latin text or digits an ordinary space, and keeps ordinary spaces', () => {
    expect(body('用 Word\u00A0文档 and\u00A0more，共\u00A0120\u202F000 人')).toBe('用 Word 文档 and more，共 120 000 人');
  });

  test('drops hidden spaces at the end of a line, where two spaces would make a line break', () => {
    expect(body('第一行\u00A0\u00A0\n第二行')).toBe('第一行\n第二行');
    expect(body('hard break  \u00A0\nnext')).toBe('hard break  \nnext');
  });

  test('keeps the spaces of a byline in parentheses, as ordinary ones', () => {
    expect(body('本报讯（通讯员\u00A0王笛\u3000李明）近日\u00A0召开')).toBe('本报讯（通讯员 王笛\u3000李明）近日召开');
    expect(body('受到好评。（记者\u00A0高乐）')).toBe('受到好评。（记者 高乐）');
  });

  test('leaves a full-width space outside Chinese text and ordinary spaces between Chinese characters', () => {
    expect(body('2024\u3000年，市 水务局')).toBe('2024\u3000年，市 水务局');
  });
});

describe('paragraph indents', () => {
  test('drops a full-width indent, the Chinese print habit, and names it', () => {
    const result = normaliseSpacing('\u3000\u3000本报讯（通讯员 王笛）近日，市水务局召开会议。\n\n\u3000\u3000第二段。', 0);
    expect(result.text).toBe('本报讯（通讯员 王笛）近日，市水务局召开会议。\n\n第二段。');
    expect(result.found).toEqual([
      { line: 1, spaces: [], indent: 'full-width' },
      { line: 3, spaces: [], indent: 'full-width' },
    ]);
  });

  test('drops an indent of no-break spaces, as WeChat writes it', () => {
    expect(normaliseSpacing('\u00A0\u00A0第一段。', 0)).toEqual({ text: '第一段。', found: [{ line: 1, spaces: [], indent: 'hidden' }] });
  });

  test('drops four spaces or a tab before a Chinese paragraph, which Markdown would show as code', () => {
    const result = normaliseSpacing('第一段。\n\n    第二段，\n    接着写。\n\n\t第三段。', 0);
    expect(result.text).toBe('第一段。\n\n第二段，\n接着写。\n\n第三段。');
    expect(result.found.map(({ line, indent }) => [line, indent])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [6, 'code'],
    ]);
  });

  test('keeps the indentation of a list item’s second paragraph, dropping only the full-width indent after it', () => {
    const text = '- 第一项\n\n    第一项的第二段。\n\n  \u3000\u3000第一项的第三段。';
    expect(body(text)).toBe('- 第一项\n\n    第一项的第二段。\n\n  第一项的第三段。');
  });

  test('leaves a line of spaces alone', () => {
    expect(normaliseSpacing('\u3000\u3000\n正文。', 0).found).toEqual([]);
  });
});

describe('code', () => {
  test('leaves fenced code, indented code without Chinese and inline code as written', () => {
    const text = '```\n代码\u00A0块\n```\n\n    code\u00A0block\n\n说明 `代码\u00A0里` 之后\u00A0删去';
    expect(body(text)).toBe('```\n代码\u00A0块\n```\n\n    code\u00A0block\n\n说明 `代码\u00A0里` 之后删去');
  });
});

describe('frontmatter and headings', () => {
  const front = (line: string) => normaliseSpacing(`---\n${line}\n---\n\n正文。`, 4).text.split('\n')[1];

  test('drops a hidden space between Chinese characters of a title, and keeps a full-width gap the writer typed', () => {
    expect(front('title: 市廉政\u00A0教育基地')).toBe('title: 市廉政教育基地');
    expect(front('title: 凝心聚力\u3000砥砺前行')).toBe('title: 凝心聚力\u3000砥砺前行');
  });

  test('makes a hidden space in a byline an ordinary one, which parts the role from the name', () => {
    expect(front('byline: 通讯员\u00A0王笛')).toBe('byline: 通讯员 王笛');
  });

  test('makes a hidden space after a key an ordinary one, so the line reads as a field', () => {
    expect(front('title:\u00A0技能比武')).toBe('title: 技能比武');
    expect(front('\u00A0\u00A0- 市水务局')).toBe('  - 市水务局');
  });

  test('never takes a frontmatter line’s full-width space for an indent', () => {
    expect(front('\u3000title: 标题')).toBe('\u3000title: 标题');
  });

  test('keeps a full-width gap in a heading, and drops a hidden one', () => {
    expect(body('## 凝心聚力\u3000砥砺前行\u00A0再出发')).toBe('## 凝心聚力\u3000砥砺前行再出发');
  });
});

test('never adds or removes a line, so every message names the line in the file', () => {
  const text = '---\ntitle: 标题\n---\n\n\u3000\u3000第一段\u2029第二段\u2028接着。\r\n\r\n    第三段。';
  const result = normaliseSpacing(text, 3);
  expect(result.text.split('\n')).toHaveLength(text.split('\n').length);
  expect(result.text).toBe('---\ntitle: 标题\n---\n\n第一段第二段接着。\r\n\r\n第三段。');
});

test('returns a text without any such character as it is', () => {
  const text = '---\ntitle: 标题\n---\n\n正文 with spaces。\n\n```\n  code\n```';
  expect(normaliseSpacing(text, 3)).toEqual({ text, found: [] });
});

test('leaves inline code alone in a paragraph that loses its four-space indent', () => {
  expect(body('    第二段，`代码\u00A0里`不动，这里\u00A0删去。')).toBe('第二段，`代码\u00A0里`不动，这里删去。');
});

test('knows the byline line of the frontmatter when its colon was typed full-width', () => {
  expect(normaliseSpacing('---\nbyline：通讯员\u00A0王笛\n---\n', 3).text).toBe('---\nbyline：通讯员 王笛\n---\n');
});
