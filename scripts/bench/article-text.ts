/**
 * Article bodies made of the sample page's sentences: briefs (本报讯 lead-in, 150–600
 * characters) and features (2,000–6,000 characters in `##` sections). No paragraph of 30
 * characters or more appears twice in a corpus, since the checker rightly warns about a
 * paragraph printed twice, and a synthetic bulletin should be as clean as a real one.
 */
import type { Random } from './prng.ts';
import type { SampleText } from './sentences.ts';

// The sample's text is all in the Basic Multilingual Plane, so UTF-16 length is the character count.
const length = (text: string) => text.length;

export interface TextSource {
  random: Random;
  sample: SampleText;
  /** Phrases for titles and section headings, cut from the sample's headings. */
  phrases: string[];
  /** Every paragraph written so far in this corpus, spaces removed. */
  seen: Set<string>;
}

const connectives = [
  '同时，',
  '此外，',
  '据了解，',
  '会上，',
  '活动中，',
  '下一步，',
  '近年来，',
  '与此同时，',
  '今年以来，',
  '另外，',
  '为此，',
  '目前，',
];

/** Heading phrases: the sample's headings and their parts between punctuation or spaces. */
export function headingPhrases(sample: SampleText): string[] {
  const parts = sample.headings.flatMap((heading) => [heading, ...heading.split(/[\s，、]+/u)]);
  return [...new Set(parts.filter((part) => length(part) >= 4 && length(part) <= 16))];
}

/**
 * One paragraph: the lead (if any) then sentences until about `target` characters. A paragraph
 * that already stands elsewhere in the corpus is drawn again.
 */
function paragraph(source: TextSource, lead: string, target: number, max: number): string {
  let text = lead;
  for (let attempt = 0; attempt < 50; attempt++) {
    // A connective now and then, as reporters write them, also widens the space of paragraphs.
    text = lead || (source.random.next() < 0.5 ? source.random.pick(connectives) : '');
    while (length(text) < target) {
      const sentence = source.random.pick(source.sample.sentences);
      if (length(text) + length(sentence) > max && length(text) > 0) break;
      text += sentence;
    }
    const key = text.replace(/\s+/g, '');
    if (length(key) < 30 || !source.seen.has(key)) {
      source.seen.add(key);
      return text;
    }
  }
  return text;
}

/** Paragraphs of 1–3 sentences until the body has `target` characters. */
function paragraphsUntil(source: TextSource, body: string[], target: number, max: number): void {
  let used = body.reduce((sum, text) => sum + length(text), 0);
  while (used < target) {
    const room = max - used;
    if (room < 40) break;
    const text = paragraph(source, '', Math.min(room, source.random.int(100, 300)), room);
    body.push(text);
    used += length(text);
  }
}

/** A brief: 本报讯（通讯员 某某）M月D日，单位…, 150–600 characters. */
export function briefBody(source: TextSource, byline: string, date: string, unitName: string): string {
  const [, month, day] = date.split('-').map(Number);
  const target = source.random.int(150, 600);
  const lead = `本报讯（${byline}）${month}月${day}日，${unitName}组织开展${source.random.pick(source.phrases)}活动。`;
  const body = [paragraph(source, lead, Math.min(target, source.random.int(120, 260)), target)];
  paragraphsUntil(source, body, target, 600);
  return body.join('\n\n');
}

/** A feature: opening paragraphs, then several `##` sections, 2,000–6,000 characters. */
export function featureBody(source: TextSource): string {
  const target = source.random.int(2000, 6000);
  const sections = source.random.int(2, 5);
  const body: string[] = [];
  paragraphsUntil(source, body, target / (sections + 1), 6000);
  for (let section = 1; section <= sections; section++) {
    body.push(`## ${source.random.pick(source.phrases)}`);
    paragraphsUntil(source, body, (target * (section + 1)) / (sections + 1), 6000);
  }
  return body.join('\n\n');
}
