/**
 * npm run guide [-- --check]
 * Write the table of article fields in kit/投稿指南.md from their one definition
 * (src/lib/fields/article-fields.ts); a unit test fails while the guide's table is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGuideTable } from '../src/lib/fields/guide-table.ts';
import { parseCommandLine, runCli, type CommandHelp } from './cli.ts';

const help = {
  summary: 'npm run guide：按字段定义（src/lib/fields/article-fields.ts）重写投稿指南（kit/投稿指南.md）里的稿件信息字段表。',
  usage: 'npm run guide [-- --check]',
  options: {
    check: { says: '只检查字段表是不是最新的，不写文件；不是最新时退出码为 1' },
  },
  examples: ['npm run guide', 'npm run guide -- --check'],
} satisfies CommandHelp;

const guideFile = fileURLToPath(new URL('../kit/投稿指南.md', import.meta.url));

runCli(() => {
  const { values } = parseCommandLine({ options: { check: { type: 'boolean', default: false } } }, help);
  const guide = readFileSync(guideFile, 'utf8');
  const written = withGuideTable(guide);
  if (written === undefined) {
    console.error(
      'kit/投稿指南.md 里找不到字段表的起止标记（<!-- 稿件信息字段表…… --> 和 <!-- 字段表结束 -->），请把这两行加回表格的上下。',
    );
    return 1;
  }
  if (values.check) {
    console.log(written === guide ? '投稿指南的字段表是最新的。' : '投稿指南的字段表与字段定义不一致：请运行 npm run guide。');
    return written === guide ? 0 : 1;
  }
  if (written !== guide) writeFileSync(guideFile, written);
  console.log(written === guide ? '投稿指南的字段表已是最新的，没有改动。' : '已按字段定义重写 kit/投稿指南.md 的字段表。');
  return 0;
});
