import { describe, expect, test } from 'vitest';
import { pageFurniture } from '../../../src/lib/importer/furniture.ts';
import { joinLetterSpacing, readPageLines } from '../../../src/lib/importer/page-lines.ts';
import { titleShaped } from '../../../src/lib/importer/line-shapes.ts';
import { layOutParagraphs, paragraphEnd, wrapWidth } from '../../../src/lib/importer/paragraph-lines.ts';
import { importPage } from '../../../src/lib/importer/import-page.ts';
import { dropRepeatedParagraphs, removeStraySpaces } from '../../../src/lib/importer/repair.ts';
import { unknownOrganisations } from '../../../src/lib/importer/units.ts';
import { pagesRegistry } from './page-expectations.ts';

const texts = (text: string) => layOutParagraphs(readPageLines(text).lines).map((line) => line.text);

describe('page furniture', () => {
  test.each([
    ['机关党建　　2024年12月10日　星期二　　第2版　　综合新闻', '页眉'],
    ['2024年12月10日 星期二                    机关党建                    3', '页眉'],
    ['第 49 期', '页眉'],
    ['第 3 版', '页眉'],
    ['3', '页码'],
    ['—2—', '页码'],
    ['- 12 -', '页码'],
    ['第 2 页', '页码'],
    ['责任编辑：周洁　　校对：吴敏　　美术编辑：陈晨', '版面编辑署名'],
    ['编辑：李娜', '版面编辑署名'],
    ['来源：市委组织部', '版面编辑署名'],
    ['（责任编辑：周涛）', '版面编辑署名'],
    ['2024年12月10日　　　　　　　基层风采　　　　　　　·5·', '页眉'],
    ['机关党建　　第4版　　党建动态　　2024年12月10日', '页眉'],
    ['—END—', '结束标记'],
    ['（完）', '结束标记'],
    ['原创 市委组织部 机关党建 2024年12月05日 08:30 陕西', '公众号文章的附属文字'],
    ['点击蓝字 关注我们', '公众号文章的附属文字'],
    ['阅读 1286', '公众号文章的附属文字'],
  ])('%s is %s', (line, what) => {
    expect(pageFurniture(line)).toBe(what);
  });

  test.each([
    '2024年12月10日，市水务局召开第2次党委会。',
    '12月10日，第48期读书班开班。',
    '编辑部全体党员参加了学习。',
    '2024年是全面贯彻落实党的二十大精神的关键之年',
  ])('%s is text', (line) => {
    expect(pageFurniture(line)).toBeUndefined();
  });
});

describe('letter-spaced headlines', () => {
  test('join, keeping one space where the headline has two halves', () => {
    expect(joinLetterSpacing('市 财 政 局 开 展 “书 香 机 关” 读 书 活 动')).toBe('市财政局开展“书香机关”读书活动');
    expect(joinLetterSpacing('书 记 领 航  亮 “项” 攻 坚')).toBe('书记领航 亮“项”攻坚');
    expect(joinLetterSpacing('书　记　领　航　　亮　项　攻　坚')).toBe('书记领航 亮项攻坚');
  });

  test('leave titles with a space between words, and bylines, as they are', () => {
    expect(joinLetterSpacing('书记领航 亮“项”攻坚')).toBeUndefined();
    expect(joinLetterSpacing('记者 高乐 通讯员 王笛')).toBeUndefined();
    expect(joinLetterSpacing('A B C D E')).toBeUndefined();
  });
});

describe('reading a page’s characters', () => {
  test('drops soft hyphens and zero-width marks, makes other spaces plain, reads U+2028 as a line end', () => {
    const { lines, repairs } = readPageLines('减税\u00ad降费\u200b\n市税务局\u00a0党委\u2028第二行');
    expect(lines.map((line) => line.text)).toEqual(['减税降费', '市税务局 党委', '第二行']);
    expect(repairs[0]!.description).toBe('删去看不见的字符：软连字符、零宽空格（粘贴时夹带的，在第 1 行）');
  });

  test('notes indentation by 　　, two spaces or a tab', () => {
    expect(readPageLines('　　甲\n    乙\n\t丙\n 丁\n戊').lines.map((line) => line.indented)).toEqual([true, true, true, false, false]);
  });
});

describe('paragraphs of pages without blank lines', () => {
  const pdf = [
    '市水务局：抓实冬季供水保障',
    '　　本报讯（通讯员 马强）入冬以来，市水务局党',
    '委组织党员干部深入供水一线，排查管网隐患，确',
    '保群众温暖过冬。',
    '　　局党委成立8支党员服务队，对全市城区供水管',
    '网开展拉网式排查，发现并整改隐患23处，更换老',
    '旧阀门46个。',
    '市林业局开展森林防火宣传',
    '　　本报讯（通讯员 陈静）11月以来，市林业局组',
    '织党员志愿者走进林区村组，开展森林防火宣传活',
    '动，发放宣传资料3000余份。',
  ].join('\n');

  test('finds the width a PDF wrapped its lines at', () => {
    expect(wrapWidth(readPageLines(pdf).lines)).toBeGreaterThanOrEqual(21);
    expect(
      wrapWidth(
        readPageLines('短\n一行很长很长很长很长很长很长很长很长很长很长。\n两行。\n另一行也很长，长度和别的行都不一样，说明不是折行的。')
          .lines,
      ),
    ).toBeUndefined();
  });

  test('joins a wrapped paragraph’s lines, and keeps titles on their own', () => {
    expect(texts(pdf).filter(Boolean)).toEqual([
      '市水务局：抓实冬季供水保障',
      '本报讯（通讯员 马强）入冬以来，市水务局党委组织党员干部深入供水一线，排查管网隐患，确保群众温暖过冬。',
      '局党委成立8支党员服务队，对全市城区供水管网开展拉网式排查，发现并整改隐患23处，更换老旧阀门46个。',
      '市林业局开展森林防火宣传',
      '本报讯（通讯员 陈静）11月以来，市林业局组织党员志愿者走进林区村组，开展森林防火宣传活动，发放宣传资料3000余份。',
    ]);
  });

  test('reads Word’s one line per paragraph as paragraphs, joining only a line cut mid-sentence', () => {
    const word = [
      '市税务局：“税惠春风”助企纾困',
      '【本报讯】近日，市税务局党委组织开展“税惠春风”助企纾困活动，30名党员业务骨干组成服务团队，走进重点企业问需问计。',
      '活动中，服务团队逐户宣讲税费优惠政策，现场解答企业涉税问题58个，',
      '帮助企业享受减税降费1200余万元。',
      '“政策红利实实在在落到了我们身上。”一家企业负责人说。',
      '（通讯员 李强）',
    ].join('\n');
    expect(texts(word).filter(Boolean)).toEqual([
      '市税务局：“税惠春风”助企纾困',
      '【本报讯】近日，市税务局党委组织开展“税惠春风”助企纾困活动，30名党员业务骨干组成服务团队，走进重点企业问需问计。',
      '活动中，服务团队逐户宣讲税费优惠政策，现场解答企业涉税问题58个，帮助企业享受减税降费1200余万元。',
      '“政策红利实实在在落到了我们身上。”一家企业负责人说。',
      '（通讯员 李强）',
    ]);
  });

  test('leaves pages with blank lines between paragraphs as they are, but for indentation', () => {
    expect(texts('标题\n\n第一段的前半，\n后半。\n　　第二段。')).toEqual(['标题', '', '第一段的前半，', '后半。', '', '第二段。']);
  });
});

describe('paragraphs printed twice in one article', () => {
  const block = (text: string, line = 1) => ({ text, level: 0, line });
  const paragraph = '今年以来，市交通运输局坚持把党支部建在项目上，推动重点项目建设提速增效。';

  test('are kept once, wherever the copy is, and the report says so', () => {
    const { body, repairs } = dropRepeatedParagraphs([
      block(paragraph),
      block('另一段，讲别的事情，也足够长了吧。'),
      block(paragraph.replace('，', '， '), 5),
    ]);
    expect(body.map((part) => part.text)).toEqual([paragraph, '另一段，讲别的事情，也足够长了吧。']);
    expect(repairs).toEqual([{ line: 5, description: expect.stringContaining('删去重复印了一遍的段落') }]);
  });

  test('both copies joined in one paragraph are cut to one', () => {
    expect(dropRepeatedParagraphs([block(paragraph + paragraph)]).body[0]!.text).toBe(paragraph);
  });

  test('short lines and headings may repeat', () => {
    const body = [block('一、学习'), { text: '小结', level: 2, line: 2 }, block('一、学习'), { text: '小结', level: 2, line: 4 }];
    expect(dropRepeatedParagraphs(body).body).toHaveLength(4);
  });
});

describe('organisations the registry does not know', () => {
  const registry = pagesRegistry();

  test('start with a place, or as the registry’s names do', () => {
    expect(unknownOrganisations('市民政局召开会议，广东珠海市香洲区体育中心也派人参加。', registry)).toEqual([
      '市民政局',
      '广东珠海市香洲区体育中心',
    ]);
  });

  test('are never words of a sentence that happen to end like a unit', () => {
    const sentence = '党建引领公立医院高质量发展，各执法大队建成医保服务站，党员义诊进社区，支部机关党支部召开会议。';
    expect(unknownOrganisations(sentence, registry)).toEqual([]);
  });
});

describe('spaces in Chinese text', () => {
  const block = (text: string, level = 0) => ({ text, level, line: 1 });

  test('are removed between characters, but a quoted slogan in two halves keeps its one space', () => {
    const { body } = removeStraySpaces([block('开展“节约用水 从我做起”活动，市廉政 教育基地“以前要倒车， 省心多了。”')]);
    expect(body[0]!.text).toBe('开展“节约用水 从我做起”活动，市廉政教育基地“以前要倒车，省心多了。”');
  });

  test('a heading keeps one space where it had some', () => {
    expect(removeStraySpaces([block('阵地建在家门口　　服务零距离', 2)]).body[0]!.text).toBe('阵地建在家门口 服务零距离');
  });
});

describe('line shapes', () => {
  test.each([
    '市水务局：抓实冬季供水保障',
    '聚焦主责主业，让党建“红”融入医疗“白”',
    '党员服务队走进社区 安全用电知识进万家',
    '1.建立问题清单，找准“病灶”',
  ])('%s is shaped like a title', (line) => expect(titleShaped(line)).toBe(true));

  test.each([
    '活动中，服务团队逐户宣讲税费优惠政策，',
    '近日，市财政局开展读书活动。',
    '甲，乙，丙，丁',
    '这是一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题吗',
  ])('%s is not', (line) => expect(titleShaped(line)).toBe(false));

  test('a paragraph ends at a sentence end, quotes closed after one or a colon before a list, never at a quote closed after a word', () => {
    for (const end of ['好评。', '他说：“好。”', '（完成了。）', '怎么办？', '查找问题：']) expect(paragraphEnd.test(end), end).toBe(true);
    for (const open of ['认领“楼道长”', '三个“清单”', '市水务局', '（刘畅 摄）']) expect(paragraphEnd.test(open), open).toBe(false);
  });
});

describe('a feature over two columns with a brief between them', () => {
  test('gets back the rest of its broken sentence and what follows it, and the editor is told', () => {
    const page = [
      '党旗飘扬在工地上',
      '记者 高乐',
      '今年以来，市交通运输局把支部建在项目上，在国道改建、城区环线快速路等重点工程成立临时党支部，组织党员突击队协调解决征地拆迁、管线迁改',
      '税务党员进企业送政策',
      '本报讯（通讯员 李响）12月5日，市税务局组织党员走进企业宣讲税费优惠政策，现场解答问题20个。',
      '等难题43个。项目建设按期推进，群众出行越来越便捷。',
      '党员冲在最前线',
      '今年汛期，34名党员冲在抢险一线，连续奋战72小时。',
    ].join('\n\n');
    const { articles } = importPage(page, pagesRegistry(), { date: '2024-12-10', column: '要闻' });
    expect(articles.map((article) => [article.title, article.body.map((block) => block.text.slice(0, 6))])).toEqual([
      ['党旗飘扬在工地上', ['今年以来，市', '党员冲在最前', '今年汛期，3']],
      ['税务党员进企业送政策', ['本报讯（通讯']],
    ]);
    expect(articles[0]!.body[0]!.text).toContain('管线迁改等难题43个。');
    expect(articles[0]!.decisions.join('\n')).toContain('下文印在《税务党员进企业送政策》之后');
  });
});

describe('mastheads of other bulletins', () => {
  test.each([
    ['内部资料　注意保存', '报头'],
    ['枫林党建周报｜第48期', '报头'],
    ['南湖街道工作简报', '报头'],
    ['（党建专刊）', '报头'],
    ['中共南湖街道工作委员会　2024年12月10日', '报头'],
    ['平安先锋　市公安局政治部主办　第24期', '报头'],
    ['2024年第12期（总第87期）　　　　市公安局政治部　编　　　　　　2024年12月10日', '页眉'],
    ['2024年12月10日　　　　　　　　责任编辑：高岚　美术编辑：钱程', '版面编辑署名'],
  ])('%s is %s', (line, what) => {
    expect(pageFurniture(line)).toBe(what);
  });

  test('the bulletin’s own name above them is the masthead too, not a title', () => {
    const { lines, repairs } = readPageLines('警营党建\n内部资料　注意保存\n\n清风警营');
    expect(lines.map((line) => line.text)).toEqual(['', '', '', '清风警营']);
    expect(repairs.map((repair) => repair.description)).toEqual(['删去报头“内部资料 注意保存”', '删去报头“警营党建”']);
  });

  test('titles that merely mention an issue or a publisher stay', () => {
    for (const title of ['第二期青年干部培训班开班', '市委组织部主办的读书班结业了。']) expect(pageFurniture(title)).toBeUndefined();
  });
});

test('a header split over two lines, the bulletin’s name with the date, is furniture', () => {
  expect(pageFurniture('机关党建　　　　2024年12月17日')).toBe('页眉');
  expect(pageFurniture('2024年12月17日　机关党建')).toBe('页眉');
  expect(pageFurniture('2024年12月17日，机关党建工作会议召开。')).toBeUndefined();
});

test('organisations that a verb parts are proposed apart, and a city-level place is no unit', () => {
  expect(unknownOrganisations('市民政局在市汽车客运中心设立党员志愿服务站，进驻市级行政中心。', pagesRegistry())).toEqual([
    '市民政局',
    '市汽车客运中心',
  ]);
});

test.each([
  '市总工会主办职工技能大赛',
  '我市主办全省基层党建工作现场会',
  '党支部开展内部交流研讨',
  '书记讲党课专刊',
  '党报第1版头条聚焦我市基层党建',
  '第二期 青年干部培训班开班',
])('the headline %s is no page furniture, though it mentions what furniture says', (title) => expect(pageFurniture(title)).toBeUndefined());

test('a long line that is no byline is read at once (the byline pattern would try every split of it)', () => {
  const started = performance.now();
  for (const line of [`${'记者 高乐 '.repeat(20)}。`, `■${'通讯员 王笛 '.repeat(16)}。`, `${'通讯员 王笛，'.repeat(16)}。`]) {
    importPage(`标题\n\n${line}\n\n正文一段。`, pagesRegistry(), { date: '2024-12-10', column: '党建动态' });
  }
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('a list’s last item or a jump line in Chinese numerals is never the next title’s kicker', () => {
  const page = [
    '标题一',
    '记者 高乐',
    '要做到以下几点：',
    '（3）强化考核',
    '（下转第四版）',
    '标题二',
    '本报讯（通讯员 王笛）近日，市审计局开展活动。',
  ].join('\n\n');
  const { articles } = importPage(page, pagesRegistry(), { date: '2024-12-10', column: '党建动态' });
  expect(articles.map((article) => [article.title, article.kicker])).toEqual([
    ['标题一', undefined],
    ['标题二', undefined],
  ]);
  expect(articles[0]!.decisions.join('\n')).toContain('在第 四 版还有下文');
});
