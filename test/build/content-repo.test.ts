/**
 * The correspondents' guide (kit/投稿指南.md), followed as written where correspondents are: in a
 * content repository set up from kit/ as kit/README.md says, and in the site's own folder on its
 * content/. The site program is installed into the content repository for real, by npm, as a git
 * dependency pinned at a commit: a git repository made from this checkout stands in for the
 * site's remote, and the packages it needs come from the npm registry (or npm's cache).
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { codeQualityMistakes } from '../code-quality.ts';
import { freePort } from '../e2e/browser.ts';
import { userEnv } from './build-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A shell's environment as a correspondent has it: none of the npm_* variables of the `npm test`
 * this may run under (npm would read them as its own settings, and install into this checkout),
 * and not this checkout's node_modules/.bin on the PATH, so that the content repository's
 * commands run with the Node it installs itself.
 */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const ours = join(projectRoot, 'node_modules', '.bin');
  const env = Object.fromEntries(Object.entries(userEnv({})).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
  const path = (env['PATH'] ?? '').split(delimiter).filter((entry) => !entry.startsWith(ours));
  return { ...env, PATH: path.join(delimiter), NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A command typed into a terminal in `cwd`. */
function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = shellEnv(), timeout = 60_000): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const npm = (cwd: string, args: string[], env?: NodeJS.ProcessEnv) => sh('npm', args, cwd, env);

/** The path a line of `check` starts with (文件:行:列), as printed. */
const printedPath = (line: string) => line.split('  ')[0]!.replace(/(:\d+)+$/, '');

/** A problem line of `check` about `file`. */
const lineAbout = (output: string, file: string) => output.split('\n').find((line) => line.startsWith(`${file}:`));

/** An article in a correspondent's words; its unit is misspelt (市审记局) until it is mended. */
const misspeltUnit = `---
title: 审计局开展审计业务技能竞赛
date: 2024-12-03
column: 党建动态
units: [市审记局]
byline: 通讯员 孙悦
---

本报讯（通讯员 孙悦）12月3日，市审计局举办审计业务技能竞赛，来自各业务科室的二十四名审计人员参加比赛。

竞赛分为法规知识笔试和案例分析两个环节，案例取材于近年来的真实审计项目，重点考察发现问题、定性处理和提出建议的能力。
`;

/** An article typed with a Chinese input method: a Chinese colon and a Chinese date, which --fix mends. */
const typedInChinese = `---
title：财政局组织青年干部读书分享会
date: 2024年12月5日
column: 党建动态
units: [市财政局]
byline: 通讯员 高敏
---

本报讯（通讯员 高敏）12月5日，市财政局组织青年干部读书分享会，十二名青年干部结合工作实际交流读书体会。

大家表示，要把读书学习同岗位实践结合起来，在预算管理和财会监督工作中学以致用，不断提高业务本领。
`;

/** What a correspondent writes under the second --- of the file `npm run new` made. */
const bodyAfterNew = `
11月22日，市水务局组织开展技能大比武活动，来自各水厂、泵站的三十名职工参加了比赛。

比赛分为理论考试和技能实操两部分，实操设置了管道抢修、水质检测和应急处置三个项目，检验了职工在实际工作中的业务能力。
`;

const guideNew = [
  'run',
  'new',
  '--',
  '--title',
  '技能比武强本领',
  '--unit',
  '市水务局',
  '--column',
  '党建动态',
  '--byline',
  '通讯员 王笛',
  '--date',
  '2024-11-22',
];

/** A git repository with every file of this checkout that git would commit, standing in for the site's remote. */
function siteRemote(folder: string): { url: string; commit: string } {
  const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], projectRoot).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(projectRoot, file))) continue; // deleted in the work tree, not yet in git
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(folder, file));
  }
  git(folder, 'init', '-q');
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'site');
  return { url: `git+${pathToFileURL(folder).href}`, commit: git(folder, 'rev-parse', 'HEAD').stdout.trim() };
}

function git(cwd: string, ...args: string[]): Run {
  const result = sh('git', ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.cn', '-c', 'init.defaultBranch=main', ...args], cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result;
}

const root = mkdtempSync(join(tmpdir(), 'content-repo-'));
/** A correspondent's clone of the content repository, made from kit/ and the sample's registries and articles. */
const repo = join(root, 'clone');
let installSeconds = 0;
let remote: { url: string; commit: string };

beforeAll(() => {
  remote = siteRemote(join(root, 'site'));
  // The editor sets the repository up (kit/README.md): kit/, the registries and articles, and the
  // site program pinned at a commit, with this checkout's stand-in for the site's address. Here
  // npm only writes package.json and package-lock.json (--package-lock-only): the editor's own
  // node_modules would be a second install of what the correspondent's clone installs below.
  const editor = join(root, 'dangjian-content');
  cpSync(join(projectRoot, 'kit'), editor, { recursive: true });
  for (const name of ['site.yaml', 'units.yaml', 'columns.yaml', 'articles', 'zhuanti'])
    cpSync(join(projectRoot, 'content', name), join(editor, name), { recursive: true });
  const pin = sh(
    'npm',
    ['install', '--save-dev', `${remote.url}#${remote.commit}`, '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund'],
    editor,
    shellEnv(),
    120_000,
  );
  if (pin.status !== 0) throw new Error(`npm install --package-lock-only failed:\n${pin.stdout}\n${pin.stderr}`);
  git(editor, 'init', '-q');
  git(editor, 'add', '-A');
  git(editor, 'commit', '-q', '-m', '稿件仓库');
  // The correspondent (kit/投稿指南.md, 开始之前): clone, then npm install.
  git(root, 'clone', '-q', editor, repo);
  const started = performance.now();
  const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], repo, shellEnv(), 280_000);
  installSeconds = (performance.now() - started) / 1000;
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stdout}\n${install.stderr}`);
}, 420_000);

describe('a content repository set up from kit/', () => {
  test('pins the site program at a commit and installs Node 24 for its commands', () => {
    console.log(`npm install of the site program: ${installSeconds.toFixed(1)} s`);
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies['bulletin']).toBe(`${remote.url}#${remote.commit}`);
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/bulletin']?.resolved).toBe(`${remote.url}#${remote.commit}`);
    // npm install in the clone installed what the lockfile pins, and changed nothing the editor committed.
    expect(git(repo, 'status', '--porcelain').stdout).toBe('');
    // Only what the program runs is installed: no tests, no sample bulletin.
    expect(existsSync(join(repo, 'node_modules', 'bulletin', 'scripts', 'check.ts'))).toBe(true);
    expect(existsSync(join(repo, 'node_modules', 'bulletin', 'test'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules', 'bulletin', 'content'))).toBe(false);
    expect(sh(join(repo, 'node_modules', '.bin', 'node'), ['--version'], repo).stdout).toMatch(/^v24\./);
  });

  test('npm run check passes the sample, in Chinese', () => {
    const result = npm(repo, ['run', 'check']);
    expect(result.stdout).toContain('没有发现问题。');
    expect(result.stderr).not.toMatch(/ENOENT|npm error|Warning/);
    expect(result.status).toBe(0);
  });

  test('npm run check names a mistake, and checks the file again by the path it printed', () => {
    mkdirSync(join(repo, 'articles', '2024', '12'), { recursive: true });
    writeFileSync(join(repo, 'articles', '2024', '12', 'shenji-jingsai.md'), misspeltUnit);
    const all = npm(repo, ['run', 'check']);
    expect(all.status).toBe(1);
    const line = lineAbout(all.stdout, 'articles/2024/12/shenji-jingsai.md');
    expect(line).toMatch(/^articles\/2024\/12\/shenji-jingsai\.md:5:\d+ {2}.*市审记局.*市审计局/);

    const again = npm(repo, ['run', 'check', '--', printedPath(line!)]);
    expect(again.status).toBe(1);
    expect(lineAbout(again.stdout, 'articles/2024/12/shenji-jingsai.md')).toBe(line);
    expect(again.stdout).toMatch(/共 1 个错误/);

    // From the article's own folder, by its file name.
    const here = npm(join(repo, 'articles', '2024', '12'), ['run', 'check', '--', 'shenji-jingsai.md']);
    expect(lineAbout(here.stdout, 'articles/2024/12/shenji-jingsai.md')).toBe(line);
    expect(here.status).toBe(1);

    const nowhere = npm(repo, ['run', 'check', '--', 'articles/2024/12/shenji.md']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('找不到 articles/2024/12/shenji.md');

    writeFileSync(join(repo, 'articles', '2024', '12', 'shenji-jingsai.md'), misspeltUnit.replace('市审记局', '市审计局'));
    expect(npm(repo, ['run', 'check']).status).toBe(0);
  });

  test('npm run check -- --fix mends what a Chinese input method typed, and says what it changed', () => {
    const file = join(repo, 'articles', '2024', '12', 'caizheng-dushu.md');
    writeFileSync(file, typedInChinese);
    expect(npm(repo, ['run', 'check', '--', 'articles/2024/12/caizheng-dushu.md']).status).toBe(1);
    const fix = npm(repo, ['run', 'check', '--', '--fix']);
    expect(fix.stdout).toContain('已修改 articles/2024/12/caizheng-dushu.md:2');
    expect(fix.stdout).toContain('已修改 articles/2024/12/caizheng-dushu.md:3');
    expect(fix.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('title: 财政局组织青年干部读书分享会\ndate: 2024-12-05\n');

    // --fix-units writes a unit's full name for its short one (水务局 → 市水务局).
    writeFileSync(file, readFileSync(file, 'utf8').replace('units: [市财政局]', 'units: [市财政局, 水务局]'));
    const units = npm(repo, ['run', 'check', '--', '--fix-units']);
    expect(units.stdout).toContain('已修改 articles/2024/12/caizheng-dushu.md:5');
    expect(units.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('units: [市财政局, 市水务局]');
  });

  test('npm run new makes the article the guide says, which passes check once it has a body', () => {
    const made = npm(repo, guideNew);
    expect(made.stdout).toContain('已新建 articles/2024/11/ji-neng-bi-wu-qiang-ben-ling.md');
    expect(made.status).toBe(0);
    const file = join(repo, 'articles', '2024', '11', 'ji-neng-bi-wu-qiang-ben-ling.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: 技能比武强本领\ndate: 2024-11-22\n/);
    appendFileSync(file, bodyAfterNew);
    const check = npm(repo, ['run', 'check', '--', 'articles/2024/11/ji-neng-bi-wu-qiang-ben-ling.md']);
    expect(check.stdout).toContain('没有发现问题。');
    expect(check.status).toBe(0);
    // The same command again never overwrites it.
    const twice = npm(repo, guideNew);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('articles/2024/11/ji-neng-bi-wu-qiang-ben-ling.md');
    expect(readFileSync(file, 'utf8')).toContain('管道抢修');
  });

  test('npm run stats counts the articles, and -s stats -- --csv is a table with nothing of npm in it', () => {
    const stats = npm(repo, ['run', 'stats']);
    expect(stats.stdout).toContain('市水务局');
    expect(stats.status).toBe(0);
    const year = npm(repo, ['run', 'stats', '--', '--year', '2024']);
    expect(year.stdout).toContain('市水务局');
    expect(year.status).toBe(0);
    const csv = npm(repo, ['run', '-s', 'stats', '--', '--csv']);
    expect(csv.stdout.startsWith('\uFEFF类别,名称')).toBe(true);
    expect(csv.status).toBe(0);
  });

  test('npm run import loads, and says what it needs', () => {
    const result = npm(repo, ['run', 'import']);
    expect(result.stderr).toContain('用法：npm run import');
    expect(result.status).toBe(2);
  });

  test('npm run build makes the site in the repository’s dist/', { timeout: 120_000 }, () => {
    const build = npm(repo, ['run', 'build']);
    expect(build.stdout + build.stderr).toMatch(/生成完毕：12 篇稿件/);
    // Its site.yaml trusts no folder with special pages: nothing warns, in English, that there are none.
    expect(build.stdout + build.stderr).not.toMatch(/\[WARN\]/);
    expect(build.status).toBe(0);
    expect(readFileSync(join(repo, 'dist', 'articles', 'ji-neng-bi-wu-qiang-ben-ling', 'index.html'), 'utf8')).toContain('管道抢修');
    expect(existsSync(join(repo, 'dist', 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(repo, 'node_modules', 'bulletin', 'dist'))).toBe(false);
  });

  test('npm run dev previews the articles, an edit, and the search index', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A process group of its own (npm, its shell, Astro), stopped as one at the end.
    const dev = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: repo,
      env: shellEnv(),
      stdio: 'ignore',
      detached: true,
    });
    const page = (path: string) =>
      fetch(`${base}${path}`).then(
        (response) => (response.ok ? response.text() : ''),
        () => '',
      );
    try {
      await expect.poll(() => page('/articles/ji-neng-bi-wu-qiang-ben-ling/'), { timeout: 60_000, interval: 250 }).toContain('管道抢修');
      const file = join(repo, 'articles', '2024', '11', 'ji-neng-bi-wu-qiang-ben-ling.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('管道抢修', '管网抢修'));
      await expect.poll(() => page('/articles/ji-neng-bi-wu-qiang-ben-ling/'), { timeout: 20_000, interval: 250 }).toContain('管网抢修');
      await expect.poll(() => page('/pagefind/pagefind-entry.json'), { timeout: 30_000, interval: 250 }).toContain('"languages"');
    } finally {
      const stopped = new Promise((resolve) => (dev.exitCode !== null ? resolve(undefined) : dev.once('exit', resolve)));
      if (dev.pid !== undefined) process.kill(-dev.pid, 'SIGTERM');
      await stopped;
    }
  });
});

describe('kit/投稿指南.md', () => {
  test('names only commands that both the content repository and the site have', () => {
    const guide = readFileSync(join(projectRoot, 'kit', '投稿指南.md'), 'utf8');
    const named = new Set([...guide.matchAll(/npm run (?:-s )?([a-z]+)/g)].map((match) => match[1]!));
    expect([...named]).toEqual(expect.arrayContaining(['check', 'dev', 'new', 'stats']));
    for (const manifest of [join(repo, 'package.json'), join(projectRoot, 'package.json')]) {
      const { scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as { scripts: Record<string, string> };
      expect(Object.keys(scripts)).toEqual(expect.arrayContaining([...named]));
    }
  });
});

/** The commands of kit's GitHub workflow, as its steps run them. */
function githubSteps(): string[] {
  const workflow = parse(readFileSync(join(repo, '.github', 'workflows', 'check.yml'), 'utf8')) as {
    jobs: { check: { steps: { run?: string }[] } };
  };
  return workflow.jobs.check.steps.flatMap((step) => (step.run ? [step.run] : []));
}

/** kit's GitLab job. */
function gitlabJob() {
  return (
    parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')) as {
      check: { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string } } };
    }
  ).check;
}

/** A command line of a template (no quotes in them), typed in the content repository. */
const runLine = (line: string) => sh(line.split(' ')[0]!, line.split(' ').slice(1), repo);

describe('kit’s CI templates', () => {
  test('GitHub and GitLab run the commands tested here, after installing what the lockfile pins, and keep GitLab’s report', () => {
    // npm ci installs from package-lock.json as the npm install above did, and refuses a lockfile out of step with package.json.
    expect(githubSteps()).toEqual(['npm ci', 'npm run check -- --format github', 'npm run build']);
    const job = gitlabJob();
    expect(job.image).toMatch(/^node:24\b/);
    expect(job.script).toEqual(['npm ci', 'npm run check -- --format gitlab --output gl-code-quality-report.json', 'npm run build']);
    // The report is what a failed check must show, so it is kept when the job fails.
    expect(job.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    expect(readFileSync(join(repo, '.gitignore'), 'utf8').split('\n')).toContain('gl-code-quality-report.json');
  });

  test('their checks place a mistake on its line by its path in the content repository', () => {
    const file = join(repo, 'articles', '2024', '12', 'shenji-jingsai.md');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, misspeltUnit);
    try {
      const github = runLine(githubSteps()[1]!);
      expect(github.status).toBe(1);
      expect(github.stdout).toMatch(
        /^::error file=articles\/2024\/12\/shenji-jingsai\.md,line=5,col=\d+,title=稿件检查：单位::找不到单位“市审记局”。/m,
      );
      expect(github.stdout).toMatch(/^articles\/2024\/12\/shenji-jingsai\.md:5:\d+ {2}错误 单位：/m);

      const gitlab = runLine(gitlabJob().script[1]!);
      expect(gitlab.status).toBe(1);
      const report = JSON.parse(readFileSync(join(repo, gitlabJob().artifacts.reports.codequality), 'utf8')) as unknown;
      expect(codeQualityMistakes(report)).toEqual([]);
      expect(report).toMatchObject([
        { check_name: 'UnknownUnit', severity: 'major', location: { path: 'articles/2024/12/shenji-jingsai.md', lines: { begin: 5 } } },
      ]);
      // The report is not something to commit.
      expect(git(repo, 'status', '--porcelain').stdout).not.toContain('gl-code-quality-report.json');
    } finally {
      writeFileSync(file, misspeltUnit.replace('市审记局', '市审计局'));
    }
  });
});

describe('the site repository, on its content/', () => {
  test('npm run check, and npm run check -- the path as check prints it, from the content folder or from here', () => {
    expect(npm(projectRoot, ['run', 'check']).stdout).toContain('没有发现问题。');
    for (const path of ['articles/2024/11/jineng-biwu.md', 'content/articles/2024/11/jineng-biwu.md']) {
      const result = npm(projectRoot, ['run', 'check', '--', path]);
      expect(result.stdout).toContain('没有发现问题。');
      expect(result.status).toBe(0);
    }
    const here = npm(join(projectRoot, 'content', 'articles', '2024', '11'), ['run', 'check', '--', 'jineng-biwu.md']);
    expect(here.stdout).toContain('没有发现问题。');
    expect(here.status).toBe(0);
    expect(npm(projectRoot, ['run', 'stats']).status).toBe(0);
  });

  test('npm run new, check -- the printed path, and --fix, on a content folder elsewhere', () => {
    const content = mkdtempSync(join(tmpdir(), 'site-content-'));
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    const env = shellEnv({ BULLETIN_CONTENT_DIR: content });
    mkdirSync(join(content, 'articles', '2024', '12'));
    writeFileSync(join(content, 'articles', '2024', '12', 'shenji-jingsai.md'), misspeltUnit);
    writeFileSync(join(content, 'articles', '2024', '12', 'caizheng-dushu.md'), typedInChinese);

    const all = npm(projectRoot, ['run', 'check'], env);
    const line = lineAbout(all.stdout, 'articles/2024/12/shenji-jingsai.md');
    expect(line).toMatch(/市审记局/);
    const again = npm(projectRoot, ['run', 'check', '--', printedPath(line!)], env);
    expect(lineAbout(again.stdout, 'articles/2024/12/shenji-jingsai.md')).toBe(line);
    expect(again.stdout).not.toContain('caizheng-dushu.md');
    expect(again.status).toBe(1);

    const fix = npm(projectRoot, ['run', 'check', '--', 'articles/2024/12/caizheng-dushu.md', '--fix'], env);
    expect(fix.stdout).toContain('已修改 articles/2024/12/caizheng-dushu.md:3');
    expect(fix.status).toBe(0);
    expect(readFileSync(join(content, 'articles', '2024', '12', 'caizheng-dushu.md'), 'utf8')).toContain('date: 2024-12-05\n');

    const made = npm(projectRoot, guideNew, env);
    expect(made.stdout).toContain('已新建 articles/2024/11/ji-neng-bi-wu-qiang-ben-ling.md');
    expect(existsSync(join(content, 'articles', '2024', '11', 'ji-neng-bi-wu-qiang-ben-ling.md'))).toBe(true);
  });
});
