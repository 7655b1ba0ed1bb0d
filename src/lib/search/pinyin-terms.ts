import { pinyin } from 'pinyin-pro';

function syllables(text: string): string[] {
  return pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
}

/**
 * Pinyin words a reader may type for a name: the full pinyin and the initials of the name and
 * of each of its endings of two characters or more (市水务局 → shishuiwuju, sswj, shuiwuju,
 * swj, wuju, wj), since readers drop the 市/区 prefix and Pagefind matches word beginnings.
 */
export function namePinyinTerms(name: string): string[] {
  const all = syllables(name);
  const terms = new Set<string>();
  for (let start = 0; start + 2 <= all.length; start++) {
    const rest = all.slice(start);
    terms.add(rest.join(''));
    terms.add(rest.map((syllable) => syllable[0]).join(''));
  }
  if (all.length === 1) terms.add(all[0]!);
  return [...terms];
}

/**
 * Pinyin words for a title: the whole title's pinyin and initials, the pinyin of each word of
 * it and of each pair of characters (技能比武强本领 → jinengbiwuqiangbenling, jnbwqbl, jineng,
 * biwu, …), so a reader can start typing at any word, whatever the segmenter made of it.
 */
export function titlePinyinTerms(title: string, segment: (text: string) => string[]): string[] {
  const terms = new Set<string>();
  const all = syllables(title);
  if (all.length > 0) {
    terms.add(all.join(''));
    terms.add(all.map((syllable) => syllable[0]).join(''));
  }
  for (const word of segment(title)) {
    const wordSyllables = syllables(word);
    if (wordSyllables.length > 1) terms.add(wordSyllables.join(''));
  }
  for (const run of title.match(/\p{Script=Han}+/gu) ?? []) {
    const runSyllables = syllables(run);
    for (let start = 0; start + 2 <= runSyllables.length; start++) terms.add(runSyllables.slice(start, start + 2).join(''));
  }
  return [...terms];
}

/** Words of a Chinese text, by the runtime's word segmenter. */
export function segmentWords(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
}
