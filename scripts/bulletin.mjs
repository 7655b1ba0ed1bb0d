#!/usr/bin/env node
// @ts-check
/**
 * bulletin <命令> [选项]: the site program's commands for a content repository, which installs
 * this package as a dependency and runs them from its npm scripts (kit/package.json,
 * kit/README.md). The folder it is run in is the content folder, unless BULLETIN_CONTENT_DIR
 * names another; the site's own pages and code come from this package. Plain JavaScript, for
 * Node runs no TypeScript under node_modules: the commands themselves run with
 * scripts/type-stripping.mjs, which lets it.
 */
import { spawn } from 'node:child_process';
import module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));

/** Each command: the script it runs and what it does, for the help text. */
const commands = {
  check: { script: 'check.ts', about: '检查稿件（-- 文件… 只查这些；--fix 修复编码、换行、冒号、日期格式）' },
  new: { script: 'new.ts', about: '新建一篇稿件（按提示填写，或 -- --title … --unit … --column … --byline …）' },
  dev: { script: 'astro.ts', about: '在本机预览网站，修改稿件后页面自动更新' },
  build: { script: 'astro.ts', about: '生成网站到 dist/ 文件夹' },
  preview: { script: 'astro.ts', about: '在本机浏览已经生成的 dist/' },
  stats: { script: 'stats.ts', about: '各单位、各栏目的发稿统计（-- --year 2024、-- --csv）' },
  import: { script: 'import.ts', about: '把一版报纸的文字或 Word 稿拆成稿件（编辑用）' },
};

function help() {
  const lines = Object.entries(commands).map(([name, { about }]) => `  npm run ${name.padEnd(8)}${about}`);
  return ['用法：在内容文件夹里运行', ...lines, '每个命令加 -- --help 可看它的选项。'].join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  console.log(help());
  process.exit(name === undefined ? 2 : 0);
}
const command = Object.hasOwn(commands, name) ? commands[/** @type {keyof typeof commands} */ (name)] : undefined;
if (!command) {
  console.error(`没有“${name}”这个命令。\n${help()}`);
  process.exit(2);
}

// The program needs Node's module hooks and type stripping (Node 22.18 and later); the content
// repository installs Node 24 for its npm scripts (kit/package.json), so this is said only to
// whoever runs the command some other way.
if (typeof module.registerHooks !== 'function' || typeof module.stripTypeScriptTypes !== 'function') {
  console.error(
    `网站程序需要 Node.js 24，这里是 ${process.version}。请在内容文件夹里先运行 npm install，再用 npm run ${name} 运行（npm 会用 package.json 里的 Node 24）。`,
  );
  process.exit(1);
}

const content = resolve(process.env['BULLETIN_CONTENT_DIR']?.trim() || process.cwd());
// Astro takes the site's pages from this package, and writes the site into the content folder's
// dist/ (preview serves it from there), not into node_modules.
const astroArgs = ['--root', packageRoot, ...(name === 'dev' ? [] : ['--outDir', join(content, 'dist')])];
const nodeArgs = ['--import', new URL('type-stripping.mjs', import.meta.url).href, join(packageRoot, 'scripts', command.script)];
const argv = [...nodeArgs, ...(command.script === 'astro.ts' ? [name, ...astroArgs] : []), ...args];
const env = { ...process.env, BULLETIN_CONTENT_DIR: content };

// As scripts/astro.ts does: where the system allows, the command takes this process's place.
if (typeof process.execve === 'function' && process.platform !== 'win32') {
  process.execve(process.execPath, [process.execPath, ...argv], env);
} else {
  const child = spawn(process.execPath, argv, { stdio: 'inherit', env });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
