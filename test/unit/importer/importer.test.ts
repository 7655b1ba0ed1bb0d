import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { pageBlocks } from '../../../src/lib/importer/blocks.ts';
import { authorLine, closingByline, openingByline, standaloneByline } from '../../../src/lib/importer/bylines.ts';
import { parseByline } from '../../../src/lib/text/byline.ts';
import { importPage, type ImportedArticle } from '../../../src/lib/importer/import-page.ts';
import { mendBrokenParagraphs, removeStraySpaces } from '../../../src/lib/importer/repair.ts';
import { importSlug } from '../../../src/lib/importer/write.ts';
import { loadRegistry } from '../../../src/lib/content/registries.ts';
import { fixtureRegistry } from '../helpers.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)), 'utf8');
const samplePage = readFileSync(fileURLToPath(new URL('../../fixtures/import/sample-page.txt', import.meta.url)), 'utf8');
const sampleRegistry = loadRegistry(fileURLToPath(new URL('../../../content/', import.meta.url))).registry!;
const registry = fixtureRegistry();
const paragraphs = (article: ImportedArticle) => article.body.filter((block) => block.level === 0).map((block) => block.text);
const sentenceEnd = /[。！？!?；;：:…）)」』”’》]$/u;

describe('the sample page', () => {
  const { articles, stray } = importPage(samplePage, sampleRegistry, { date: '2024-11-26', issue: 47, page: 3, column: '党建动态' });

  test('imports into exactly its 9 articles, in page order', () => {
    expect(articles.map((article) => article.title)).toEqual([
      '书记领航 亮“项”攻坚',
      '警示教育防风险',
      '技能比武强本领',
      '消防培训保安全',
      '集中学习聚共识',
      '示范示教优服务',
      '入户走访送温暖 精准关爱暖民心',
      '专题学习拧紧企业“安全阀”',
      '应急演练筑防线',
    ]);
    expect(articles.map((article) => article.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(stray).toEqual([]);
  });

  test('gives the feature its subtitle, reporter, column and sections', () => {
    const [feature] = articles;
    expect(feature).toMatchObject({ subtitle: '——市直机关以“书记项目”推动党建与中心工作深度融合', byline: '记者 高乐', column: '通讯' });
    expect(feature!.body.filter((block) => block.level > 0).map((block) => block.text)).toEqual([
      '精心选育，项目加速“落地生根”',
      '花开果茂，机关党建全面提升',
    ]);
  });

  test('takes each brief’s byline from 本报讯（通讯员 …） and its column from the marker', () => {
    expect(articles.slice(1).map((article) => [article.byline, article.column])).toEqual([
      ['通讯员 王笛', '党建动态'],
      ['通讯员 加雅文', '党建动态'],
      ['通讯员 史焱', '党建动态'],
      ['通讯员 王登香', '党建动态'],
      ['通讯员 王登香', '党建动态'],
      ['通讯员 加峰', '党建动态'],
      ['通讯员 张瑜', '党建动态'],
      ['通讯员 谢建洋', '党建动态'],
    ]);
  });

  test('finds the units in each brief’s opening', () => {
    expect(articles.slice(1).map((article) => article.units)).toEqual([
      ['延安液化石油气公司'],
      ['延安新区市政公司综合管廊运营分公司'],
      ['车村煤矿一号井', '车村煤业集团'],
      ['宝塔区卫生服务中心'],
      ['宝塔区卫生服务中心尹家沟预防接种门诊'],
      ['宝塔区南市区街道', '马家湾社区党总支', '宝塔区建筑垃圾处置管理中心'],
      ['延安能源化工集团', '市安全生产委员会办公室'],
      ['芦村一号煤矿'],
    ]);
    expect(articles[0]!.units).toEqual(expect.arrayContaining(['市直机关工委', '市残疾人联合会', '市税务局', '市水务局']));
  });

  test('has the right number of paragraphs, with no broken sentence left', () => {
    expect(articles.map((article) => paragraphs(article).length)).toEqual([18, 3, 5, 3, 2, 3, 5, 4, 3]);
    for (const article of articles) for (const text of paragraphs(article)) expect(text, article.title).toMatch(sentenceEnd);
  });

  test('mends the paragraphs the layout broke, even mid-word, with no space', () => {
    const all = articles.flatMap(paragraphs).join('\n');
    for (const mended of [
      '“党建+抗旱服务”“党建+灌区建设”',
      '开通助残党员员席席',
      '宝塔区建筑垃圾处置管理中心，开展慰问',
      '亲切交谈',
      '延安能源化工集团党委副书记',
      '防灾减灾救灾办',
      '重点领域整治',
      '最终火被扑灭',
    ]) {
      expect(all).toContain(mended);
    }
  });

  test('keeps the paragraph printed twice only in the brief it belongs to, and says so', () => {
    const twice = '马家湾社区党总支将进一步发挥好';
    expect(paragraphs(articles[0]!).some((text) => text.startsWith(twice))).toBe(false);
    expect(paragraphs(articles[6]!).at(-1)).toMatch(new RegExp(`^${twice}`));
    expect(articles[0]!.repairs.map((repair) => repair.description)).toContain(
      '删去重复印了一遍的段落“马家湾社区党总支将进一步……”，它属于《入户走访送温暖 精准关爱暖民心》',
    );
  });

  test('reports a date in the text instead of using it', () => {
    expect(articles[2]!.date).toBe('2024-11-26');
    expect(articles[2]!.decisions).toContain('正文提到 11月22日；稿件日期用的是出版日期 2024-11-26，如需改为事件日期请修改日期（date）');
  });
});

describe('conventions', () => {
  test('a byline printed at the end, after ■', () => {
    const { articles } = importPage(fixture('byline-at-end.txt'), registry, { date: '2024-12-01', column: '党建动态' });
    expect(articles.map((article) => [article.title, article.byline, paragraphs(article).length])).toEqual([
      ['市水务局开展抗旱服务', '记者 高乐 通讯员 王笛', 2],
      ['市审计局召开专题会议', '通讯员 李明', 1],
    ]);
    expect(articles.map((article) => article.units)).toEqual([['市水务局'], ['市审计局']]);
  });

  // Every form of author line a printed page uses: a mark or none, any role the byline parser
  // knows, one name or several separated by spaces, 、 or ，.
  const markedBylines = [
    ['市水务局开展冬季供水保障', '通讯员 何静', [['通讯员', ['何静']]]],
    ['市审计局召开专题学习会', '记者 张三 李四', [['记者', ['张三', '李四']]]],
    ['市林业局完成营造林任务', '本报通讯员 王五 林草', [['本报通讯员', ['王五', '林草']]]],
    ['宝塔区卫生服务中心义诊进社区', '文/图 赵六 周七', [['文/图', ['赵六', '周七']]]],
  ] as const;
  const bylineGroups = (article: ImportedArticle) => parseByline(article.byline ?? '').map((group) => [group.role, group.names]);
  const noMarks = (article: ImportedArticle) => paragraphs(article).every((text) => !/[\u25a0-\u25ff\u2605\u2606]/u.test(text));

  test.each([
    ['before the 本报讯 paragraph', 'byline-marks-before.txt', ['通讯员 阿依古丽·买买提', [['通讯员', ['阿依古丽·买买提']]]]],
    ['closing the article', 'byline-marks-after.txt', ['通讯员 孙八 吴九', [['通讯员', ['孙八', '吴九']]]]],
  ] as const)('an author line after a mark (■●◆▲★), %s, becomes the byline with every name', (_where, file, last) => {
    const { articles } = importPage(fixture(file), registry, { date: '2024-12-01', column: '党建动态' });
    const expected = [...markedBylines, ['市残联举办助残活动', ...last]];
    expect(articles.map((article) => [article.title, article.byline, bylineGroups(article)])).toEqual(expected);
    expect(articles.map((article) => paragraphs(article).length)).toEqual([1, 1, 1, 1, 1]);
    expect(articles.every(noMarks)).toBe(true);
    expect(articles.map((article) => paragraphs(article)[0]!.endsWith('。'))).toEqual([true, true, true, true, true]);
  });

  test('kickers, titles, credits and sentences that begin with a role word stay what they are', () => {
    const { articles } = importPage(fixture('byline-lookalikes.txt'), registry, { date: '2024-12-01', column: '党建动态' });
    expect(articles.map((article) => [article.kicker ?? '', article.title, article.byline])).toEqual([
      // The closing line adds its names to those of 本报讯（…）, each once.
      ['', '市水务局开展主题党日活动', '记者 高乐 通讯员 王笛 李明'],
      ['记者手记', '守住初心的一天', '通讯员 王笛'],
      ['', '通讯员培训会', '通讯员 孙八'],
    ]);
    // The photo credit stays a line of the second article, and the wrapped sentence stays whole.
    const second = paragraphs(articles[1]!);
    expect(second[0]).toBe('本报讯清晨，记者来到社区，看到党员志愿者已经在忙碌。');
    expect(second[1]).toBe('▲摄影李明');
    expect(second.at(-1)).toContain('社区党支部把志愿服务作为党员教育的课堂。记者走访发现，部分村民仍在排队等候办理业务。');
  });

  test('a title that begins with a role word is not taken for an author line', () => {
    for (const title of ['文明新风进万家', '编辑部会议', '图说新变化', '记者节座谈会召开了', '记者走访发现，部分村民'])
      expect(standaloneByline(title), title).toBeUndefined();
    expect(authorLine('市水务局 抓党建，促发展', new Set(['市水务局']))).toBeUndefined();
    expect(standaloneByline('通讯员 文静')).toBe('通讯员 文静');
  });

  test('a brief opening with 【本报讯】', () => {
    const { articles } = importPage(fixture('bracket-opening.txt'), registry, { date: '2024-12-01', column: '党建动态' });
    expect(articles).toMatchObject([{ title: '市残联举办助残活动', byline: '通讯员 王笛', units: ['市残联'] }]);
  });

  test('a line before 本报讯 or 【本报讯】 is the next article’s title, even with a colon, and is never mended into; a brief with no title is its own article', () => {
    const { articles } = importPage(fixture('colon-title.txt'), registry, { date: '2024-12-01', column: '党建动态' });
    expect(articles.map((article) => [article.title, article.byline, paragraphs(article).length])).toEqual([
      ['警示教育防风险', '通讯员 王笛', 1],
      ['水务局：抓实冬季供水保障', '', 1],
      ['', '通讯员 李明', 1],
    ]);
    expect(articles[1]!.units).toEqual(['市水务局']);
    // The third brief has no title on the page: it is its own article, and the editor is asked for one.
    expect(articles[2]!.units).toEqual(['市林业局']);
    expect(articles[2]!.decisions.join('\n')).toContain('第 9 行起的一篇简讯上面没有标题');
  });

  test('a column marker applies to the articles after it', () => {
    const { articles } = importPage(fixture('column-marker.txt'), registry, { date: '2024-12-01', column: '通讯' });
    expect(articles.map((article) => [article.title, article.column])).toEqual([
      ['书记项目巡礼：市水务局', '通讯'],
      ['水务局开展主题党日', '党建动态'],
      ['审计局组织集中学习', '党建动态'],
    ]);
  });

  test('a plain column marker line, and a closing byline, end the article before: the next short line is a title', () => {
    const { articles, stray } = importPage(fixture('plain-column-marker.txt'), registry, { date: '2024-12-01' });
    expect(stray).toEqual([]);
    expect(articles.map((article) => [article.title, article.column, article.byline, paragraphs(article).length])).toEqual([
      ['市审计局组织集中学习', '党建动态', '通讯员 李明', 1],
      ['书记领航 亮项攻坚', '通讯', '记者 高乐', 2],
      ['市林业局完成营造林任务', '通讯', '', 1],
    ]);
  });

  test('heading levels mixed: kicker, title, subtitle and sections whatever their marks', () => {
    const { articles } = importPage(fixture('mixed-headings.txt'), registry, { date: '2024-12-01', column: '党建动态' });
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      kicker: '奋进新征程',
      title: '以党建引领高质量发展',
      subtitle: '——市直机关“书记项目”巡礼',
      byline: '记者 高乐',
    });
    expect(articles[0]!.body.filter((block) => block.level > 0).map((block) => block.text)).toEqual(['一、精心选育', '二、花开果茂']);
    expect(articles[1]).toMatchObject({ title: '市林业局完成营造林任务', byline: '通讯员 林草', units: ['市林业局'] });
  });
});

test('plain text without heading marks, as saved from Word or Notepad', () => {
  const { articles, stray } = importPage(fixture('plain-text.txt'), registry, { date: '2024-12-01', column: '党建动态' });
  expect(stray).toEqual([]);
  expect(articles.map((article) => [article.title, article.byline, article.units, paragraphs(article)])).toEqual([
    [
      '市水务局开展主题党日活动',
      '通讯员 王笛',
      ['市水务局'],
      ['本报讯（通讯员 王笛）近日，市水务局全体党员来到革命旧址，重温入党誓词，接受红色教育。', '活动中，大家纷纷表示要传承红色基因。'],
    ],
    ['市林业局完成营造林任务', '通讯员 林草', ['市林业局'], ['本报讯（通讯员 林草）今年以来，市林业局完成营造林58.6万亩。']],
  ]);
});

test('plain text: a ——subtitle and an author line right under the title, with no blank line between', () => {
  const { articles, stray } = importPage(fixture('plain-feature.txt'), registry, { date: '2024-12-01', column: '党建动态' });
  expect(stray).toEqual([]);
  expect(articles.map((article) => [article.title, article.subtitle, article.byline])).toEqual([
    ['书记领航 亮项攻坚', '——市直机关以书记项目推动党建与中心工作深度融合', '记者 高乐 通讯员 王笛'],
    ['党员教育重在日常', undefined, '市委组织部 张三'],
  ]);
  expect(paragraphs(articles[0]!)[0]).toBe('市直机关工委坚持以党建引领高质量发展，推动各项工作落地见效。');
  expect(paragraphs(articles[1]!)).toEqual(['市委组织部坚持把党员教育管理抓在日常、严在经常，推动党员队伍素质整体提升。']);
  expect(articles[1]!.units).toEqual(['市委组织部']);
});

describe('pieces', () => {
  test('reads bylines of every kind', () => {
    expect(standaloneByline('记者 高乐')).toBe('记者 高乐');
    expect(standaloneByline('通讯员　王登香  李明')).toBe('通讯员 王登香 李明');
    expect(standaloneByline('记者高乐')).toBe('记者 高乐');
    expect(standaloneByline('通讯员 王文明 李图南')).toBe('通讯员 王文明 李图南');
    expect(standaloneByline('市直机关工委召开会议')).toBeUndefined();
    expect(authorLine('市委组织部 张三', new Set())).toBe('市委组织部 张三');
    expect(authorLine('水务局　王笛、李明', new Set(['水务局']))).toBe('水务局 王笛 李明');
    expect(authorLine('记者高乐 通讯员 王笛', new Set())).toBe('记者 高乐 通讯员 王笛');
    expect(authorLine('书记领航 亮项攻坚', new Set())).toBeUndefined();
    expect(authorLine('市委组织部召开会议，张三主持', new Set())).toBeUndefined();
    expect(openingByline('本报讯（通讯员 王笛）近日')).toMatchObject({ byline: '通讯员 王笛' });
    expect(openingByline('【本报讯】近日')).toEqual({ length: 5 });
    expect(openingByline('（本报讯 通讯员 王笛）近日')).toEqual({ byline: '通讯员 王笛', length: 12 });
    expect(closingByline('■记者 高乐 通讯员 王笛')).toBe('记者 高乐 通讯员 王笛');
  });

  test('joins lines of one block, and cuts blocks at blank lines and headings', () => {
    expect(pageBlocks('第一行\n第二行。\n\n## 标题\n正文。')).toEqual([
      { text: '第一行第二行。', level: 0, line: 1 },
      { text: '标题', level: 2, line: 4 },
      { text: '正文。', level: 0, line: 5 },
    ]);
  });

  test('cuts a block only at a subtitle, an author line or 本报讯, never at short lines', () => {
    expect(
      pageBlocks('市水务局开展活动\n本报讯（通讯员 王笛）近日，\n市水务局开展活动。').map((block) => [block.text, block.line]),
    ).toEqual([
      ['市水务局开展活动', 1],
      ['本报讯（通讯员 王笛）近日，市水务局开展活动。', 2],
    ]);
    expect(pageBlocks('书记领航\n——副题\n记者 高乐\n正文第一句。', (line) => line === '记者 高乐').map((block) => block.text)).toEqual([
      '书记领航',
      '——副题',
      '记者 高乐',
      '正文第一句。',
    ]);
    expect(pageBlocks('市直机关工委坚持以党建\n引领高质量发展\n推动各项工作落地见效。')).toHaveLength(1);
  });

  test('never joins a paragraph into the opening of a brief', () => {
    for (const opening of ['本报讯（通讯员 王笛）近日，', '【本报讯】近日，', '（本报讯 通讯员 王笛）近日，']) {
      const { body } = mendBrokenParagraphs([
        { text: '没有句号的段落', level: 0, line: 1 },
        { text: `${opening}市水务局开展活动。`, level: 0, line: 3 },
      ]);
      expect(body, opening).toHaveLength(2);
    }
  });

  test('never joins a paragraph to a heading', () => {
    const { body } = mendBrokenParagraphs([
      { text: '没有句号的段落', level: 0, line: 1 },
      { text: '小标题', level: 2, line: 3 },
    ]);
    expect(body).toHaveLength(2);
  });

  test('removes spaces inside Chinese but not in the byline of the opening', () => {
    const { body, repairs } = removeStraySpaces([
      { text: '本报讯（通讯员 王笛）近日， 市水务局 开展活动。Party building 保留。', level: 0, line: 1 },
    ]);
    expect(body[0]!.text).toBe('本报讯（通讯员 王笛）近日，市水务局开展活动。Party building 保留。');
    expect(repairs).toHaveLength(1);
  });

  test('makes short slugs from the start of a title, two characters a word', () => {
    expect(importSlug('技能比武强本领', 4)).toBe('jineng-biwu');
    expect(importSlug('书记领航 亮“项”攻坚', 4)).toBe('shuji-linghang');
    expect(importSlug('技能比武强本领', 6)).toBe('jineng-biwu-qiangben');
  });
});
