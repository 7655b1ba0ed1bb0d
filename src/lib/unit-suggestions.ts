import { pinyin } from 'pinyin-pro';
import type { Registry, Unit } from './registries.ts';
import { suggest } from './suggest.ts';
import { normaliseName } from './text.ts';

const toneless = (text: string) => pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('');

const pinyinCache = new WeakMap<Registry, Map<string, string>>();

/** Each name and alias of the registry, by its toneless pinyin (市审计局 → shishenjiju). */
function namesByPinyin(registry: Registry): Map<string, string> {
  let cached = pinyinCache.get(registry);
  if (!cached) {
    cached = new Map();
    for (const unit of registry.units) for (const name of [unit.name, ...unit.aliases]) if (!cached.has(toneless(name))) cached.set(toneless(name), name);
    pinyinCache.set(registry, cached);
  }
  return cached;
}

/**
 * Names a writer may have meant by an unknown unit: spellings that sound the same (审记局 for
 * 审计局, a typo of the input method), then names that contain it or differ by a character or two.
 */
export function suggestUnits(ref: string, registry: Registry, limit = 3): string[] {
  const sound = toneless(ref);
  const sameSound = sound ? [...namesByPinyin(registry)].filter(([reading]) => reading === sound || (sound.length >= 6 && reading.includes(sound))).map(([, name]) => name) : [];
  const close = suggest(ref, registry.units.flatMap((unit) => [unit.name, ...unit.aliases]), limit);
  return [...new Set([...sameSound, ...close])].slice(0, limit);
}

/** The unit that used to be called `ref`, when units.yaml records the old name. */
export function renamedUnit(ref: string, registry: Registry): Unit | undefined {
  const wanted = normaliseName(ref);
  return registry.units.find((unit) => unit.formerNames.some((name) => normaliseName(name) === wanted));
}
