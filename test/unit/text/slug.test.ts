import { describe, expect, test } from 'vitest';
import { isSlug, slugFromFileName, slugify, uniqueSlugs } from '../../../src/lib/text/slug.ts';

describe('slugify', () => {
  test('turns Chinese into toneless pinyin syllables joined by hyphens', () => {
    expect(slugify('技能比武强本领')).toBe('ji-neng-bi-wu-qiang-ben-ling');
  });
  test('keeps ASCII words and digits, lowercased', () => {
    expect(slugify('2024年 Party 建设')).toBe('2024-nian-party-jian-she');
  });
  test('reads full-width letters and digits as ASCII', () => {
    expect(slugify('ＡＢＣ１２３')).toBe('abc123');
  });
  test('returns an empty string when nothing usable is left', () => {
    expect(slugify('🎉！')).toBe('');
  });
  test('writes ü as v so the slug stays ASCII', () => {
    expect(slugify('绿')).toBe('lv');
  });
});

describe('slugFromFileName', () => {
  test('uses an ASCII file name as it is, lowercased', () => {
    expect(slugFromFileName('Jineng-Biwu')).toBe('jineng-biwu');
  });
  test('uses pinyin for a Chinese file name', () => {
    expect(slugFromFileName('消防培训')).toBe('xiao-fang-pei-xun');
  });
  test('turns spaces and underscores into hyphens', () => {
    expect(slugFromFileName('my file_name')).toBe('my-file-name');
  });
  test('falls back to a stable hash when the name has no letters', () => {
    const slug = slugFromFileName('🎉');
    expect(slug).toMatch(/^article-[0-9a-f]{8}$/);
    expect(slugFromFileName('🎉')).toBe(slug);
    expect(isSlug(slug)).toBe(true);
  });
});

describe('uniqueSlugs', () => {
  test('gives names with the same pinyin different slugs, the first keeping the plain one', () => {
    const slugs = uniqueSlugs(['实施', '事实', '安全', '实施'], 'tag');
    expect(slugs.get('安全')).toBe('an-quan');
    expect(slugs.get('实施')).toBe('shi-shi');
    expect(slugs.get('事实')).toMatch(/^shi-shi-[0-9a-f]{8}$/);
  });
});
