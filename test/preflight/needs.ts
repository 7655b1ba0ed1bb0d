/**
 * What `npm test` needs that npm cannot install, and what to tell someone whose machine lacks it:
 * the decisions only, from a description of the machine (machine.ts reads the real one), so that
 * a test can hand it a machine without Chromium or without fonts.
 */

/** The machine as far as the tests care. */
export interface Surroundings {
  env: Readonly<Record<string, string | undefined>>;
  /** True when `path` is a file that can be run. */
  isExecutable(path: string): boolean;
  /** The font families fontconfig has for Chinese, or why it could not say. */
  chineseFonts(): readonly string[] | 'no fc-list' | 'failed';
  /** Root needs no sudo (and a container's root often has none). */
  isRoot: boolean;
}

/** A program the tests run, found the same way by the preflight and by the tests themselves. */
export interface Program {
  name: string;
  /** The environment variable that points at it; when set, nothing else is tried. */
  variable: string;
  /** Where Debian's package puts it. */
  defaultPath: string;
  /** Its name on PATH. */
  command: string;
  /** The Debian package that installs it. */
  debianPackage: string;
  /** What it is needed for. */
  usedBy: string;
}

export const chromium: Program = {
  name: 'Chromium',
  variable: 'CHROMIUM_PATH',
  defaultPath: '/usr/bin/chromium',
  command: 'chromium',
  debianPackage: 'chromium',
  usedBy: '浏览器测试和 bench 测试',
};

export const nginx: Program = {
  name: 'nginx',
  variable: 'NGINX_PATH',
  defaultPath: '/usr/sbin/nginx',
  command: 'nginx',
  debianPackage: 'nginx',
  usedBy: '按 docs/nginx.conf 发布网站的测试',
};

export const java: Program = {
  name: 'Java',
  variable: 'JAVA_PATH',
  defaultPath: '/usr/bin/java',
  command: 'java',
  debianPackage: 'default-jre-headless',
  usedBy: 'Nu HTML 检查器检查每种页面是不是有效的 HTML',
};

/**
 * Where a program is: the path its variable names (and only that: a wrong path must not be
 * papered over by another copy), else Debian's path, else the first on PATH; or why it is not.
 */
export function locate(program: Program, machine: Surroundings): { path: string } | { missing: string; elsewhere?: string } {
  const named = machine.env[program.variable];
  if (named && machine.isExecutable(named)) return { path: named };
  if (named) {
    // Not papered over, but told: the copy the variable does not name is there to use.
    const other = locate(program, { ...machine, env: { ...machine.env, [program.variable]: undefined } });
    return { missing: `${program.variable} 写的 ${named} 不存在或不能运行`, ...('path' in other ? { elsewhere: other.path } : {}) };
  }
  if (machine.isExecutable(program.defaultPath)) return { path: program.defaultPath };
  const onPath = (machine.env['PATH'] ?? '')
    .split(':')
    .filter(Boolean)
    .map((folder) => `${folder.replace(/\/$/, '')}/${program.command}`);
  const found = onPath.find((path) => machine.isExecutable(path));
  return found ? { path: found } : { missing: `${program.defaultPath} 不存在，PATH 里也没有 ${program.command}` };
}

/** One thing the machine lacks. */
export interface Need {
  /** What is missing and what for. */
  what: string;
  /** Why the preflight thinks so. */
  why: string;
  /** The Debian packages that bring it. */
  packages: string[];
  /** The variable that can point at a copy installed elsewhere, and the program it names. */
  variable?: string;
  command?: string;
}

/** A program that is not where it is looked for: installed, or, when a copy is there, pointed at. */
function need(what: string, program: Program, found: { missing: string; elsewhere?: string }): Need {
  if (found.elsewhere) {
    return {
      what,
      why: `${found.missing}；本机 ${found.elsewhere} 就有，去掉 ${program.variable}（或改成 ${program.variable}=${found.elsewhere}）再运行`,
      packages: [],
    };
  }
  return { what, why: found.missing, packages: [program.debianPackage], variable: program.variable, command: program.command };
}

/** Everything the tests need that the machine lacks; empty when all is there. */
export function missingNeeds(machine: Surroundings): Need[] {
  const needs: Need[] = [];
  const browser = locate(chromium, machine);
  if ('missing' in browser) needs.push(need(`Chromium（${chromium.usedBy}用）`, chromium, browser));
  const fonts = machine.chineseFonts();
  if (fonts === 'no fc-list') {
    // Debian's Chromium brings fontconfig (through Pango); without it, fontconfig is a package of its own.
    const packages = 'missing' in browser ? ['fonts-noto-cjk'] : ['fontconfig', 'fonts-noto-cjk'];
    needs.push({ what: '中文字体（浏览器里显示和截图中文用）', why: '没有 fc-list，查不了装了哪些字体', packages });
  } else if (fonts !== 'failed' && fonts.length === 0) {
    needs.push({ what: '中文字体（浏览器里显示和截图中文用）', why: 'fc-list :lang=zh 没有列出任何字体', packages: ['fonts-noto-cjk'] });
  }
  const server = locate(nginx, machine);
  if ('missing' in server) needs.push(need(`nginx（${nginx.usedBy}用）`, nginx, server));
  const runtime = locate(java, machine);
  if ('missing' in runtime) needs.push(need(`Java（${java.usedBy}）`, java, runtime));
  return needs;
}

/** The Debian packages that bring what is missing, each once, in the order of the needs. */
export function missingPackages(needs: readonly Need[]): string[] {
  return [...new Set(needs.flatMap((need) => need.packages))];
}

/** The one command that installs what is missing (no sudo for root). */
export function installCommand(needs: readonly Need[], machine: Pick<Surroundings, 'isRoot'>): string {
  return `${machine.isRoot ? '' : 'sudo '}apt-get install -y ${missingPackages(needs).join(' ')}`;
}

/** What `npm test` says before it stops: what is missing and why, the install command, and the variables. */
export function needsReport(needs: readonly Need[], machine: Pick<Surroundings, 'isRoot'>): string {
  const variables = needs.flatMap((need) => (need.variable ? [`${need.variable}=/path/to/${need.command}`] : []));
  return [
    'npm test 要用到几样 npm 装不了的东西，这台机器上缺少：',
    ...needs.map((need) => `  - ${need.what}：${need.why}`),
    ...(missingPackages(needs).length ? ['', '在 Debian 上用这一条命令安装：', `  ${installCommand(needs, machine)}`] : []),
    ...(variables.length ? ['', '已经装在别处的，用环境变量指明位置：', `  ${variables.join(' ')} npm test`] : []),
    '',
    '测试没有开始。',
  ].join('\n');
}
