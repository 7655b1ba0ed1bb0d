/**
 * The catalogue of everything a correspondent or editor can be told about their content.
 * Each entry has a permanent name (the key), says what is wrong, and says how to fix it.
 */
import { fieldName, registryName } from './field-names.ts';

const list = (items: readonly string[]) => items.map((item) => `“${item}”`).join('、');

export const messages = {
  NotUtf8: {
    message: () => '文件不是 UTF-8 编码，无法读取。',
    hint: () => '请用记事本或 WPS“另存为”，编码选择 UTF-8 后再提交',
  },
  NotText: {
    message: () => '这不是文本文件（可能是 Word 文档或图片改了扩展名）。',
    hint: () => '请把稿件内容复制到记事本，另存为 UTF-8 编码的 .md 文件；Word 稿件可以交给编辑导入',
  },
  Gbk: {
    message: () => '文件是 GBK（ANSI）编码，网站要求 UTF-8。',
    hint: () => '运行 npm run check -- --fix 自动转换；或用记事本“另存为”，编码选 UTF-8',
  },
  Utf16: {
    message: () => '文件是 UTF-16（Unicode）编码，网站要求 UTF-8。',
    hint: () => '运行 npm run check -- --fix 自动转换；或用记事本“另存为”，编码选 UTF-8',
  },
  Utf8Bom: {
    message: () => '文件开头有一个看不见的 BOM 标记（记事本存为“UTF-8 带 BOM”时加上的）。',
    hint: () => '不影响生成网站；运行 npm run check -- --fix 可以去掉',
  },
  CrLf: {
    message: () => '文件用的是 Windows 的换行。',
    hint: () => '不影响生成网站；运行 npm run check -- --fix 可以统一成网站用的换行',
  },
  FullWidthColon: {
    message: (key: string) => `${fieldName(key)}后面用了中文冒号“：”。`,
    hint: (key: string) => `请改成英文冒号加空格：“${key}: ”；运行 npm run check -- --fix 可以自动改正`,
  },
  FullWidthSpace: {
    message: (key: string) => `${fieldName(key)}和它的值之间用了中文全角空格“　”。`,
    hint: (key: string) => `请写成英文冒号加一个英文空格：“${key}: ”；运行 npm run check -- --fix 可以自动改正`,
  },
  ColonWithoutSpace: {
    message: (key: string) => `${fieldName(key)}的冒号后面没有空格。`,
    hint: (key: string) => `请在英文冒号后空一格：“${key}: ”；运行 npm run check -- --fix 可以自动改正`,
  },
  MissingFrontmatter: {
    message: () => '文件开头缺少以 --- 包围的稿件信息（标题、日期、单位等）。',
    hint: () => `第一行写 ---，接着每行写一项，如${fieldName('title')}、${fieldName('date')}，再用一行 --- 结束`,
  },
  UnclosedFrontmatter: {
    message: () => '稿件信息以 --- 开始，却没有以 --- 结束。',
    hint: () => '在最后一个字段之后单独加一行 ---，正文写在它下面',
  },
  YamlSyntax: {
    message: (detail: string) => `这一行的格式有误：${detail}。`,
    hint: () => '每行写成“字段名: 值”，冒号用半角“:”并在后面空一格；列表写成 [甲, 乙]',
  },
  ValueIsComment: {
    message: (label: string) => `${label}的值以 # 开头：稿件信息里 # 和它后面的字会被当成备注不读，所以${label}成了空的。`,
    hint: (line: string) => `请给整个值加英文引号，写成：${line}`,
  },
  ColonInValue: {
    message: (label: string) => `${label}的值里有英文冒号加空格“: ”，会被当成又一个“字段名: 值”，这一行读不懂。`,
    hint: (line: string) => `请给整个值加英文引号，写成：${line}；或者把冒号改成中文冒号“：”`,
  },
  SpecialFirstCharacter: {
    message: (label: string, character: string, meaning: string) =>
      `${label}的值以“${character}”开头，这个符号在稿件信息里${meaning}，值没有照写的读出来。`,
    hint: (line: string) => `请给整个值加英文引号，写成：${line}`,
  },
  ValueNotText: {
    message: (label: string, written: string, read: string) => `${label}写的“${written}”被读成了${read}，不是照写的文字。`,
    hint: (line: string) => `请给整个值加英文引号，写成：${line}`,
  },
  NotAMapping: {
    message: () => '稿件信息应是“字段名: 值”的若干行。',
    hint: () => '参照投稿模板，每个字段单独一行',
  },
  MissingField: {
    message: (field: string) => `缺少必填的${fieldName(field)}。`,
    hint: (field: string) => `请在稿件信息中加一行“${field}: ……”`,
  },
  WrongType: {
    message: (field: string, expected: string) => `${fieldName(field)}应为${expected}。`,
    hint: (example: string) => `例如：${example}`,
  },
  EmptyField: {
    message: (field: string) => `${fieldName(field)}不能为空。`,
    hint: (field: string) => `请填写${fieldName(field)}，或删除这一行（如果它不是必填项）`,
  },
  TooLong: {
    message: (field: string, max: number, actual: number) => `${fieldName(field)}太长：${actual} 个字，最多 ${max} 个字。`,
    hint: () => '请精简；较长的说明可以写进正文',
  },
  TooMany: {
    message: (field: string, max: number, actual: number) => `${fieldName(field)}写了 ${actual} 项，最多 ${max} 项。`,
    hint: () => '请只保留最重要的几项',
  },
  InvalidDate: {
    message: (value: string) => `日期“${value}”的写法不对。`,
    hint: () => '日期请写成 2024-11-22（年-月-日，月和日都是两位数）',
  },
  DateFormat: {
    message: (value: string, iso: string) => `日期“${value}”应写成 ${iso}。`,
    hint: () => '日期一律写成 年-月-日，例如 2024-11-22；运行 npm run check -- --fix 可以自动改正',
  },
  ImpossibleDate: {
    message: (value: string) => `日期“${value}”不存在。`,
    hint: (year?: number, month?: number, days?: number) =>
      month && month >= 1 && month <= 12 && days
        ? `${year} 年 ${month} 月只有 ${days} 天，请核对日期`
        : '月份要在 1 到 12 之间，日期不能超过当月天数；请核对后写成 2024-11-22 这样的格式',
  },
  UnknownUnit: {
    message: (value: string, suggestions: readonly string[]) =>
      `找不到单位“${value}”。` + (suggestions.length ? `${registryName('units.yaml')}中相近的有：${list(suggestions)}。` : ''),
    hint: () => `请改用${registryName('units.yaml')}里的全称或登记过的简称；新单位请联系编辑加入单位名单`,
  },
  RenamedUnit: {
    message: (old: string, current: string) => `单位“${old}”已更名为“${current}”。`,
    hint: (current: string) => `请改写为“${current}”`,
  },
  NoUnits: {
    message: () => '至少要填写一个单位。',
    hint: () => '例如：units: [市水务局]',
  },
  UnknownColumn: {
    message: (value: string, suggestions: readonly string[]) =>
      `找不到栏目“${value}”。` + (suggestions.length ? `${registryName('columns.yaml')}中相近的有：${list(suggestions)}。` : ''),
    hint: (names: readonly string[]) => `请改用${registryName('columns.yaml')}里的栏目：${list(names)}`,
  },
  BadByline: {
    message: (value: string) => `署名“${value}”中没有人名。`,
    hint: () => '署名写成“身份 姓名”，例如“通讯员 王笛”或“记者 高乐 通讯员 李明”',
  },
  BadSlug: {
    message: (value: string) => `${fieldName('slug')}“${value}”只能用小写英文字母、数字和连字符（-）。`,
    hint: () => '例如：slug: jineng-biwu；也可以删掉这一行，网址会按文件名或标题的拼音自动生成',
  },
  SlugClash: {
    message: (slug: string, other: string) => `网址名“${slug}”与 ${other} 重复。`,
    hint: (slug: string) => `请在其中一篇的稿件信息里写一个不同的网址名，例如 slug: ${slug}-2`,
  },
  SlugTaken: {
    message: (slug: string, other: string) => `网址名“${slug}”已是更早发布的 ${other} 的网址（由它的文件名生成）。`,
    hint: (slug: string) => `已发布的网址不能被新稿件占用；请给本篇换一个网址名，例如 slug: ${slug}-2`,
  },
  SlugRenamed: {
    message: (base: string, other: string, slug: string) => `网址名“${base}”已被 ${other} 使用，本篇改用“${slug}”。`,
    hint: (base: string) => `网址能用，也可以不管；想要好记的网址，请在稿件信息里写一个网址名，例如 slug: ${base}-2`,
  },
  UnknownField: {
    message: (field: string, suggestion: string | undefined) =>
      `不认识的字段 ${field}` + (suggestion ? `，是不是想写${fieldName(suggestion)}？` : '。'),
    hint: () => '能写的字段见投稿指南的“稿件信息”一节；拼错的字段不起作用',
  },
  InvisibleCharacters: {
    message: (names: readonly string[]) => `这一行有看不见的字符：${names.join('、')}（从网页或聊天软件复制时带来的），生成网站时已去掉。`,
    hint: () => '运行 npm run check -- --fix 把它们从文件里删掉',
  },
  PastedSpaces: {
    message: (names: readonly string[]) =>
      `这一行有${names.join('、')}（从微信、Word、WPS 或 PDF 复制时带来的），生成网站时已改好：句子里汉字之间的删去，署名里和其他地方的换成普通空格。`,
    hint: () => '运行 npm run check -- --fix 在文件里也这样改好',
  },
  PastedIndent: {
    message: (name: string) => `这一行有${name}（Word、WPS 和微信排版的习惯），网页会自己排好段落，生成网站时已去掉。`,
    hint: () => '运行 npm run check -- --fix 从文件里删掉；段首不用空格，段与段之间空一行就行',
  },
  IndentedAsCode: {
    message: () =>
      '这一段开头空了 4 个以上空格（或按了 Tab 键），这样的段落会被当成程序代码，显示成灰底的等宽字；它是中文段落，生成网站时已去掉缩进。',
    hint: () => '运行 npm run check -- --fix 从文件里删掉缩进；段首不用空格，段与段之间空一行就行',
  },
  HtmlHandlerRemoved: {
    message: (names: readonly string[]) => `这里从网页或 Word 粘贴来的内容带有脚本（${names.join('、')}），发布时已删去，稿件照常发布。`,
    hint: () => '不必处理；想让稿件干净，可以把这些写法删掉',
  },
  RepeatedParagraph: {
    message: (other: string, otherLine: number | undefined) => `这一段与 ${other}${otherLine ? ` 第 ${otherLine} 行` : ''}的一段完全相同。`,
    hint: () => '可能是排版时重复粘贴；请确认这一段属于哪篇稿件，删去多余的一处',
  },
  EmptyBody: {
    message: () => '正文是空的。',
    hint: () => '请在第二个 --- 下面写正文',
  },
  ShortBody: {
    message: (count: number, least: number) =>
      (count === 0 ? '正文除了开头的“本报讯（……）”还一个字也没有写' : `正文只有 ${count} 个字（不算开头的“本报讯（……）”），像是还没写完`) +
      `；正文至少要 ${least} 个字。`,
    hint: (draft: boolean) =>
      draft
        ? '写完正文、删去 draft: true 这一行后才会发布'
        : '请写完正文再提交；没写完的稿件可以在稿件信息里加一行 draft: true，它只在本机预览中显示，不会发布',
  },
  MdxNotTrusted: {
    message: () => '.mdx 文件会在生成网站时执行代码，此文件夹不允许使用。',
    hint: () =>
      `稿件请用 .md；确需 .mdx 的专题页，请放到${registryName('site.yaml')}里${fieldName('trustedMdx')}所列的文件夹中（由编辑决定）`,
  },
  ImageMissing: {
    message: (src: string) => `找不到图片“${src}”。`,
    hint: () => '请检查文件名和路径（路径相对于稿件文件，例如 ../../../images/biwu.jpg），并把图片一起提交',
  },
  HtmlImage: {
    message: (src: string) => `图片“${src}”是用 HTML 的 <img> 插入的，网站不会发布这样引用的本地图片。`,
    hint: () => '请改用 Markdown 图片写法：![图片说明](../../../images/文件名.jpg)',
  },
  ArticleIsText: {
    message: (name: string) => `“${name}”是 .txt 文件，网站只读 .md 稿件，这篇不会发布。`,
    hint: (stem: string) => `请把文件名改成“${stem}.md”（内容不用改），并按投稿指南在开头写好标题、日期、单位等信息`,
  },
  ArticleIsDocument: {
    message: (name: string) => `“${name}”是 Word 等文档，网站不能直接发布。`,
    hint: () =>
      '请把它交给编辑，由编辑用 npm run import 转成 .md 稿件（.doc、.wps 先另存为 .docx；PDF 请把正文复制出来），然后删掉这个文件',
  },
  ArticleFileUnknown: {
    message: (name: string) => `“${name}”既不是稿件（.md）也不是图片，不会发布。`,
    hint: () => '如果这是稿件，请另存为 .md 文件；不是的话，请把它移出 articles 文件夹',
  },
  SymlinkOutside: {
    message: () => '这是一个指向内容文件夹外面的链接（快捷方式），不会被读取或发布。',
    hint: () => '请把稿件文件本身放进内容文件夹，删掉这个链接',
  },
  RemoteImage: {
    message: (src: string, wechat: boolean) =>
      `图片“${src}”在别的网站上${wechat ? '（是微信公众号的图片，微信不让别的网站直接显示）' : ''}；本刊网站只显示内容文件夹里的图片，读者会看到一张打不开的图。`,
    hint: (folder: string, example: string) => `请把图片下载下来，存进内容文件夹的 ${folder}，再写成 ${example}`,
  },
  EmbeddedImage: {
    message: () => '这张图片是直接嵌在稿件里的数据（从网页或 Word 粘贴时常会这样），网站不会发布它，读者只会看到图片说明。',
    hint: (folder: string, example: string) => `请把图片另存为文件，存进内容文件夹的 ${folder}，再写成 ${example}`,
  },
  ImageOutside: {
    message: (src: string) => `图片“${src}”不在内容文件夹里。`,
    hint: () => '请把图片放进内容文件夹的 images/ 中，用相对于稿件文件的路径引用',
  },
  BadTrustedFolder: {
    message: (folder: string) => `${fieldName('trustedMdx')}里的“${folder}”不能使用。`,
    hint: () => '文件夹名只能用小写英文字母、数字和连字符（如 zhuanti），且不能与网站自己的网址重名（如 articles、search、images）',
  },
  RegistryMissing: {
    message: (file: string) => `内容文件夹中缺少${registryName(file)}。`,
    hint: (file: string) => `请参照内容格式说明新建${registryName(file)}`,
  },
  RegistryNotAList: {
    message: (file: string) => `${registryName(file)}应是一个列表，每项以“- name: ……”开头。`,
    hint: () => '参照内容格式说明中的示例',
  },
  DuplicateName: {
    message: (kind: string, name: string, other: string) => `${kind}“${name}”与“${other}”的名称、别名或网址名重复。`,
    hint: () => '名称、别名和网址名（slug）在整个名单中都不能重复；请删去或改写其中一个',
  },
  InvalidUrl: {
    message: (value: string) => `网址“${value}”不是完整的 http(s) 地址。`,
    hint: () => '例如：url: https://dangjian.example.cn',
  },
} as const;

/** The permanent names of all messages. */
export type MessageCode = keyof typeof messages;
