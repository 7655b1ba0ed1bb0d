import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  chromium,
  installCommand,
  java,
  missingNeeds,
  missingPackages,
  needsReport,
  nginx,
  type Surroundings,
} from '../preflight/needs.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** npm's own script, to run with this Node whatever PATH says. */
function npmCli(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  return process.env['npm_execpath'] ?? realpathSync(onPath);
}

/** A made-up machine: the programs that can be run, the fonts fc-list lists, and its environment. */
function machine(
  options: { programs?: string[]; fonts?: ReturnType<Surroundings['chineseFonts']>; env?: Record<string, string>; isRoot?: boolean } = {},
): Surroundings {
  const programs = new Set(options.programs ?? ['/usr/bin/chromium', '/usr/sbin/nginx', '/usr/bin/java']);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    isExecutable: (path) => programs.has(path),
    chineseFonts: () => options.fonts ?? ['Noto Sans CJK SC'],
    isRoot: options.isRoot ?? false,
  };
}

describe('what npm test checks before it starts', () => {
  test('a machine with Chromium, Chinese fonts, nginx and Java needs nothing', () => {
    expect(missingNeeds(machine())).toEqual([]);
  });

  test('a machine without Chromium is told to install it, or to point CHROMIUM_PATH at one', () => {
    const bare = machine({ programs: ['/usr/sbin/nginx', '/usr/bin/java'] });
    const needs = missingNeeds(bare);
    expect(missingPackages(needs)).toEqual(['chromium']);
    expect(installCommand(needs, bare)).toBe('sudo apt-get install -y chromium');
    const report = needsReport(needs, bare);
    expect(report).toContain('Chromium（浏览器测试和 bench 测试用）：/usr/bin/chromium 不存在，PATH 里也没有 chromium');
    expect(report).toContain('  sudo apt-get install -y chromium\n');
    expect(report).toContain('CHROMIUM_PATH=/path/to/chromium npm test');
    expect(report).not.toContain('NGINX_PATH');
  });

  test('a machine without Chinese fonts is told to install fonts-noto-cjk, and no variable', () => {
    const plain = machine({ fonts: [] });
    const needs = missingNeeds(plain);
    expect(installCommand(needs, plain)).toBe('sudo apt-get install -y fonts-noto-cjk');
    expect(needsReport(needs, plain)).toContain('fc-list :lang=zh 没有列出任何字体');
    expect(needsReport(needs, plain)).not.toContain('环境变量');
  });

  test('without fc-list the fonts cannot be seen: fontconfig comes along, unless Chromium brings it', () => {
    expect(missingPackages(missingNeeds(machine({ fonts: 'no fc-list' })))).toEqual(['fontconfig', 'fonts-noto-cjk']);
    expect(missingPackages(missingNeeds(machine({ fonts: 'no fc-list', programs: ['/usr/sbin/nginx', '/usr/bin/java'] })))).toEqual([
      'chromium',
      'fonts-noto-cjk',
    ]);
  });

  test('fc-list failing for another reason stops nobody', () => {
    expect(missingNeeds(machine({ fonts: 'failed' }))).toEqual([]);
  });

  test('a machine with nothing gets one command for all four, without sudo for root', () => {
    const empty = machine({ programs: [], fonts: [], isRoot: true });
    const needs = missingNeeds(empty);
    expect(installCommand(needs, empty)).toBe('apt-get install -y chromium fonts-noto-cjk nginx default-jre-headless');
    expect(needsReport(needs, empty)).toContain(
      'CHROMIUM_PATH=/path/to/chromium NGINX_PATH=/path/to/nginx JAVA_PATH=/path/to/java npm test',
    );
  });

  test('CHROMIUM_PATH and NGINX_PATH are honoured, and a wrong one is not covered up by Debian’s copy', () => {
    expect(
      missingNeeds(
        machine({
          programs: ['/opt/chromium/chrome', '/opt/nginx/sbin/nginx', '/usr/bin/java'],
          env: { CHROMIUM_PATH: '/opt/chromium/chrome', NGINX_PATH: '/opt/nginx/sbin/nginx' },
        }),
      ),
    ).toEqual([]);
    const wrong = missingNeeds(machine({ programs: ['/usr/sbin/nginx', '/usr/bin/java'], env: { CHROMIUM_PATH: '/opt/chromium/chrome' } }));
    expect(wrong).toMatchObject([
      { why: 'CHROMIUM_PATH 写的 /opt/chromium/chrome 不存在或不能运行', variable: 'CHROMIUM_PATH', packages: ['chromium'] },
    ]);
  });

  test('a wrong CHROMIUM_PATH on a machine that has Chromium is told where Chromium is, with nothing to install', () => {
    const needs = missingNeeds(machine({ env: { CHROMIUM_PATH: '/opt/chromium/chrome' } }));
    expect(needs).toMatchObject([{ why: expect.stringContaining('本机 /usr/bin/chromium 就有，去掉 CHROMIUM_PATH'), packages: [] }]);
    const report = needsReport(needs, machine());
    expect(report).not.toContain('apt-get');
    expect(report).toContain('测试没有开始。');
  });

  test('a machine without Java is told to install the headless runtime the Nu HTML Checker runs on', () => {
    const plain = machine({ programs: ['/usr/bin/chromium', '/usr/sbin/nginx'] });
    const needs = missingNeeds(plain);
    expect(installCommand(needs, plain)).toBe('sudo apt-get install -y default-jre-headless');
    expect(needsReport(needs, plain)).toContain(
      'Java（Nu HTML 检查器检查每种页面是不是有效的 HTML）：/usr/bin/java 不存在，PATH 里也没有 java',
    );
  });

  test('a program elsewhere on PATH is found', () => {
    expect(missingNeeds(machine({ programs: ['/usr/local/bin/chromium', '/usr/sbin/nginx', '/usr/bin/java'] }))).toEqual([]);
  });
});

describe('the preflight itself', () => {
  test('stops within seconds with the install command when nothing can be found', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['test/preflight/main.ts'], {
      cwd: projectRoot,
      env: { PATH: '/nowhere', CHROMIUM_PATH: '/nowhere/chromium', NGINX_PATH: '/nowhere/nginx', JAVA_PATH: '/nowhere/java' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.status).not.toBe(0);
    // A Debian copy the variables do not name is pointed at, not installed again.
    const packages = [
      ...(existsSync(chromium.defaultPath) ? [] : ['chromium']),
      'fonts-noto-cjk',
      ...(existsSync(nginx.defaultPath) ? [] : ['nginx']),
      ...(existsSync(java.defaultPath) ? [] : ['default-jre-headless']),
    ];
    expect(result.stderr).toContain(`apt-get install -y ${packages.join(' ')}`);
    expect(result.stderr).toContain('CHROMIUM_PATH 写的 /nowhere/chromium 不存在');
  });

  test('npm test runs it first, before the type check', () => {
    // PATH holds only this Node (the shell is named by its path): no fc-list, so the preflight must
    // stop; and were it not run, no npm either, so `npm run typecheck` could not start the whole
    // suite from inside a unit test.
    const started = Date.now();
    const result = spawnSync(process.execPath, [npmCli(), 'test'], {
      cwd: projectRoot,
      env: {
        PATH: `${dirname(process.execPath)}:/nowhere`,
        npm_config_script_shell: '/bin/sh',
        HOME: process.env['HOME'] ?? '/tmp',
        CHROMIUM_PATH: '/nowhere/chromium',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/apt-get install -y (?:chromium )?fonts-noto-cjk/);
    expect(result.stdout).not.toContain('> bulletin@0.1.0 typecheck');
  });
});
