import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildSite } from '../build/build-site.ts';
import { startPreview } from './browser.ts';

/** A small, seeded random number generator: the same articles on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const names = ['李明', '张华', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周强', '吴丹', '徐涛'];

/**
 * A copy of the sample bulletin plus `count` look-alike briefs: each mixes a few sentences of
 * the sample's articles under a title joined from halves of two real titles, so they repeat
 * the real articles' phrases, in titles and bodies, and compete with them for every query.
 */
export function makeLookalikeBulletin(sampleDir: string, count: number, seed = 20241126): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-lookalikes-'));
  cpSync(sampleDir, dir, { recursive: true });
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const articleDir = join(sampleDir, 'articles', '2024', '11');
  const bodies = readdirSync(articleDir).map((file) => readFileSync(join(articleDir, file), 'utf8').split(/^---$/m)[2] ?? '');
  const titles = readdirSync(articleDir).map((file) => /^title: (.+)$/m.exec(readFileSync(join(articleDir, file), 'utf8'))![1]!);
  const sentences = bodies
    .flatMap((body) => body.replace(/^##.*$/gm, '').match(/[^。！？\n]+[。！？]+”?/g) ?? [])
    .map((sentence) => sentence.trim());
  // Halves of the real titles: 技能比武强本领 → 技能比, 武强本领; a look-alike joins two of them.
  const halves = titles
    .map((title) => [...title.replace(/\s/g, '')])
    .flatMap((characters) => {
      const middle = Math.ceil(characters.length / 2);
      return [characters.slice(0, middle).join(''), characters.slice(middle).join('')];
    });
  const heads = halves.filter((_, index) => index % 2 === 0);
  const tails = halves.filter((_, index) => index % 2 === 1);
  const units = (parse(readFileSync(join(sampleDir, 'units.yaml'), 'utf8')) as { name: string }[]).map((unit) => unit.name);
  const out = join(dir, 'articles', 'lookalikes');
  mkdirSync(out, { recursive: true });
  for (let index = 0; index < count; index++) {
    const body = Array.from({ length: 2 + Math.floor(next() * 6) }, () => pick(sentences));
    const month = 1 + Math.floor(next() * 11);
    const day = 1 + Math.floor(next() * 28);
    const front = [
      `title: ${pick(heads)}${pick(tails)}`,
      `date: 2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      'column: 党建动态',
      `units: [${pick(units)}]`,
      `byline: 通讯员 ${pick(names)}`,
    ];
    writeFileSync(join(out, `lookalike-${index}.md`), `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n`);
  }
  return dir;
}

/**
 * The sample plus `count` look-alikes, built in shards of about 50 articles (as a bulletin of
 * tens of thousands is indexed: the merged index must rank as one index would) and served.
 */
export async function serveLookalikes(
  sampleDir: string,
  count: number,
  seed?: number,
): Promise<{ url: string; stop: () => void; output: string }> {
  const contentDir = makeLookalikeBulletin(sampleDir, count, seed);
  const outDir = mkdtempSync(join(tmpdir(), 'bulletin-lookalikes-site-'));
  const build = buildSite(contentDir, outDir, { BULLETIN_SEARCH_SHARD_SIZE: '50' });
  if (build.status !== 0) throw new Error(`the look-alike bulletin did not build:\n${build.output}`);
  return { ...(await startPreview(outDir, contentDir)), output: build.output };
}
