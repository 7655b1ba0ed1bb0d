import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { installCommand, locate, type Program, type Surroundings } from './needs.ts';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Ask fontconfig for the families that cover Chinese; it can take a few seconds the first time, while it builds its cache. */
function chineseFonts(env: NodeJS.ProcessEnv): readonly string[] | 'no fc-list' | 'failed' {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { env, encoding: 'utf8', timeout: 30_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return 'no fc-list';
  if (result.error || result.status !== 0) return 'failed';
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** This machine, as the preflight and the tests see it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): Surroundings {
  return { env, isExecutable, chineseFonts: () => chineseFonts(env), isRoot: process.getuid?.() === 0 };
}

/**
 * The program the tests run (Chromium, nginx), found as the preflight finds it; when it is
 * missing, an error that says how to install it or point at it.
 */
export function programPath(program: Program): string {
  const machine = thisMachine();
  const found = locate(program, machine);
  if ('path' in found) return found.path;
  const command = installCommand([{ what: program.name, why: found.missing, packages: [program.debianPackage] }], machine);
  throw new Error(
    `找不到 ${program.name}：${found.missing}。请安装（Debian：${command}），或用环境变量 ${program.variable} 指明它的位置。`,
  );
}
