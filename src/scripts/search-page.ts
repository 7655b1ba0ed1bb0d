/**
 * The search page: reads the query and filters from the URL, asks Pagefind once per part of the
 * query (each part a phrase or a pinyin word), keeps the articles that match every part, and
 * shows them ranked by Pagefind's score with excerpts rebuilt around the matched phrases. A
 * phrase with a very common word, whose places the index keeps on some pages only
 * (capped-places.ts), is checked on the text of the other pages before they are shown.
 */
import { foldUnits } from '../lib/bulletin/unit-fold.ts';
import { closestMatches, closestWords, wantsClosest } from '../lib/search/closest.ts';
import { findMatches, makeExcerpt } from '../lib/search/excerpt.ts';
import { filterFileName } from '../lib/search/filter-files.ts';
import { cappedWordsPath, holdsPhrase } from '../lib/search/phrase-check.ts';
import { cjkCharacters, pagefindLookups, parseQuery, scoringTerm, type QueryPart } from '../lib/search/query.ts';
import { searchRanking } from '../lib/search/ranking.ts';
import { searchFields } from '../lib/search/search-fields.ts';
import { sortFilePath, sortPlaces, type SortFile } from '../lib/search/sort-files.ts';
import { searchStrings as strings } from '../lib/search/strings.ts';
import { indexLanguage, tokenizeWithGaps } from '../lib/search/tokens.ts';
import { decodeBitmap, toSimplified } from '../lib/search/traditional.ts';
import { wordFilterHas, type WordFilter } from '../lib/search/word-filter.ts';
import { formatChineseDate } from '../lib/text/dates.ts';
import { element } from './element.ts';

interface PagefindResult {
  id: string;
  score: number;
  /** The fragment (src/lib/search/index-shard.ts): the start of the body when `cut`, and the other texts the page is found by. */
  data(): Promise<{
    url: string;
    content: string;
    meta: Record<string, string>;
    filters?: Record<string, string[]>;
    cut?: boolean;
    texts?: string[];
  }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}
type ResultData = Awaited<ReturnType<PagefindResult['data']>>;

/** A page that matches, and the phrases still to be checked on its text before it is shown. */
interface Found {
  result: PagefindResult;
  unchecked: string[][];
}

const pageSize = 10;
const root = document.querySelector<HTMLElement>('[data-search]')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
const fields = ['q', 'unit', 'column', 'year', 'issue', 'sort'] as const;
type State = Record<(typeof fields)[number], string>;

const isTraditional = decodeBitmap(root.dataset['traditional'] ?? '');
let pagefind: Promise<Pagefind> | undefined;
let table: Promise<Record<string, string>> | undefined;
let dateOrder: Promise<Map<string, number>> | undefined;
let capped: Promise<(word: string) => boolean> | undefined;
let entryHash: Promise<string> | undefined;
const articleTexts = new Map<string, Promise<string>>();
let generation = 0;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = root.dataset['pagefind'];
    const module = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
    // On the page's own thread: a search takes milliseconds, and Pagefind's worker would be one
    // more script for every first search to fetch (13 KB compressed).
    await module.options({ basePath: base, ranking: searchRanking, noWorker: true });
    // Pagefind takes the language of its queries from the page's lang when it starts, and for
    // Chinese it would cut them with the browser's segmenter, which the index's words do not
    // follow (tokens.ts): for that instant the page says it is in the index's language.
    const pageLanguage = document.documentElement.lang;
    document.documentElement.lang = indexLanguage;
    const started = module.init();
    document.documentElement.lang = pageLanguage;
    await started;
    return module;
  })();
  return pagefind;
}

function loadTable(): Promise<Record<string, string>> {
  table ??= fetchJson<{ pairs: string }>(root.dataset['traditionalTable']!).then(({ pairs }) => {
    const characters = [...pairs];
    const map: Record<string, string> = {};
    for (let index = 0; index + 1 < characters.length; index += 2) map[characters[index]!] = characters[index + 1]!;
    return map;
  });
  return table;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(fields.map((field) => [field, params.get(field)?.trim() ?? ''])) as State;
}

function fillForm(state: State): void {
  for (const field of fields) {
    const control = form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
    if (control) control.value = state[field];
  }
}

function formState(): State {
  const data = new FormData(form);
  return Object.fromEntries(fields.map((field) => [field, String(data.get(field) ?? '').trim()])) as State;
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  for (const field of fields) if (state[field]) params.set(field, state[field]);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** A Pagefind filter: filter names (the index's files, filter-files.ts) and values, or a filter of none of some. */
type Filters = Record<string, string | Record<string, string>[]>;

/** The option of a filter the state has chosen, if the form offers it. */
function chosen(
  state: State,
  field: 'unit' | 'column' | 'year' | 'issue',
): { select?: HTMLSelectElement | undefined; option?: HTMLOptionElement | undefined } {
  const select = (form.elements.namedItem(field) as HTMLSelectElement | null) ?? undefined;
  if (!state[field] || !select) return {};
  return { select, option: [...select.options].find((candidate) => candidate.value === state[field]) };
}

/** The filter value an option stands for: the index's name of a unit, the value itself for the others. */
const nameOf = (choice: HTMLOptionElement) => choice.dataset['name'] ?? choice.value;

/**
 * Pagefind filters from the URL's slugs; the options carry the names the index uses, each value
 * in a filter file of its own. Where every article has one value of a filter (its column) and
 * the chosen value has most of them (党建动态, seven briefs in ten), the filter is "none of the
 * other values": their files list fewer pages (at 50,000 articles, 30 KB against 75 KB).
 */
function filtersOf(state: State): Filters {
  const filters: Filters = {};
  const none: Record<string, string>[] = [];
  for (const field of ['unit', 'column', 'year', 'issue'] as const) {
    const { select, option } = chosen(state, field);
    if (!select || !option) continue;
    const filter = select.dataset['filter']!;
    // Values without articles have no file in the index.
    const others = [...select.options].filter((choice) => choice.value && choice !== option && choice.dataset['count'] !== '0');
    if ('oneEach' in select.dataset && Number(option.dataset['count']) > Number(select.dataset['total']) / 2) {
      for (const other of others) none.push({ [filterFileName(filter, nameOf(other))]: nameOf(other) });
    } else {
      filters[filterFileName(filter, nameOf(option))] = nameOf(option);
    }
  }
  if (none.length > 0) filters['none'] = none;
  return filters;
}

/** The hash of this build's metadata, which names the files the index keeps beside it. */
function metaHash(): Promise<string> {
  entryHash ??= retried(
    async () => {
      // Pagefind reads the entry afresh on every visit; so does this, once, for the same build's files.
      const entry = await fetchJson<{ languages: Record<string, { hash: string }> }>(`${root.dataset['pagefind']}pagefind-entry.json`, {
        cache: 'no-cache',
      });
      return Object.values(entry.languages)[0]!.hash;
    },
    () => (entryHash = undefined),
  );
  return entryHash;
}

/** Asked again by the next search when it failed, not failed for good. */
function retried<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  return load().catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** Whether the index may keep a word's places on some pages only. */
function loadCapped(): Promise<(word: string) => boolean> {
  capped ??= retried(
    async () => wordFilterHas(await fetchJson<WordFilter>(`${root.dataset['pagefind']}${cappedWordsPath(await metaHash())}`)),
    () => (capped = undefined),
  );
  return capped;
}

/** The whole text of an article's body, from its page (the fragment holds its start). */
function articleText(url: string): Promise<string> {
  let text = articleTexts.get(url);
  if (!text) {
    text = fetch(url)
      .then((response) => (response.ok ? response.text() : ''))
      // The body's element in src/layouts/ArticleLayout.astro.
      .then((html) => new DOMParser().parseFromString(html, 'text/html').querySelector('.article-body')?.textContent ?? '');
    articleTexts.set(url, text);
  }
  return text;
}

/** The texts a result's fragment holds that the page is found by: the body (or its start), the title, units, tags… */
const fragmentTexts = (data: ResultData) => [data.content, data.meta['title'] ?? '', ...(data.texts ?? [])];

/** Whether a page's texts hold the phrases the index could not check: the fragment's, then the article's whole body where the fragment has its start only. */
async function holdsUnchecked({ unchecked }: Found, data: ResultData): Promise<boolean> {
  const texts = fragmentTexts(data);
  const missing = unchecked.filter((phrase) => !texts.some((text) => holdsPhrase(text, phrase)));
  if (missing.length === 0) return true;
  if (!data.cut) return false;
  const body = await articleText(data.url);
  return missing.every((phrase) => holdsPhrase(body, phrase));
}

/**
 * The text to make a result's excerpt from: the fragment's, which is the start of a long
 * article. Where neither that start nor any other text the article is found by (its title,
 * units, tags…) shows a match, the match is further on in the body: the article's whole body,
 * from its page. Where the title or a tag matches, the start is shown, as a news search shows
 * a lede.
 */
async function excerptText(data: ResultData, parts: QueryPart[]): Promise<string> {
  const matches = (text: string) => findMatches(tokenizeWithGaps(text).tokens, parts).length > 0;
  if (!data.cut || fragmentTexts(data).some(matches)) return data.content;
  return (await articleText(data.url)) || data.content;
}

/**
 * Each page's place in date order. The index keeps its date order in a file of its own (not in
 * the metadata every first search fetches): only a search sorted by date needs it.
 */
function loadDateOrder(): Promise<Map<string, number>> {
  dateOrder ??= retried(
    async () => sortPlaces(await fetchJson<SortFile>(`${root.dataset['pagefind']}${sortFilePath('date', await metaHash())}`)),
    () => (dateOrder = undefined),
  );
  return dateOrder;
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<T>;
}

/**
 * The pages that hold every part, ranked. The scoring search holds every word of the query, so
 * a page it finds that a phrase's search does not may still hold the phrase where the index
 * kept no places of one of its words: such a page is kept, to be checked on its text, when the
 * phrase has one of those words.
 */
async function findAll(engine: Pagefind, parts: QueryPart[], state: State): Promise<Found[]> {
  const filters = filtersOf(state);
  const lookups = parts.flatMap(pagefindLookups);
  const [scored, ...perLookup] = await Promise.all([
    engine.search(scoringTerm(parts), { filters }),
    ...lookups.map(({ term }) => engine.search(term, { filters })),
  ]);
  const matched = perLookup.map((result) => new Set(result.results.map((entry) => entry.id)));
  // Each page with the lookups it is not among; a page that missed one that is not a phrase is out.
  const candidates = scored.results
    .map((result) => ({ result, missed: lookups.filter((_, index) => !matched[index]!.has(result.id)) }))
    .filter(({ missed }) => missed.every(({ phrase }) => phrase));
  const isCapped = candidates.some(({ missed }) => missed.length > 0) ? await loadCapped() : () => false;
  const found = candidates
    .map(({ result, missed }) => ({ result, unchecked: missed.map(({ phrase }) => phrase!) }))
    .filter(({ unchecked }) => unchecked.every((phrase) => phrase.some(isCapped)));
  return inOrder(found, state);
}

/** Results in the order the reader chose: as ranked, or newest first. */
async function inOrder(found: Found[], state: State): Promise<Found[]> {
  if (state.sort !== 'date') return found;
  const order = await loadDateOrder();
  return found.sort((a, b) => (order.get(b.result.id) ?? -1) - (order.get(a.result.id) ?? -1));
}

/**
 * The closest articles to a run of Chinese that nothing matches exactly: one search per pair of
 * its characters, all at once. Their chunks are those the exact search just fetched, so this
 * fetches nothing more, or one more round at most.
 */
async function findClosest(engine: Pagefind, part: QueryPart, state: State): Promise<{ results: Found[]; parts: QueryPart[] }> {
  const filters = filtersOf(state);
  const words = closestWords(part);
  const searches = await Promise.all(words.map((word) => engine.search(word, { filters })));
  const byId = new Map(searches.flatMap((search) => search.results.map((result) => [result.id, result] as const)));
  const ranked = closestMatches(searches.map((search, index) => ({ word: words[index]!, hits: search.results })));
  // The excerpt marks each pair the page holds.
  const parts = words.map((word): QueryPart => ({ tokens: [...word], exact: true }));
  return {
    results: await inOrder(
      ranked.map((id) => ({ result: byId.get(id)!, unchecked: [] })),
      state,
    ),
    parts,
  };
}

/**
 * A result's line of details as the listings write it: the date as 2024年11月26日, and a long
 * list of units folded behind the same control (src/components/ArticleUnits.astro), the unit
 * the search is narrowed to first. The units come from the fragment's filter values, one per
 * unit, as a name may itself hold 、.
 */
function resultDetails(data: ResultData, unit: string): HTMLElement {
  const { meta } = data;
  const line = element('div', 'item-meta');
  const parts: Node[] = [];
  const date = meta['date'];
  if (date) {
    const time = element('time', '', formatChineseDate(date));
    time.dateTime = date;
    parts.push(time);
  }
  if (meta['column']) parts.push(document.createTextNode(meta['column']));
  const units = data.filters?.[searchFields.unitFilter] ?? [];
  const { shown, rest } = foldUnits(units, unit ? (name) => name === unit : undefined);
  if (shown.length > 0) parts.push(element('span', 'unit-links', shown.join(strings.listSeparator)));
  if (rest.length > 0) {
    parts.at(-1)!.appendChild(element('span', 'units-rest', rest.map((name) => `${strings.listSeparator}${name}`).join('')));
    const fold = element('details', 'units-fold');
    const summary = fold.appendChild(element('summary'));
    summary.append(element('span', 'units-closed', strings.moreUnits(units.length)), element('span', 'units-open', strings.fewerUnits));
    parts.push(fold);
  }
  if (meta['byline']) parts.push(document.createTextNode(meta['byline']));
  parts.forEach((part, index) => {
    // The control follows its names directly, as on the article page.
    if (index > 0 && !(part instanceof HTMLDetailsElement)) line.append(' · ');
    line.append(part);
  });
  return line;
}

function renderResult(data: ResultData, text: string, parts: QueryPart[], unit: string): HTMLLIElement {
  const item = element('li');
  const article = item.appendChild(element('article', 'search-result'));
  const heading = article.appendChild(element('h2'));
  const link = heading.appendChild(element('a', '', data.meta['title'] ?? data.url));
  link.href = data.url;
  if (data.meta['draft']) heading.appendChild(element('span', 'draft-badge', strings.draft));
  article.appendChild(resultDetails(data, unit));
  // The article's plain text, or its start (src/lib/search/document.ts).
  const { tokens, gaps } = tokenizeWithGaps(text);
  const excerpt = article.appendChild(element('p', 'search-excerpt'));
  for (const piece of makeExcerpt(tokens, gaps, parts)) excerpt.append(piece.mark ? element('mark', '', piece.text) : piece.text);
  return item;
}

/**
 * Results shown a page at a time. A result with phrases to check is shown only once its text
 * (fetched to show it anyway) holds them; until every result is checked, the count is at most.
 */
class Listing {
  private readonly results: Found[];
  private next = 0;
  private rejected = 0;

  constructor(results: Found[]) {
    this.results = results;
  }

  get done(): boolean {
    return this.next >= this.results.length;
  }

  get count(): number {
    return this.results.length - this.rejected;
  }

  /** Whether results not yet shown have phrases to check. */
  get unsure(): boolean {
    return this.results.slice(this.next).some(({ unchecked }) => unchecked.length > 0);
  }

  /** The next `count` results that hold the query, fewer at the end. */
  async take(count: number): Promise<ResultData[]> {
    const shown: ResultData[] = [];
    while (shown.length < count && !this.done) {
      const batch = this.results.slice(this.next, this.next + count - shown.length);
      this.next += batch.length;
      const data = await Promise.all(batch.map(({ result }) => result.data()));
      const holds = await Promise.all(batch.map((found, index) => found.unchecked.length === 0 || holdsUnchecked(found, data[index]!)));
      data.forEach((page, index) => {
        if (holds[index]) shown.push(page);
        else this.rejected++;
      });
    }
    return shown;
  }
}

async function run(state: State): Promise<void> {
  const current = ++generation;
  list.replaceChildren();
  more.hidden = true;
  let parts = parseQuery(state.q);
  if (parts.length === 0) {
    status.textContent = strings.empty;
    return;
  }
  status.textContent = strings.searching;
  try {
    const engine = await loadPagefind();
    const attempt = async (found: Found[]) => {
      const listing = new Listing(found);
      return { listing, first: await listing.take(pageSize) };
    };
    let note = '';
    let outcome: Awaited<ReturnType<typeof attempt>> | undefined;
    // The query as the index holds text: simplified, when it has traditional characters.
    let indexed = parts;
    if (cjkCharacters(state.q).some(isTraditional)) {
      const simplified = toSimplified(state.q, await loadTable());
      indexed = parseQuery(simplified);
      outcome = await attempt(await findAll(engine, indexed, state));
      if (outcome.first.length > 0) {
        parts = indexed;
        note = strings.traditional(simplified);
      }
    }
    if (!outcome || outcome.first.length === 0) outcome = await attempt(await findAll(engine, parts, state));
    // Nothing holds the whole run: the closest articles, said to be such.
    const closest = outcome.first.length === 0 && wantsClosest(indexed);
    if (closest) {
      const nearest = await findClosest(engine, indexed[0]!, state);
      parts = nearest.parts;
      outcome = await attempt(nearest.results);
    }
    if (current !== generation) return;
    const { listing, first } = outcome;
    const announce = () => {
      const count = listing.count;
      const found = closest ? strings.closest(count) : `${listing.unsure ? strings.foundAbout(count) : strings.found(count)}${note}`;
      status.textContent = count ? found : strings.none(state.q);
    };
    const { option: unitOption } = chosen(state, 'unit');
    const unit = unitOption ? nameOf(unitOption) : '';
    const show = async (batch: ResultData[]) => {
      const texts = await Promise.all(batch.map((data) => excerptText(data, parts)));
      if (current !== generation) return;
      list.append(...batch.map((data, index) => renderResult(data, texts[index]!, parts, unit)));
      more.hidden = listing.done;
    };
    more.onclick = async () => {
      const batch = await listing.take(pageSize);
      if (current !== generation) return;
      await show(batch);
      announce();
    };
    await show(first);
    if (current !== generation) return;
    // Announced once the first results are on the page, so a screen reader can go on to them.
    announce();
  } catch (error) {
    if (current === generation) status.textContent = strings.failed;
    console.error(error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = formState();
  history.pushState(null, '', stateUrl(state));
  void run(state);
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement && formState().q) form.requestSubmit();
});
addEventListener('popstate', () => {
  const state = readState();
  fillForm(state);
  void run(state);
});

const initial = readState();
fillForm(initial);
if (initial.q) void run(initial);
