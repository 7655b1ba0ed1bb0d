/**
 * npm run new -- --title 标题 --unit 单位 --column 栏目 --byline "通讯员 姓名" [--date 2024-11-22]
 *   [--tags 甲,乙] [--issue 47] [--page 3] [--slug jineng-biwu] [--draft]
 * Creates an article with full frontmatter in articles/年/月/. On a terminal it asks for what
 * the flags leave out, offering the registry's units and columns. It never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { readArticles } from '../src/lib/content/articles.ts';
import { unitsByCategory, buildBulletin } from '../src/lib/bulletin/bulletin.ts';
import { looseDate } from '../src/lib/text/dates.ts';
import {
  canonicalUnits,
  newArticleFile,
  newArticlePath,
  newArticleProblems,
  newArticleSlug,
  newArticleText,
  type NewArticleFields,
} from '../src/lib/content/new-article.ts';
import { contentDir } from '../src/lib/files/paths.ts';
import { unitList } from '../src/lib/content/schema.ts';
import { formatProblems } from '../src/lib/problems/problems.ts';
import { loadRegistry, resolveColumn, resolveUnit, type Registry } from '../src/lib/content/registries.ts';
import { suggestColumns, suggestUnits } from '../src/lib/content/name-suggestions.ts';
import { contentFolderOptions, parseCommandLine, runCli, type CommandHelp } from './cli.ts';

const help = {
  summary:
    'npm run new：新建一篇稿件，写好稿件信息，放在 articles/年/月/ 下。在终端里运行时，没有写的几项会逐一询问；已有的文件不会被覆盖。',
  usage:
    'npm run new -- --title 标题 --unit 单位 --column 栏目 --byline "通讯员 姓名" [--date 2024-11-22] [--tags 甲,乙] [--slug 网址名] [--draft]',
  options: {
    title: { value: '标题', says: '标题' },
    unit: { value: '单位', says: '单位的全称或简称；几个单位用逗号隔开，或写几次 --unit' },
    column: { value: '栏目', says: '栏目名称，如 党建动态' },
    byline: { value: '"通讯员 姓名"', says: '署名：身份加姓名，中间有空格，所以加英文引号' },
    date: { value: '2024-11-22', says: '日期（年-月-日），不写就是今天' },
    tags: { value: '甲,乙', says: '标签，几个标签用逗号隔开' },
    issue: { value: '47', says: '期号（编辑填写）' },
    page: { value: '3', says: '版次（编辑填写）' },
    slug: { value: '网址名', says: '网址名：小写英文字母、数字和连字符；不写时按标题的拼音生成' },
    draft: { says: '存为草稿：只在编辑预览里显示，不发布' },
    ...contentFolderOptions,
  },
  examples: ['npm run new', 'npm run new -- --title 技能比武强本领 --unit 市水务局 --column 党建动态 --byline "通讯员 王笛"'],
} satisfies CommandHelp;

/** Today in China, whatever the machine's time zone. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[,，、\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Units, or their numbers in the list shown, as `list` separates them; a unit whose name holds 、 is kept whole. */
const unitAnswers = (value: string, registry: Registry) => value.split(/\s+/).flatMap((part) => unitList(part, registry));

runCli(async () => {
  const { values } = parseCommandLine(
    {
      options: {
        dir: { type: 'string' },
        title: { type: 'string' },
        unit: { type: 'string', multiple: true },
        column: { type: 'string' },
        byline: { type: 'string' },
        date: { type: 'string' },
        tags: { type: 'string' },
        issue: { type: 'string' },
        page: { type: 'string' },
        slug: { type: 'string' },
        draft: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    },
    help,
  );
  const dir = values.dir ? resolve(values.dir) : contentDir();
  const { registry, problems } = loadRegistry(dir);
  if (!registry) {
    console.error(formatProblems(problems));
    return 1;
  }

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const ask = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const fields: NewArticleFields = {
      title: values.title?.trim() || (ask ? await askText(ask, '标题：') : ''),
      date:
        looseDate(values.date ?? '') ??
        values.date ??
        (ask ? (looseDate(await askText(ask, `日期（直接回车为今天 ${today()}）：`, true)) ?? today()) : today()),
      column: values.column ?? (ask ? await askColumn(ask, registry) : ''),
      units: canonicalUnits(
        values.unit?.flatMap((value) => unitAnswers(value, registry)) ?? (ask ? await askUnits(ask, registry) : []),
        registry,
      ),
      byline: values.byline?.trim() || (ask ? await askText(ask, '署名（如“通讯员 王笛”）：') : ''),
      tags: list(values.tags),
      ...(values.issue ? { issue: Number(values.issue) } : {}),
      ...(values.page ? { page: Number(values.page) } : {}),
      ...(values.slug ? { slug: values.slug.trim().toLowerCase() } : {}),
      draft: values.draft,
    };
    const missing = (['title', 'column', 'units', 'byline'] as const).filter((key) => fields[key].length === 0);
    if (missing.length) {
      console.error(`缺少：${missing.map((key) => `--${key === 'units' ? 'unit' : key}`).join('、')}。例如：`);
      console.error('npm run new -- --title 技能比武强本领 --unit 市水务局 --column 党建动态 --byline "通讯员 王笛"');
      return 1;
    }
    const errors = newArticleProblems(fields, registry);
    if (errors.length) {
      // Nothing was written yet: name the option to change, not a file that does not exist.
      for (const error of errors) console.error(`${optionOf(error.field)}${error.message}  ${error.hint}（${error.code}）`);
      return 1;
    }
    const file = newArticleFile(dir, fields);
    const path = newArticlePath(fields);
    if (existsSync(file)) {
      console.error(`${path} 已经存在，没有覆盖。请换一个标题，或用 --slug 指定另一个网址名。`);
      return 1;
    }
    const slug = newArticleSlug(fields);
    const taken = readArticles(dir, registry).articles.find((article) => article.slug === slug);
    if (taken) {
      console.error(`网址名“${slug}”已被 ${taken.sourcePath} 使用。请用 --slug 指定另一个，例如 --slug ${slug}-2。`);
      return 1;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, newArticleText(fields), { encoding: 'utf8', flag: 'wx' });
    console.log(`已新建 ${path}`);
    console.log('请在第二个 --- 下面写正文，写好后运行 npm run check 检查。');
    return 0;
  } finally {
    ask?.close();
  }
});

/** The option of `new` that sets a frontmatter field. */
function optionOf(field: string | undefined): string {
  if (!field) return '';
  const option = field === 'units' ? 'unit' : field;
  return `--${option}：`;
}

async function askText(ask: ReturnType<typeof createInterface>, prompt: string, optional = false): Promise<string> {
  for (;;) {
    const answer = (await ask.question(prompt)).trim();
    if (answer || optional) return answer;
  }
}

async function askColumn(ask: ReturnType<typeof createInterface>, registry: Registry): Promise<string> {
  registry.columns.forEach((column, index) => console.log(`  ${index + 1}. ${column.name}`));
  for (;;) {
    const answer = (await ask.question('栏目（输入序号或名称）：')).trim();
    const chosen = registry.columns[Number(answer) - 1] ?? resolveColumn(answer, registry);
    if (chosen) return chosen.name;
    const guesses = suggestColumns(answer, registry);
    console.log(`没有栏目“${answer}”${guesses.length ? `，是不是：${guesses.join('、')}` : ''}？请从上面选。`);
  }
}

async function askUnits(ask: ReturnType<typeof createInterface>, registry: Registry): Promise<string[]> {
  const numbered = unitsByCategory(buildBulletin(registry, [])).flatMap((group) =>
    group.units.map(({ unit }) => ({ unit, category: group.category })),
  );
  let category = '';
  numbered.forEach(({ unit, category: current }, index) => {
    if (current !== category) console.log(`【${(category = current)}】`);
    console.log(`  ${index + 1}. ${unit.name}`);
  });
  for (;;) {
    const answers = unitAnswers(await ask.question('单位（序号或名称，几个单位用逗号隔开）：'), registry);
    const chosen = answers.map((answer) => numbered[Number(answer) - 1]?.unit ?? resolveUnit(answer, registry));
    const unknown = answers.filter((_, index) => !chosen[index]);
    if (answers.length && unknown.length === 0) return chosen.map((unit) => unit!.name);
    for (const answer of unknown) {
      const guesses = suggestUnits(answer, registry);
      console.log(`没有单位“${answer}”${guesses.length ? `，是不是：${guesses.join('、')}` : ''}？新单位请联系编辑加入单位名单。`);
    }
  }
}
