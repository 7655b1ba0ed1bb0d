import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isInside } from './paths.ts';

/**
 * Every file under `folder`, in name order, skipping hidden entries and node_modules. A symlink
 * that leads out of `contentDir` is never followed (it could publish any file of the machine):
 * `onEscape` hears of it instead.
 */
export function walkFiles(folder: string, contentDir: string, onEscape?: (path: string) => void): string[] {
  const files: string[] = [];
  let realDir: string;
  try {
    realDir = realpathSync(contentDir);
  } catch {
    return files;
  }
  const walk = (current: string) => {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(current, name);
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = realpathSync(path);
        } catch {
          target = undefined;
        }
        if (!target || !isInside(realDir, target)) {
          onEscape?.(path);
          continue;
        }
      }
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else if (stat?.isFile()) files.push(path);
    }
  };
  walk(folder);
  return files;
}
