import type { Registry, Unit } from '../content/registries.ts';
import { normaliseName } from '../text/characters.ts';

/** The registry's units found in a text, by name or alias, in order of first mention; longer names win. */
export function findUnits(text: string, registry: Registry): Unit[] {
  const names = registry.units
    .flatMap((unit) => [unit.name, ...unit.aliases].map((name) => ({ name, unit })))
    .filter(({ name }) => /\p{Script=Han}/u.test(name))
    .sort((a, b) => b.name.length - a.name.length);
  const taken: boolean[] = [];
  const found: { at: number; unit: Unit }[] = [];
  for (const { name, unit } of names) {
    let at = text.indexOf(name);
    while (at !== -1) {
      const span = Array.from({ length: name.length }, (_, offset) => at + offset);
      if (!span.some((position) => taken[position])) {
        for (const position of span) taken[position] = true;
        found.push({ at, unit });
      }
      at = text.indexOf(name, at + 1);
    }
  }
  const ordered = found.sort((a, b) => a.at - b.at).map((entry) => entry.unit);
  return [...new Set(ordered)];
}

// Endings of organisation names; not 部, 队 or 所 alone, which end 干部, 代表队 and 场所 as often.
const suffixes =
  '局|委员会|办公室|法院|检察院|医院|学院|研究院|公司|集团|中心|厂|煤矿|[一二三四五六七八九十\\d]号井|工作站|服务站|派出所|研究所|大队|支队|社区|街道|党总支|党支部|党委|联合会|协会|学校|门诊';
const organisation = new RegExp(`[\\p{Script=Han}]{2,16}?(?:${suffixes})(?![\\p{Script=Han}]*(?:${suffixes}))`, 'gu');
// Words that come before a name in a sentence (特别是对……, 感谢……) and are no part of it.
const leadingWords = /^(?:.*?(?:由|在|与|和|及|联合|组织|该|为|对|向|将|是|的|感谢|开展|召开|参加|举办))+/u;

/**
 * Organisation names in a text that the registry does not know (市交通局, 某某公司): a run of
 * Chinese characters ending in 局, 公司, 中心… with the words before the name trimmed, that starts
 * with a place or as the registry's names do. These are only proposals for the editor; nothing is
 * added to the registry.
 */
export function unknownOrganisations(text: string, registry: Registry): string[] {
  const known = new Set(registry.units.flatMap((unit) => [unit.name, ...unit.aliases]).map(normaliseName));
  // A unit's name starts with where it is (市…, 宝塔区…, 广东珠海市…) or as the registry's names do
  // (延安…): without that, 党建引领公立医院 or 各执法大队 are words of a sentence, not a unit.
  const starts = new Set(registry.units.map((unit) => [...normaliseName(unit.name)].slice(0, 2).join('')));
  const placed = (name: string) =>
    /^\p{Script=Han}{0,6}?(?<![社小园景城辖街片山林矿库营全本我该各])[省市区县州旗镇乡](?=\p{Script=Han})/u.test(name) ||
    /^中共/u.test(name) ||
    starts.has([...name].slice(0, 2).join(''));
  const found = new Set<string>();
  // A verb or 在 parts two names (市交通运输局在市汽车客运中心设立党员志愿服务站): each is looked at alone.
  for (const run of text.split(/[^\p{Script=Han}]+|设立|成立|建立|建成|开展|组织|召开|举办|联合|携手|推动|走进|深入|进驻|前往|在/u)) {
    for (const match of run.matchAll(organisation)) {
      const name = match[0].replace(leadingWords, '');
      if ([...name].length < 3 || known.has(normaliseName(name)) || !placed(name) || /^[省市区县]级/u.test(name)) continue;
      if ([...known].some((other) => other.includes(normaliseName(name)) || normaliseName(name).includes(other))) continue;
      found.add(name);
    }
  }
  return [...found];
}
