import { describe, expect, test } from 'vitest';
import { closestOption, helpText } from '../../scripts/cli.ts';

const newOptions = ['dir', 'title', 'unit', 'column', 'byline', 'date', 'tags', 'issue', 'page', 'slug', 'draft', 'verbose'];

describe('the option probably meant', () => {
  test.each([
    ['--tag', 'tags'],
    ['--units', 'unit'],
    ['--tittle', 'title'],
    ['--Title', 'title'],
    ['--colum', 'column'],
    ['--by-line', 'byline'],
    ['--draft=yes', 'draft'],
    ['--isuse', 'issue'],
  ])('%s is taken for --%s', (typed, meant) => {
    expect(closestOption(typed, newOptions)).toBe(meant);
  });

  test.each(['--author', '--x', '-t', '--zzzzzz'])('%s is like none of them', (typed) => {
    expect(closestOption(typed, newOptions)).toBeUndefined();
  });

  test('looks only at the command’s own options', () => {
    expect(closestOption('--fixx', ['fix', 'fix-units', 'format'])).toBe('fix');
    expect(closestOption('--fixx', newOptions)).toBeUndefined();
  });
});

test('help lines its options up, a Chinese character counting two columns', () => {
  const text = helpText({
    summary: 'npm run demo：演示。',
    usage: 'npm run demo -- --title 标题',
    options: { title: { value: '标题', says: '稿件的标题' }, draft: { says: '存为草稿' } },
  });
  expect(text).toBe(
    [
      'npm run demo：演示。',
      '',
      '用法：npm run demo -- --title 标题',
      '',
      '选项：',
      '  --title 标题  稿件的标题',
      '  --draft       存为草稿',
      '  -h, --help    显示这段说明',
    ].join('\n'),
  );
});
