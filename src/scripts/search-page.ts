/**
 * The search page: reads the query and filters from the URL, asks Pagefind once per part of the
 * query (each part a phrase or a pinyin word), keeps the articles that match every part, and
 * shows them ranked by Pagefind's score with excerpts rebuilt around the matched phrases.
 */
import { closestMatches, closestWords, wantsClosest } from '../lib/search/closest.ts';
import { makeExcerpt } from '../lib/search/excerpt.ts';
import { cjkCharacters, pagefindTerms, parseQuery, scoringTerm, type QueryPart } from '../lib/search/query.ts';
import { searchRanking } from '../lib/search/ranking.ts';
import { sortFilePath } from '../lib/search/sort-files.ts';
import { searchStrings as strings } from '../lib/search/strings.ts';
import { indexLanguage, tokenizeWithGaps } from '../lib/search/tokens.ts';
import { decodeBitmap, toSimplified } from '../lib/search/traditional.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
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

/** Pagefind filters from the URL's slugs; the options carry the names the index uses. */
function filtersOf(state: State): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const field of ['unit', 'column', 'year', 'issue'] as const) {
    if (!state[field]) continue;
    const select = form.elements.namedItem(field) as HTMLSelectElement | null;
    const option = select ? [...select.options].find((candidate) => candidate.value === state[field]) : undefined;
    if (select && option) filters[select.dataset['filter']!] = option.dataset['name'] ?? option.value;
  }
  return filters;
}

/**
 * Each page's place in date order. The index keeps its date order in a file of its own (not in
 * the metadata every first search fetches): only a search sorted by date needs it.
 */
function loadDateOrder(): Promise<Map<string, number>> {
  dateOrder ??= fetchDateOrder().catch((error: unknown) => {
    // Asked again by the next sorted search, not failed for good.
    dateOrder = undefined;
    throw error;
  });
  return dateOrder;
}

async function fetchDateOrder(): Promise<Map<string, number>> {
  const base = root.dataset['pagefind'];
  // Pagefind reads the entry afresh on every visit; so does this, for the same build's file.
  const entry = await fetchJson<{ languages: Record<string, { hash: string }> }>(`${base}pagefind-entry.json`, { cache: 'no-cache' });
  const [language] = Object.values(entry.languages);
  const names = await fetchJson<string[]>(`${base}${sortFilePath('date', language!.hash)}`);
  return new Map(names.map((name, index) => [name, index]));
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<T>;
}

async function findAll(engine: Pagefind, parts: QueryPart[], state: State): Promise<PagefindResult[]> {
  const filters = filtersOf(state);
  const [scored, ...perPart] = await Promise.all([
    engine.search(scoringTerm(parts), { filters }),
    ...parts.flatMap(pagefindTerms).map((term) => engine.search(term, { filters })),
  ]);
  const required = perPart.map((result) => new Set(result.results.map((entry) => entry.id)));
  return inOrder(
    scored.results.filter((result) => required.every((ids) => ids.has(result.id))),
    state,
  );
}

/** Results in the order the reader chose: as ranked, or newest first. */
async function inOrder(found: PagefindResult[], state: State): Promise<PagefindResult[]> {
  if (state.sort !== 'date') return found;
  const order = await loadDateOrder();
  return found.sort((a, b) => (order.get(b.id) ?? -1) - (order.get(a.id) ?? -1));
}

/**
 * The closest articles to a run of Chinese that nothing matches exactly: one search per pair of
 * its characters, all at once. Their chunks are those the exact search just fetched, so this
 * fetches nothing more, or one more round at most.
 */
async function findClosest(engine: Pagefind, part: QueryPart, state: State): Promise<{ results: PagefindResult[]; parts: QueryPart[] }> {
  const filters = filtersOf(state);
  const words = closestWords(part);
  const searches = await Promise.all(words.map((word) => engine.search(word, { filters })));
  const byId = new Map(searches.flatMap((search) => search.results.map((result) => [result.id, result] as const)));
  const ranked = closestMatches(searches.map((search, index) => ({ word: words[index]!, hits: search.results })));
  // The excerpt marks each pair the page holds.
  const parts = words.map((word): QueryPart => ({ tokens: [...word], exact: true }));
  return {
    results: await inOrder(
      ranked.map((id) => byId.get(id)!),
      state,
    ),
    parts,
  };
}

function renderResult(data: Awaited<ReturnType<PagefindResult['data']>>, parts: QueryPart[]): HTMLLIElement {
  const item = document.createElement('li');
  const article = item.appendChild(document.createElement('article'));
  article.className = 'search-result';
  const heading = article.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  if (data.meta['draft']) {
    const badge = heading.appendChild(document.createElement('span'));
    badge.className = 'draft-badge';
    badge.textContent = strings.draft;
  }
  const meta = article.appendChild(document.createElement('p'));
  meta.className = 'article-item-meta';
  meta.textContent = [data.meta['date'], data.meta['column'], data.meta['units'], data.meta['byline']].filter(Boolean).join(' · ');
  // The fragment's content is the article's plain text (src/integrations/search-shards.ts).
  const { tokens, gaps } = tokenizeWithGaps(data.content);
  const excerpt = article.appendChild(document.createElement('p'));
  excerpt.className = 'search-excerpt';
  for (const piece of makeExcerpt(tokens, gaps, parts)) {
    if (piece.mark) excerpt.appendChild(document.createElement('mark')).textContent = piece.text;
    else excerpt.append(piece.text);
  }
  return item;
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
    let note = '';
    let results: PagefindResult[] = [];
    // The query as the index holds text: simplified, when it has traditional characters.
    let indexed = parts;
    if (cjkCharacters(state.q).some(isTraditional)) {
      const simplified = toSimplified(state.q, await loadTable());
      indexed = parseQuery(simplified);
      results = await findAll(engine, indexed, state);
      if (results.length > 0) {
        parts = indexed;
        note = strings.traditional(simplified);
      }
    }
    if (results.length === 0) results = await findAll(engine, parts, state);
    // Nothing holds the whole run: the closest articles, said to be such.
    const closest = results.length === 0 && wantsClosest(indexed);
    if (closest) ({ results, parts } = await findClosest(engine, indexed[0]!, state));
    if (current !== generation) return;
    let shown = 0;
    const showMore = async () => {
      const batch = await Promise.all(results.slice(shown, shown + pageSize).map((result) => result.data()));
      if (current !== generation) return;
      list.append(...batch.map((data) => renderResult(data, parts)));
      shown += batch.length;
      more.hidden = shown >= results.length;
    };
    more.onclick = () => void showMore();
    await showMore();
    // Announced once the first results are on the page, so a screen reader can go on to them.
    const found = closest ? strings.closest(results.length) : `${strings.found(results.length)}${note}`;
    if (current === generation) status.textContent = results.length ? found : strings.none(state.q);
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
