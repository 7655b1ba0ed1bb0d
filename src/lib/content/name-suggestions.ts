import { pinyin } from 'pinyin-pro';
import type { Registry, Unit } from './registries.ts';
import { editDistance } from '../text/suggest.ts';
import { normaliseName } from '../text/characters.ts';

/** How a name reads: toneless pinyin syllables (市审计局 → shi shen ji ju); letters stay letters. */
interface Reading {
  syllables: string[];
  joined: string;
  initials: string;
}

const readings = new Map<string, Reading>();

function readingOf(text: string): Reading {
  let reading = readings.get(text);
  if (!reading) {
    const syllables = pinyin(text.normalize('NFKC').toLowerCase(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
      .map((syllable) => syllable.replace(/[^a-z0-9]/g, ''))
      .filter(Boolean);
    reading = { syllables, joined: syllables.join(''), initials: syllables.map((syllable) => syllable[0]).join('') };
    readings.set(text, reading);
  }
  return reading;
}

/**
 * How far a candidate is from what was written, or undefined when it is not worth offering.
 * Lower is closer: the same characters inside a name, then the same sound (审记局 for 审计局, a
 * slip of the input method), then romanised input (shenjiju, sjj), then a character or two off.
 */
function distance(written: string, candidate: string): number | undefined {
  const length = [...written].length;
  const lengthGap = Math.abs([...candidate].length - length) / 100;
  if (candidate.includes(written) || written.includes(candidate)) return lengthGap;
  const sound = readingOf(written);
  const heard = readingOf(candidate);
  if (sound.joined && sound.joined === heard.joined) return 1;
  const romanised = /^[a-z\s'-]+$/i.test(written);
  if (romanised && sound.joined.length >= 2 && (heard.initials === sound.joined || heard.initials.includes(sound.joined) && sound.joined.length >= 3)) return 2 + lengthGap;
  if (sound.joined.length >= 4 && heard.joined.includes(sound.joined)) return 2 + lengthGap;
  const edits = romanised ? editDistance(sound.joined, heard.joined) : editDistance(written, candidate);
  const budget = romanised ? Math.max(1, Math.floor(sound.joined.length / 4)) : Math.max(1, Math.floor(length / 3));
  return edits <= budget ? 3 + edits + lengthGap : undefined;
}

/** Up to `limit` names a writer may have meant, closest first. */
export function suggestNames(written: string, names: Iterable<string>, limit = 3): string[] {
  const ref = written.trim();
  if (!ref) return [];
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const score = distance(ref, name);
    if (score !== undefined) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/**
 * Units a writer may have meant by an unknown name, alias or romanisation, each by its full
 * name once (an alias found 审计局 offers 市审计局).
 */
export function suggestUnits(ref: string, registry: Registry, limit = 3): string[] {
  const unitOf = new Map<string, string>();
  for (const unit of registry.units) for (const name of [unit.name, ...unit.aliases]) if (!unitOf.has(name)) unitOf.set(name, unit.name);
  const found = suggestNames(ref, unitOf.keys(), Number.POSITIVE_INFINITY).map((name) => unitOf.get(name)!);
  return [...new Set(found)].slice(0, limit);
}

/** Columns a writer may have meant by an unknown name. */
export function suggestColumns(ref: string, registry: Registry, limit = 3): string[] {
  return suggestNames(ref, registry.columns.map((column) => column.name), limit);
}

/** The unit that used to be called `ref`, when units.yaml records the old name. */
export function renamedUnit(ref: string, registry: Registry): Unit | undefined {
  const wanted = normaliseName(ref);
  return registry.units.find((unit) => unit.formerNames.some((name) => normaliseName(name) === wanted));
}
