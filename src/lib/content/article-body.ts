import { htmlHandlerProblems } from './html-handlers.ts';
import { embeddedImageProblem, findImages, htmlImageProblem, imageProblem, isEmbedded, isWebAddress, remoteImageProblem } from './images.ts';
import { catalogued, placed, type Problem } from '../problems/problems.ts';
import { shortBodyLength } from '../text/body-length.ts';

/**
 * The fewest characters (汉字, letters, digits) a published body has beyond its 本报讯（……）
 * lead. A one-sentence brief has several times as many; fewer is the lead `npm run new` writes,
 * or a lead and a few words, an article not yet written.
 */
export const leastBodyLength = 10;

/** What the body checks need to know of an article, whether or not its frontmatter is valid. */
export interface BodyToCheck {
  sourcePath: string;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  cover?: string | undefined;
  coverLine?: number | undefined;
  /** The article's date when valid: where its pictures belong. */
  date?: string | undefined;
  draft: boolean;
  /** The content folder, to look for pictures on disk; without it only what the text shows is checked. */
  contentDir?: string | undefined;
  /** False when the frontmatter could not be found: the whole file is the body, and its length says nothing. */
  measure: boolean;
}

/**
 * Everything checked of an article's body and pictures. None of it depends on the frontmatter
 * being valid, so it runs whatever else is wrong: one run of `check` lists every problem.
 */
export function articleBodyProblems(article: BodyToCheck): Problem[] {
  return [...pictureProblems(article), ...htmlHandlerProblems(article.sourcePath, article.body, article.bodyLine), ...(article.measure ? lengthProblems(article) : [])];
}

/** The cover and every picture of the body: never on another web site, always a file inside the content folder. */
function pictureProblems({ sourcePath, body, bodyLine, cover, coverLine, date, contentDir }: BodyToCheck): Problem[] {
  const refs = [
    ...(cover ? [{ src: cover, line: coverLine, field: 'cover', html: false }] : []),
    ...findImages(body).map((ref) => ({ src: ref.src, line: bodyLine + ref.bodyLine, field: undefined, html: ref.html })),
  ];
  return refs.flatMap(({ src, line, field, html }) => {
    // The article publishes without it, its description in its place (rehype-current-html.ts): a warning.
    if (isEmbedded(src)) return [placed(sourcePath, { line, field }, embeddedImageProblem(sourcePath, date), 'warning')];
    const problem = isWebAddress(src)
      ? remoteImageProblem(src, sourcePath, { date, cover: field === 'cover' })
      : html
        ? htmlImageProblem(src)
        : contentDir
          ? imageProblem(contentDir, sourcePath, src)
          : undefined;
    return problem ? [placed(sourcePath, { line, field }, problem)] : [];
  });
}

/** A body that is empty, or no more than its lead: an error, or only a hint in a draft, which is never published. */
function lengthProblems({ sourcePath, body, bodyLine, draft }: BodyToCheck): Problem[] {
  const severity = draft ? 'warning' : 'error';
  if (body.trim() === '') return [catalogued(sourcePath, 'EmptyBody', { line: bodyLine }, [], [], severity)];
  const written = shortBodyLength(body, leastBodyLength);
  if (written === undefined) return [];
  const firstLine = body.split('\n').findIndex((line) => line.trim() !== '');
  return [catalogued(sourcePath, 'ShortBody', { line: bodyLine + firstLine }, [written, leastBodyLength], [draft], severity)];
}
