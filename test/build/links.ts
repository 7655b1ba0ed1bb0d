import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './build-site.ts';

/** A link in a built page that leads nowhere. */
export interface BrokenLink {
  page: string;
  target: string;
}

/** True when a URL path of the site is a file (or a folder with index.html) in `outDir`. */
function resolves(outDir: string, path: string): boolean {
  const file = join(outDir, decodeURIComponent(path));
  if (path.endsWith('/')) return existsSync(join(file, 'index.html'));
  return (existsSync(file) && statSync(file).isFile()) || existsSync(join(file, 'index.html'));
}

/** Every internal link and asset reference of every HTML page under `outDir` that does not resolve. */
export function brokenInternalLinks(outDir: string, base = '/'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of listFiles(outDir).filter((file) => file.endsWith('.html'))) {
    const pageUrl = new URL(`https://site.invalid${base}${page.replace(/(^|\/)index\.html$/, '$1')}`);
    const root = parse(readFileSync(join(outDir, page), 'utf8'));
    const targets = [
      ...root.querySelectorAll('a[href], link[href]').map((element) => element.getAttribute('href')!),
      ...root.querySelectorAll('img[src], script[src], source[src]').map((element) => element.getAttribute('src')!),
      ...root.querySelectorAll('img[srcset], source[srcset]').flatMap((element) =>
        element
          .getAttribute('srcset')!
          .split(',')
          .map((entry) => entry.trim().split(/\s+/)[0]!),
      ),
      ...root.querySelectorAll('form[action]').map((element) => element.getAttribute('action')!),
    ];
    for (const target of targets) {
      if (!target || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target)) continue;
      const url = new URL(target, pageUrl);
      if (url.origin !== pageUrl.origin || !url.pathname.startsWith(base)) {
        broken.push({ page, target });
        continue;
      }
      if (!resolves(outDir, url.pathname.slice(base.length))) broken.push({ page, target });
    }
  }
  return broken;
}
