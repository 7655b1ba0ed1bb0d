import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isInside } from './paths.ts';

/**
 * Every file under `folder`, in name order, skipping hidden entries, node_modules and the paths
 * `skip` names. A symlink that leads out of `contentDir` is never followed (it could publish any
 * file of the machine): `onEscape` hears of it instead. Not Node's recursive `readdir` or `glob`:
 * neither tells a link that leaves the folder from one that stays in it.
 */
export function walkFiles(
  folder: string,
  contentDir: string,
  onEscape?: (path: string) => void,
  skip?: (path: string) => boolean,
): string[] {
  const files: string[] = [];
  let realDir: string;
  try {
    realDir = realpathSync(contentDir);
  } catch {
    return files;
  }
  const walk = (current: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (skip?.(path)) continue;
      // Only a symlink needs more than the directory listing says: where it leads, and what is there.
      let kind: { isDirectory(): boolean; isFile(): boolean } | undefined = entry;
      if (entry.isSymbolicLink()) {
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
        kind = statSync(path, { throwIfNoEntry: false });
      }
      if (kind?.isDirectory()) walk(path);
      else if (kind?.isFile()) files.push(path);
    }
  };
  walk(folder);
  return files;
}
