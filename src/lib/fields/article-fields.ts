/**
 * Every field of an article's frontmatter, each defined once: the key written in the file, its
 * Chinese name, the kind of value (from which the schema, the writing of new files and the
 * correspondents' form follow), its limits, an example and the hint the guide and the form give.
 * Everything else that knows the fields is derived from this table: the keys `check` knows, the
 * schema and the `Article` type (content/schema.ts, content/articles.ts), the names in messages
 * (problems/field-names.ts), the frontmatter `new` and `import` write, and the guide's table.
 */

/** What a field holds, as a writer gives it: each kind has one rule in content/schema.ts. */
export type FieldKind =
  /** One line of text, numbers read as text. */
  | 'text'
  /** A date, YYYY-MM-DD. */
  | 'date'
  /** A column of columns.yaml, by name or slug. */
  | 'column'
  /** Units of units.yaml, by name, alias or slug; at least one. */
  | 'units'
  /** Role then names: 通讯员 王笛. */
  | 'byline'
  /** Short words, each with a page of its own. */
  | 'tags'
  /** A whole number from 1 up. */
  | 'count'
  /** A picture's path, relative to the article file. */
  | 'picture'
  /** true or false (是/否, yes/no read as meant). */
  | 'yesno'
  /** Lower-case letters, digits and hyphens: an address. */
  | 'slug';

/** One field of an article. */
export interface ArticleField {
  /** The field's name as kit/投稿指南.md and every message call it. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Every article has it. */
  readonly required: boolean;
  /** The longest value, in characters (text kinds). */
  readonly max?: number;
  /** A value as it is written after `key: ` in a file. */
  readonly example: string;
  /** What to write, after the name, for the guide's table and the form: Chinese, for correspondents. */
  readonly hint: string;
  /** Filled in by the editors, not by correspondents. */
  readonly editors?: boolean;
}

/** The contract's fields in its order: the order `new` writes them and the guide lists them. */
export const articleFields = {
  title: { name: '标题', kind: 'text', required: true, max: 200, example: '技能比武强本领', hint: '稿件的主标题' },
  kicker: { name: '引题', kind: 'text', required: false, max: 200, example: '引题', hint: '主标题上面一行' },
  subtitle: { name: '副题', kind: 'text', required: false, max: 200, example: '——副题', hint: '主标题下面一行，一般以“——”开头' },
  date: { name: '日期', kind: 'date', required: true, example: '2024-11-22', hint: '年-月-日，如 2024-11-22' },
  column: { name: '栏目', kind: 'column', required: true, example: '党建动态', hint: '栏目名称，见 `columns.yaml`，如 党建动态' },
  units: {
    name: '单位',
    kind: 'units',
    required: true,
    example: '[市水务局]',
    hint: '写在方括号里，几个单位用逗号隔开：`[市残联, 市税务局]`；全称、简称都可以，见 `units.yaml`',
  },
  byline: {
    name: '署名',
    kind: 'byline',
    required: true,
    max: 100,
    example: '通讯员 王笛',
    hint: '身份加姓名：`通讯员 王笛`、`记者 高乐 通讯员 李明`',
  },
  tags: {
    name: '标签',
    kind: 'tags',
    required: false,
    example: '[技能比武, 安全生产]',
    hint: '几个词，写在方括号里：`[技能比武, 安全生产]`',
  },
  issue: { name: '期号', kind: 'count', required: false, example: '47', hint: '报纸的第几期', editors: true },
  page: { name: '版次', kind: 'count', required: false, example: '3', hint: '印在第几版', editors: true },
  order: { name: '版内顺序', kind: 'count', required: false, example: '2', hint: '在本版的第几篇', editors: true },
  summary: { name: '摘要', kind: 'text', required: false, max: 500, example: '一句话摘要', hint: '一句话；不写时取正文第一段' },
  cover: {
    name: '题图',
    kind: 'picture',
    required: false,
    max: 300,
    example: '../../../images/biwu.jpg',
    hint: '放在内容文件夹的 `images/年/月/` 里，如 `../../../images/2024/11/biwu.jpg`；不能用其他网站的图片',
  },
  draft: { name: '草稿', kind: 'yesno', required: false, example: 'false', hint: '`true` 表示草稿，只在编辑预览中显示' },
  slug: {
    name: '网址名',
    kind: 'slug',
    required: false,
    example: 'jineng-biwu',
    hint: '小写字母、数字和连字符；不写时按文件名或拼音自动生成',
  },
} as const satisfies Record<string, ArticleField>;

export type ArticleFields = typeof articleFields;
export type ArticleFieldKey = keyof ArticleFields;

/** How a message names each kind of value: 日期应为…… */
export const kindWords: Readonly<Record<FieldKind, string>> = {
  text: '文字',
  date: '日期',
  column: '栏目名称',
  units: '单位列表',
  byline: '署名',
  tags: '标签列表',
  count: '正整数',
  picture: '图片路径',
  yesno: 'true 或 false',
  slug: '小写英文字母、数字和连字符',
};

/** The kinds written as one line of text, where YAML's own meanings of some characters are traps. */
export const textKinds: ReadonlySet<FieldKind> = new Set<FieldKind>(['text', 'column', 'byline', 'picture', 'slug']);

/** An example line of a field, as a message shows it: `title: 技能比武强本领`. */
export function exampleLine(key: string, field: Pick<ArticleField, 'example'>): string {
  return `${key}: ${field.example}`;
}
