/**
 * What a build wrote: pages, bytes, the index's bytes, and the weight of an article page
 * (its HTML, and its HTML with the stylesheets and scripts it links), raw and gzipped.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.ts';

export interface OutputStats {
  pages: number;
  outputBytes: number;
  indexBytes: number;
  /** Medians over the sampled article pages. */
  articleHtmlBytes: number;
  articleHtmlGzipBytes: number;
  /** HTML plus linked CSS and JS, each gzipped. */
  articleTotalGzipBytes: number;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes).length;

/** Same-site stylesheets and scripts a page links to, as paths under the site root. */
function linkedAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)) {
    const href = /\bhref="?([^"\s>]+)/.exec(match[0])?.[1];
    if (href?.startsWith('/')) found.add(href);
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)) if (match[1]?.startsWith('/')) found.add(match[1]);
  return [...found];
}

/** `count` elements spread evenly over a list, so the sample covers old and new articles alike. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** Measure a built site; article pages are the index.html files under `articlesPath`. */
export function outputStats(dist: string, articlesPath: string, indexPath = 'pagefind', sample = 50): OutputStats {
  const all = files(dist);
  const size = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
  const indexDir = join(dist, indexPath) + sep;
  const articleDir = join(dist, articlesPath) + sep;
  const articles = all
    .filter((path) => path.startsWith(articleDir) && path.endsWith(`${sep}index.html`))
    .sort((a, b) => relative(dist, a).localeCompare(relative(dist, b)));
  const weights = spread(articles, sample).map((path) => {
    const html = readFileSync(path);
    const assets = linkedAssets(html.toString('utf8')).map((href) => readFileSync(join(dist, decodeURIComponent(href.split('?')[0]!))));
    return {
      raw: html.length,
      gzip: gzipSize(html),
      total: gzipSize(html) + assets.reduce((sum, asset) => sum + gzipSize(asset), 0),
    };
  });
  return {
    pages: all.filter((path) => path.endsWith('.html')).length,
    outputBytes: size(all),
    // No index folder (a peer whose Pagefind failed) is no figure, not an index of 0 bytes.
    indexBytes: all.some((path) => path.startsWith(indexDir)) ? size(all.filter((path) => path.startsWith(indexDir))) : Number.NaN,
    articleHtmlBytes: median(weights.map((weight) => weight.raw)),
    articleHtmlGzipBytes: median(weights.map((weight) => weight.gzip)),
    articleTotalGzipBytes: median(weights.map((weight) => weight.total)),
  };
}
