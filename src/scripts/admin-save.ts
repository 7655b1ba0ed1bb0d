/*
 * What the correspondents' form (/admin/) does to an article just before Decap writes it, so that
 * the file is the one `npm run new` would write and `check` accepts: no line for a field left
 * empty, pictures referred to where their files go, and a new article named by its title.
 */
import { shortenSlug, slugify } from '../lib/text/pinyin-slug.ts';

/** The part of an Immutable.js map Decap hands its hooks and previews. */
export interface EntryData {
  get(key: string): unknown;
  set(key: string, value: unknown): EntryData;
  filter(keep: (value: unknown) => boolean): EntryData;
  map(change: (value: unknown) => unknown): EntryData;
}

/** A picture uploaded in this editing, not yet written: `path` is its file in the content folder (images/2024/11/a.jpg). */
interface Upload {
  path: string;
  draft: boolean;
}

export interface Entry {
  get(key: 'data'): EntryData;
  get(key: 'newRecord'): boolean;
  get(key: 'mediaFiles'): { toJS(): Upload[] } | undefined;
  getIn(path: readonly string[]): unknown;
}

/** Eight hex digits of the title's SHA-256, as src/lib/text/slug.ts's shortHash gives them. */
async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .slice(0, 4)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/** A new article's file name: the title's pinyin cut at a word, as `new` makes it (content/new-article.ts). */
async function titleSlug(title: string): Promise<string> {
  return shortenSlug(slugify(title) || `article-${await shortHash(title)}`);
}

/**
 * What the form keeps of an optional field a correspondent typed in and then cleared: an empty
 * text or list. `check` refuses `kicker: ""` and `issue: ""`, and `npm run new` writes no such line.
 */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  const { size } = value as { size?: unknown };
  return size === 0;
}

/**
 * A new article's uploaded pictures, pointed at where their files go. When the article is first
 * saved Decap writes each into images/<year>/<month>/ of the date it has then, but leaves the
 * references as they were made when the picture was chosen: with the date of that moment, or with
 * none (images/invalid-date/…) when the picture came before the date. `check` would not find them.
 * The references are the files' paths seen from articles/<year>/<month>/ (decap-config.ts's
 * public_folder).
 */
function followUploads(entry: Entry, data: EntryData): EntryData {
  const [year, month] = String(data.get('date') ?? '').split('-');
  if (!year || !month) return data;
  const moves = (entry.get('mediaFiles')?.toJS() ?? [])
    .filter((upload) => upload.draft)
    .map(({ path }) => [`../../../${path}`, `../../../images/${year}/${month}/${path.split('/').pop() ?? ''}`] as const)
    .filter(([from, to]) => from !== to);
  if (!moves.length) return data;
  return data.map((value) => (typeof value === 'string' ? moves.reduce((text, [from, to]) => text.replaceAll(from, to), value) : value));
}

/** The article as it is to be written. An article already saved keeps its file, its address and its pictures' places. */
export async function beforeSave(entry: Entry): Promise<EntryData> {
  const data = entry.get('data').filter((value) => !isEmpty(value));
  if (!entry.get('newRecord')) return data;
  const placed = followUploads(entry, data);
  return placed.get('slug') ? placed : placed.set('slug', await titleSlug(String(placed.get('title') ?? '')));
}
