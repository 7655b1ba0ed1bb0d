/**
 * Lines a printed page or a WeChat post carries around its articles, which belong to no article:
 * the page header (机关党建 2024年12月10日 星期二 第2版), page numbers (3, —2—, 第 2 页), the staff
 * line (责任编辑：周洁　校对：吴敏), an end mark (—END—), and a post's own lines (原创 … 2024-12-05 08:30, 点击蓝字 关注我们,
 * 来源：…, 阅读 1286). Each rule needs the whole line to be of that kind, so a sentence that merely
 * mentions a date or an editor is never one.
 */

const date = String.raw`(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})`;
// Emoji and arrows a post decorates its own lines with (🔥往期推荐, 一起来看↓↓↓), left out when a line is judged.
const decoration = /\p{Extended_Pictographic}|[\u2190-\u21ff\u2b05-\u2b07]|\ufe0f|\u200d/gu;
const sentence = /[。！？；，,!?;]/u;

const rules: { what: string; test: (line: string) => boolean }[] = [
  {
    what: '页码',
    test: (line) => /^(?:[—–\-－]\s*)?\d{1,3}(?:\s*[—–\-－])?$|^第\s*\d{1,3}\s*页$|^\d{1,3}\s*\/\s*\d{1,3}$/u.test(line),
  },
  {
    // A header: a date with 星期… or a page number (·5·, a number at the end), or 第N版 / 第N期
    // with at most a few words (the bulletin's name, the page's name) and no sentence.
    what: '页眉',
    test: (line) =>
      !sentence.test(line) &&
      [...line.replace(/\s+/gu, ' ')].length <= 60 &&
      !/下转|上接|转第/u.test(line) &&
      ((new RegExp(date, 'u').test(line) && /星期[一二三四五六日天]|周[一二三四五六日]|[·•]\s*\d{1,3}\s*[·•]|\s\d{1,3}$/u.test(line)) ||
        // 第N版 and 第N期 stand apart from other words (党报第1版头条聚焦…, 第二期 青年干部培训班开班 are titles).
        /(?:^|\s|期)第\s*[\d一二三四五六七八九十]+\s*版(?=\s|$)/u.test(line) ||
        /^第\s*[\d一二三四五六七八九十]+\s*期(?:\s+\S{1,6})?$/u.test(line) ||
        (/第\s*\d+\s*期/u.test(line) && (new RegExp(date, 'u').test(line) || /[—–\-－·•]\s*\d{1,3}\s*[—–\-－·•]/u.test(line))) ||
        // The bulletin's name and the date alone, a header split over two lines: 机关党建　2024年12月17日.
        new RegExp(`^(?:\\p{Script=Han}{2,12}\\s+${date}|${date}\\s+\\p{Script=Han}{2,12})$`, 'u').test(line.replace(/\s+/gu, ' '))),
  },
  {
    what: '版面编辑署名',
    test: (line) =>
      /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?[（(]?(?:(?:责任编辑|本版编辑|本版责编|责编|美术编辑|美编|编辑|校对|审核|审校|终审|复审|初审|排版|组稿|监制|出品|设计|统筹|来源|投稿邮箱|联系电话)\s*[：:|｜][^。！？（）()]{0,30}?\s*)+[）)]?$/u.test(
        line,
      ),
  },
  {
    // The same, written with a space instead of a colon: 责任编辑　张敏　校对　吴敏.
    what: '版面编辑署名',
    test: (line) =>
      /^(?:(?:责任编辑|本版编辑|本版责编|责编|美术编辑|美编|校对|审核|审校)[\s\u3000]+\p{Script=Han}{2,4}[\s\u3000]*)+$/u.test(line),
  },
  {
    what: '结束标记',
    test: (line) => /^(?:[—–\-－]+\s*)?(?:END|End|end|完|全文完)(?:\s*[—–\-－]+)?$|^[（(](?:完|全文完)[）)]$/u.test(line),
  },
  {
    what: '公众号文章的附属文字',
    test: (line) =>
      new RegExp(`^原创\\s.*${date}`, 'u').test(line) ||
      // The post's account, date and time, place: 市委组织部 2024年12月08日 18:30 陕西.
      (new RegExp(`${date}\\s*\\d{1,2}:\\d{2}`, 'u').test(line) && !sentence.test(line) && [...line].length <= 50) ||
      /^(?:点击(?:上方)?(?:蓝字|“[^”]+”)\s*关注(?:我们)?|点击(?:下方|上方|左下角)?.*(?:阅读原文|关注|了解更多).*|阅读(?:原文)?\s*[\d,万+.]*|在看|点赞|分享|收藏|写留言|留言|长按识别二维码.*|扫码关注.*|预览时标签不可点|微信扫一扫.*|往期(?:推荐|回顾|精选)|推荐阅读|一起来看.{0,6}|(?:(?:分享|收藏|点赞|在看|转发|留言)\s*){2,})$/u.test(
        line.replace(decoration, '').trim(),
      ),
  },
];

/** The bulletin's own name and publisher (site.yaml), which its masthead prints. */
export interface Masthead {
  name?: string;
  publisher?: string;
}

/**
 * The masthead's lines: the bulletin's name alone, or its publisher with 主办 / 编印; and what any
 * bulletin's masthead says of itself: who publishes it (…主办, 内部资料 注意保存), what it is
 * (…工作简报, （党建专刊）, 枫林党建周报｜第48期), or a publisher and a date alone.
 */
function mastheadLine(text: string, masthead: Masthead): boolean {
  const plain = text.replace(/[\s《》]/gu, '');
  const name = masthead.name?.replace(/[\s《》]/gu, '');
  const publisher = masthead.publisher?.replace(/\s/gu, '');
  if (
    (name !== undefined && plain === name) ||
    (publisher !== undefined && new RegExp(`^${escapeRegExp(publisher)}(?:主办|编印|主管|出版)?$`, 'u').test(plain))
  )
    return true;
  if (sentence.test(text) || [...plain].length > 50) return false;
  return (
    // Words a masthead sets apart (…主办　2024年第6期, 内部资料　注意保存), not words of a title
    // (市总工会主办职工技能大赛, 党支部开展内部交流研讨).
    /(?:主办|编印)(?=\s|$)|(?:^|\s)(?:内部资料|注意保存|准印证号?|内部刊物)(?=\s|$)/u.test(text) ||
    /^\p{Script=Han}{0,12}(?:工作简报|简报|周报|月报|快报)(?:[｜|·]?第\d+期)?$/u.test(plain) ||
    /^[（(]\p{Script=Han}{0,12}(?:专刊|增刊)[）)]$/u.test(plain) ||
    /[｜|]第\d+期$/u.test(plain) ||
    new RegExp(`^(?:中共)?\\p{Script=Han}{2,20}(?:委员会|工委|党委|党工委|政治部|机关党委|党组)${date}$`, 'u').test(plain)
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What kind of page furniture a line is, in the words of the import report, or undefined for text. */
export function pageFurniture(line: string, masthead: Masthead = {}): string | undefined {
  const text = line.replace(decoration, '').trim();
  if (!text) return /\S/u.test(line) ? '装饰符号' : undefined;
  if (mastheadLine(text, masthead)) return '报头';
  return rules.find((rule) => rule.test(text))?.what;
}
