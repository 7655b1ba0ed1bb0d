/**
 * Run the Astro CLI with the environment the project needs, the same on Windows as elsewhere:
 * `astro dev` stays in the foreground (it may otherwise detach when it guesses it is run by a
 * tool), no usage data is sent from editors' machines, and Node may use most of the memory: a
 * bulletin that outgrows Node's default heap limit of about 4 GiB must not stop the build for
 * want of heap (a 50,000-article build once held 6.7 GiB; it now peaks at about 1.5 GiB, with the
 * settings of build-memory.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';

import { buildEnvironment, buildNodeOptions } from './build-memory.ts';
import { helpText, type CommandHelp } from './cli.ts';

// Astro answers --help in English and lists options an editor has no use for: the commands the
// guide names answer in Chinese, with the options that matter here.
const contentFolder = '内容文件夹是 content，或环境变量 BULLETIN_CONTENT_DIR 写的文件夹（内容仓库里就是仓库本身）。';
const helps: Record<string, CommandHelp> = {
  dev: {
    summary: `npm run dev：在本机预览网站：修改稿件、保存后页面自动更新；稿件有错误时，页面上方用红框列出错在哪里、怎么改。${contentFolder}按 Ctrl+C 停止。`,
    usage: 'npm run dev [-- --port 端口] [--host 地址]',
    options: {
      port: { value: '端口', says: '预览用的端口（默认 4321），打开 http://localhost:端口/' },
      host: { value: '地址', says: '让局域网里的其他电脑也能打开预览（默认只有本机能打开）' },
    },
    examples: ['npm run dev', 'npm run dev -- --port 5000'],
  },
  build: {
    summary: `npm run build：生成整个网站和它的搜索索引，写到 dist/ 文件夹；稿件有错误时不生成，并逐条列出错误。${contentFolder}`,
    usage: 'npm run build',
    options: {},
    examples: ['npm run build', 'BULLETIN_CONTENT_DIR=../dangjian-content npm run build'],
  },
  preview: {
    summary: 'npm run preview：在本机浏览已经生成的 dist/ 文件夹，和网站上线后看到的一样（先运行 npm run build）。按 Ctrl+C 停止。',
    usage: 'npm run preview [-- --port 端口] [--host 地址]',
    options: {
      port: { value: '端口', says: '浏览用的端口（默认 4321）' },
      host: { value: '地址', says: '让局域网里的其他电脑也能打开（默认只有本机能打开）' },
    },
  },
  sync: {
    summary: `npm run sync：读一遍内容文件夹，更新程序用的类型信息（开发网站程序时用）。${contentFolder}`,
    usage: 'npm run sync',
    options: {},
  },
};
const [command, ...rest] = process.argv.slice(2);
const beforeDoubleDash = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
if (command && helps[command] && beforeDoubleDash.some((arg) => arg === '--help' || arg === '-h')) {
  console.log(helpText(helps[command]));
  process.exit(0);
}

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

const heapMiB = Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.75));
// Node's own options go on to Astro: in a content repository they load the hooks that run this
// package's TypeScript from node_modules (scripts/bulletin.mjs).
// A build is also told to give memory back as it goes (build-memory.ts); the caller's own options come after, and win.
const building = command === 'build';
const args = [`--max-old-space-size=${heapMiB}`, ...(building ? buildNodeOptions : []), ...process.execArgv, cli, ...process.argv.slice(2)];
const env = {
  ...process.env,
  ASTRO_DEV_BACKGROUND: '0',
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(building ? buildEnvironment(process.env) : {}),
};

// Where the system allows, Astro takes this process's place, so no idle parent holds memory
// (and signals and the exit code need no passing on); elsewhere (Windows) it runs as a child.
if (typeof process.execve === 'function' && process.platform !== 'win32') {
  process.execve(process.execPath, [process.execPath, ...args], env);
} else {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
