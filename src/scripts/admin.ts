/*
 * The correspondents' form (/admin/): Decap CMS, loaded before this script by the page, started
 * with the configuration the site made from its table of fields. Here: what is saved is made as
 * `npm run new` makes it (admin-save.ts), and the preview shows the article with the site's own styles.
 */
import { formatChineseDate } from '../lib/text/dates.ts';
import { bylineControl } from './admin-byline.ts';
import { missingChinesePhrases, withPhrases, type Phrases } from './admin-locale.ts';
import { beforeSave, type Entry, type EntryData } from './admin-save.ts';

type Element = unknown;

interface Decap {
  init(options: { config: unknown }): void;
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: Entry }) => Promise<EntryData> | EntryData }): void;
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(collection: string, template: unknown): void;
  registerLocale(locale: string, phrases: object): void;
  registerWidget(name: string, control: unknown): void;
  getLocale(locale: string): object | undefined;
}

declare global {
  interface Window {
    CMS: Decap;
    h: (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;
    createClass: (spec: { render(this: { props: PreviewProps }): Element }) => unknown;
  }
}

interface PreviewProps {
  entry: Entry;
  widgetFor(field: string): Element;
}

/** The words the preview shows, from the site's strings (src/lib/i18n.ts), as the page hands them over. */
interface PreviewWords {
  metaLabel: string;
  date: string;
  column: string;
  units: string;
  tags: string;
}

function readJson<T>(id: string): T {
  return JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T;
}

const { CMS, h, createClass } = window;
const page = readJson<{ styles: string; words: PreviewWords }>('cms-page');
const words = page.words;

// Before Decap works out the file's name and writes it (admin-save.ts).
CMS.registerEventListener({ name: 'preSave', handler: ({ entry }) => beforeSave(entry) });

/** The article as its page shows it (layouts/ArticleLayout.astro): kicker, title, subtitle, byline, details, body. */
const ArticlePreview = createClass({
  render() {
    const { entry, widgetFor } = this.props;
    const text = (key: string) => {
      const value = entry.getIn(['data', key]);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const list = (key: string) => {
      const value = entry.getIn(['data', key]) as { toJS?: () => unknown } | undefined;
      const items = value?.toJS?.() ?? value;
      return Array.isArray(items) ? items.map(String).filter(Boolean) : [];
    };
    const date = text('date');
    const detail = (label: string, value: Element) => h('div', null, h('dt', null, label), h('dd', null, value));
    const units = list('units');
    const tags = list('tags');
    return h(
      'article',
      { className: 'article' },
      h(
        'header',
        { className: 'article-header' },
        text('kicker') ? h('p', { className: 'kicker' }, text('kicker')) : null,
        h('h1', { className: 'article-title' }, text('title') ?? ''),
        text('subtitle') ? h('p', { className: 'subtitle' }, text('subtitle')) : null,
        h('p', { className: 'byline' }, text('byline') ?? ''),
        h(
          'dl',
          { className: 'article-meta', 'aria-label': words.metaLabel },
          date ? detail(words.date, h('time', { dateTime: date }, formatChineseDate(date))) : null,
          text('column') ? detail(words.column, text('column')) : null,
          units.length ? detail(words.units, units.join('、')) : null,
          tags.length ? detail(words.tags, h('ul', { className: 'tag-list' }, ...tags.map((tag) => h('li', null, tag)))) : null,
        ),
      ),
      h('div', { className: 'article-body' }, widgetFor('body')),
    );
  },
});

// In `npm run dev`, Astro reloads every open page when the content folder changes, as each save in
// the form changes it: the form would start again under the correspondent's hands, a moment after
// 发布, with whatever was typed since. The form reads the files itself, so it stays; Vite reloads
// only the page a reload names, and this names none.
import.meta.hot?.on('vite:beforeFullReload', (payload) => {
  payload.path = '/admin/not-reloaded-by-content-changes.html';
});

CMS.registerWidget('byline', bylineControl(h, createClass as (spec: object) => unknown));
CMS.registerPreviewStyle(page.styles);
CMS.registerPreviewTemplate('articles', ArticlePreview);
// Decap's Chinese leaves some words in English; they are filled in before it starts.
CMS.registerLocale('zh_Hans', withPhrases((CMS.getLocale('zh_Hans') ?? {}) as Phrases, missingChinesePhrases));
CMS.init({ config: readJson('cms-config') });
