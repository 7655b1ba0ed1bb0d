import { decodeFile } from '../files/encoding.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { parseYamlSource } from '../files/yaml-source.ts';
import { withoutInvisible } from '../text/invisible.ts';
import { slugFromFileName, slugPattern } from '../text/slug.ts';
import { articleFileStem } from './article-files.ts';

/**
 * The slug an article file asks for, even when it has errors and so has no page: the one its
 * frontmatter writes when that can be read, else its file name's. The preview shows an
 * article's errors at this address, where its writer looks for it. (A valid article may still
 * get another slug when this one is taken: settleArticleSlugs.)
 */
export function intendedSlug(sourcePath: string, bytes: Uint8Array): string {
  const fromName = slugFromFileName(articleFileStem(sourcePath));
  const { text } = decodeFile(bytes);
  if (text === undefined) return fromName;
  const { yaml } = splitFrontmatter(withoutInvisible(text));
  if (yaml === undefined) return fromName;
  const written = writtenSlug(yaml) ?? writtenSlug(slugLine(yaml));
  return written ?? fromName;
}

/** The slug a YAML text writes, lower-cased as the schema reads it, when it is one. */
function writtenSlug(yaml: string | undefined): string | undefined {
  if (yaml === undefined) return undefined;
  const { data, errors } = parseYamlSource(yaml);
  if (errors.length > 0 || typeof data !== 'object' || data === null || !('slug' in data)) return undefined;
  const slug = typeof data.slug === 'string' || typeof data.slug === 'number' ? String(data.slug).trim().toLowerCase() : '';
  return slugPattern.test(slug) ? slug : undefined;
}

/** The line that writes the slug, read on its own when a mistake elsewhere keeps the whole from being read. */
function slugLine(yaml: string): string | undefined {
  return yaml.split('\n').find((line) => /^slug\s*:/.test(line));
}
