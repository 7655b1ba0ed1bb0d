import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decodeFile } from '../../src/lib/files/encoding.ts';
import { splitFrontmatter } from '../../src/lib/files/frontmatter.ts';
import { fixtureDir } from '../unit/helpers.ts';
import { codeQualityMistakes } from '../code-quality.ts';
import { jargonIn } from '../words.ts';
import { buildSite, userEnv } from './build-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const cases = fileURLToPath(new URL('../fixtures/check/', import.meta.url));

/** Run one of the project's commands on a content folder, as `npm run <script> -- args` would. */
function run(script: string, dir: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: dir, NO_COLOR: '1' }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the fixture bulletin with some mistake files under articles/check/. */
function bulletinWith(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  cpSync(fixtureDir, dir, { recursive: true });
  mkdirSync(join(dir, 'articles', 'check'));
  for (const file of files) cpSync(join(cases, file), join(dir, 'articles', 'check', file));
  return dir;
}

const bodyOf = (file: string) => splitFrontmatter(decodeFile(readFileSync(file)).text!.replace(/\r\n/g, '\n')).body;

describe('npm run check', () => {
  test('passes a clean bulletin with exit code 0', () => {
    const result = run('check', fixtureDir);
    expect(result.stdout.trim()).toBe('没有发现问题。');
    expect(result.status).toBe(0);
  });

  test('lists every problem of every file in one run and exits with 1', () => {
    const result = run('check', bulletinWith('gbk.md', 'date-chinese.md', 'unknown-unit.md'));
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('共 3 个错误、0 个提示。');
    expect(lines.map((line) => line.split('  ')[0])).toEqual([
      'articles/check/date-chinese.md:3:7',
      'articles/check/gbk.md:1:1',
      'articles/check/unknown-unit.md:5:15',
      '共 3 个错误、0 个提示。',
    ]);
  });

  test('checks only the paths it is given', () => {
    const dir = bulletinWith('gbk.md', 'date-chinese.md');
    const result = spawnSync(process.execPath, ['scripts/check.ts', join(dir, 'articles', 'check', 'gbk.md')], {
      cwd: projectRoot,
      env: userEnv({ BULLETIN_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('gbk.md');
    expect(result.stdout).not.toContain('date-chinese.md');
  });

  test('gives the same findings to machines with --format json', () => {
    const result = run('check', bulletinWith('renamed-unit.md'), ['--format', 'json']);
    const report = JSON.parse(result.stdout) as { errors: number; problems: { file: string; line: number; code: string }[] };
    expect(report.errors).toBe(1);
    expect(report.problems).toMatchObject([{ file: 'articles/check/renamed-unit.md', line: 5, code: 'RenamedUnit' }]);
  });

  test('--format github writes an annotation on the line of each problem, then the list, and exits as check does', () => {
    const result = run('check', bulletinWith('unknown-unit.md', 'invisible.md'), ['--format', 'github']);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    // Outside a git repository, paths are the content folder's, as check prints them.
    expect(lines.filter((line) => line.startsWith('::'))).toEqual([
      '::warning file=articles/check/invisible.md,line=2,col=1,title=稿件检查::这一行有看不见的字符：零宽空格（从网页或聊天软件复制时带来的），生成网站时已去掉。%0A运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）',
      '::warning file=articles/check/invisible.md,line=5,col=1,title=稿件检查::这一行有看不见的字符：零宽空格（从网页或聊天软件复制时带来的），生成网站时已去掉。%0A运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）',
      '::warning file=articles/check/invisible.md,line=9,col=1,title=稿件检查::这一行有看不见的字符：文字方向控制符（从网页或聊天软件复制时带来的），生成网站时已去掉。%0A运行 npm run check -- --fix 把它们从文件里删掉（InvisibleCharacters）',
      '::error file=articles/check/unknown-unit.md,line=5,col=15,title=稿件检查：单位::找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。%0A请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）',
    ]);
    expect(lines.slice(4)).toEqual(run('check', bulletinWith('unknown-unit.md', 'invisible.md')).stdout.trim().split('\n'));
    expect(lines.at(-1)).toBe('共 1 个错误、3 个提示。');

    const clean = run('check', fixtureDir, ['--format', 'github']);
    expect(clean.stdout.trim()).toBe('没有发现问题。');
    expect(clean.status).toBe(0);
  });

  test('--format github and gitlab give the path in the git repository the content folder is in', () => {
    // The site's own layout: the repository's top, with the content folder as its content/.
    const site = mkdtempSync(join(tmpdir(), 'cli-site-'));
    expect(spawnSync('git', ['init', '-q', site]).status).toBe(0);
    cpSync(bulletinWith('renamed-unit.md'), join(site, 'content'), { recursive: true });
    const github = run('check', join(site, 'content'), ['--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=content\/articles\/check\/renamed-unit\.md,line=5,col=\d+,title=稿件检查：单位::/);
    expect(github.stdout).toContain('\narticles/check/renamed-unit.md:5:');
    const gitlab = run('check', join(site, 'content'), ['--format', 'gitlab']);
    expect(JSON.parse(gitlab.stdout)).toMatchObject([
      { check_name: 'RenamedUnit', location: { path: 'content/articles/check/renamed-unit.md', lines: { begin: 5 } } },
    ]);
    expect(gitlab.status).toBe(1);
  });

  test('--format gitlab --output writes a Code Quality report GitLab reads, and still lists the problems', () => {
    const dir = bulletinWith('unknown-unit.md', 'invisible.md');
    const file = join(mkdtempSync(join(tmpdir(), 'cli-report-')), 'gl-code-quality-report.json');
    const result = run('check', dir, ['--format', 'gitlab', '--output', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(run('check', dir).stdout);
    const bytes = readFileSync(file);
    expect(bytes[0]).toBe('['.charCodeAt(0)); // GitLab refuses a byte order mark
    const report = JSON.parse(bytes.toString('utf8')) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(codeQualityMistakes(report)).toEqual([]);
    expect(report.map((issue) => [issue.location.path, issue.location.lines.begin, issue.severity, issue.check_name])).toEqual([
      ['articles/check/invisible.md', 2, 'minor', 'InvisibleCharacters'],
      ['articles/check/invisible.md', 5, 'minor', 'InvisibleCharacters'],
      ['articles/check/invisible.md', 9, 'minor', 'InvisibleCharacters'],
      ['articles/check/unknown-unit.md', 5, 'major', 'UnknownUnit'],
    ]);
    expect(report[3]!.description).toBe(
      '单位：找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。  请改用单位名单（units.yaml）里的全称或登记过的简称；新单位请联系编辑加入单位名单（UnknownUnit）',
    );
    // The same problems, checked again, keep their fingerprints.
    run('check', dir, ['--format', 'gitlab', '--output', file]);
    const again = JSON.parse(readFileSync(file, 'utf8')) as typeof report;
    expect(again.map((issue) => issue.fingerprint)).toEqual(report.map((issue) => issue.fingerprint));
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(4);

    expect(run('check', fixtureDir, ['--format', 'gitlab']).stdout.trim()).toBe('[]');
  });

  test('--fix repairs encoding, BOM, line ends, colons and dates, says what it changed, and leaves the text alone', () => {
    const files = [
      'gbk.md',
      'utf16.md',
      'bom.md',
      'crlf.md',
      'fullwidth-colon.md',
      'fullwidth-space.md',
      'fullwidth-space-before.md',
      'fullwidth-space-instead.md',
      'colon-no-space.md',
      'date-chinese.md',
      'date-dots.md',
    ];
    const dir = bulletinWith(...files);
    const before = Object.fromEntries(files.map((file) => [file, bodyOf(join(dir, 'articles', 'check', file))]));
    const result = run('check', dir, ['--fix']);
    expect(result.stdout).toContain('已修改 articles/check/gbk.md  编码 GBK → UTF-8');
    expect(result.stdout).toContain('已修改 articles/check/date-chinese.md:3  日期 2024年11月22日 → 2024-11-22');
    expect(result.stdout).toContain('已修改 articles/check/fullwidth-colon.md:2  标题（title）后的中文冒号改为“: ”');
    expect(result.status).toBe(0);
    // What remains are hints that the articles share their text, which --fix must not touch.
    const after = run('check', dir);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/共 0 个错误、\d+ 个提示。/);
    expect(after.stdout).not.toMatch(/Gbk|Utf16|Utf8Bom|CrLf|FullWidth|DateFormat/);
    for (const file of files) {
      const bytes = readFileSync(join(dir, 'articles', 'check', file));
      expect(decodeFile(bytes)).toMatchObject({ encoding: 'utf-8' });
      expect(bytes.includes(13), file).toBe(false);
      expect(bodyOf(join(dir, 'articles', 'check', file)), file).toBe(before[file]);
    }
  });

  test('--fix removes the invisible characters a paste brings, from frontmatter and body, naming each line, and keeps emoji whole', () => {
    const dir = bulletinWith('invisible.md');
    const file = join(dir, 'articles', 'check', 'invisible.md');
    expect(run('check', dir).stdout).toContain('articles/check/invisible.md:5:1  提示 这一行有看不见的字符：零宽空格（');
    const result = run('check', dir, ['--fix']);
    expect(result.stdout).toContain('已修改 articles/check/invisible.md:2  删去看不见的字符：零宽空格\n');
    expect(result.stdout).toContain('已修改 articles/check/invisible.md:9  删去看不见的字符：文字方向控制符\n');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: 复制来的标题');
    expect(text).toContain('units: [市水务局]');
    expect(text).toContain('本报讯（通讯员 王笛）近日，市水务局组织开展主题党日活动。👨\u200d👩\u200d👧');
    expect(run('check', dir).stdout).not.toContain('InvisibleCharacters');
  });

  test('--fix writes what a paste from WeChat or Word leaves as the build reads it, naming each line, and keeps code as written', () => {
    const dir = bulletinWith('pasted.md');
    const file = join(dir, 'articles', 'check', 'pasted.md');
    const result = run('check', dir, ['--fix']);
    expect(result.stdout).toContain('已修改 articles/check/pasted.md:2  改好看不见的不换行空格（汉字之间的删去，其他的换成普通空格）');
    expect(result.stdout).toContain('已修改 articles/check/pasted.md:9  删去段首的全角空格缩进');
    expect(result.stdout).toContain('已修改 articles/check/pasted.md:11  删去段首的空格缩进（原来会显示成代码）');
    expect(readFileSync(file, 'utf8')).toBe(
      '---\ntitle: 市廉政教育基地揭牌\ndate: 2024-11-22\ncolumn: 党建动态\nunits: [市水务局]\nbyline: 通讯员 加雅文\n---\n\n' +
        '本报讯（通讯员 加雅文）11月22日，市廉政教育基地揭牌，市水务局党员参观学习。\n\n' +
        '第二段用四个空格缩进，Word 里的软连字符也去掉。\n\n' +
        '第三段，`代码\u00A0里`的不动。\n',
    );
    const after = run('check', dir);
    expect(after.stdout.trim()).toBe('没有发现问题。');
  });

  test('--fix-units writes canonical unit names only when asked', () => {
    const dir = bulletinWith();
    run('check', dir, ['--fix']);
    expect(readFileSync(join(dir, 'articles', '2024', '01', 'shuiwu-01.md'), 'utf8')).toContain('units: [水务局]');
    const result = run('check', dir, ['--fix-units']);
    expect(result.stdout).toContain('已修改 articles/2024/01/shuiwu-01.md:5  单位 水务局 → 市水务局');
    expect(readFileSync(join(dir, 'articles', '2024', '01', 'shuiwu-01.md'), 'utf8')).toContain('units: [市水务局]');
  });
});

describe('npm run new', () => {
  test('writes an article that check passes and the build publishes', () => {
    const dir = bulletinWith();
    const created = run('new', dir, [
      '--title',
      '党员志愿服务进社区',
      '--unit',
      '水务局',
      '--column',
      '党建动态',
      '--byline',
      '通讯员 王笛',
      '--date',
      '2024-12-30',
      '--tags',
      '志愿服务,主题党日',
    ]);
    expect(created.stdout).toContain('已新建 articles/2024/12/dang-yuan-zhi-yuan-fu-wu-jin-she-qu.md');
    expect(created.status).toBe(0);
    const text = readFileSync(join(dir, 'articles', '2024', '12', 'dang-yuan-zhi-yuan-fu-wu-jin-she-qu.md'), 'utf8');
    expect(text).toBe(
      '---\ntitle: 党员志愿服务进社区\ndate: 2024-12-30\ncolumn: 党建动态\nunits: [市水务局]\nbyline: 通讯员 王笛\ntags: [志愿服务, 主题党日]\n---\n\n本报讯（通讯员 王笛）\n',
    );
    // Until its body is written, the new article is an unfinished one, which check names.
    const unwritten = run('check', dir);
    expect(unwritten.status).toBe(1);
    expect(unwritten.stdout).toContain(
      'articles/2024/12/dang-yuan-zhi-yuan-fu-wu-jin-she-qu.md:10:1  错误 正文除了开头的“本报讯（……）”还一个字也没有写',
    );
    writeFileSync(
      join(dir, 'articles', '2024', '12', 'dang-yuan-zhi-yuan-fu-wu-jin-she-qu.md'),
      text.replace(/\n$/, '12月30日，市水务局党员志愿者走进社区开展志愿服务。\n'),
    );
    expect(run('check', dir).status).toBe(0);
    const outDir = mkdtempSync(join(tmpdir(), 'cli-build-'));
    expect(buildSite(dir, outDir).status).toBe(0);
    expect(existsSync(join(outDir, 'articles', 'dang-yuan-zhi-yuan-fu-wu-jin-she-qu', 'index.html'))).toBe(true);
  });

  test('refuses to overwrite an article', () => {
    const dir = bulletinWith();
    const args = ['--title', '重复的标题', '--unit', '市残联', '--column', '党建动态', '--byline', '通讯员 王笛', '--date', '2024-12-30'];
    expect(run('new', dir, args).status).toBe(0);
    const again = run('new', dir, args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已经存在，没有覆盖');
  });

  test('names what is missing when not on a terminal', () => {
    const result = run('new', bulletinWith(), ['--title', '只有标题']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('缺少：--column、--unit、--byline');
  });

  test('refuses an unknown unit with the check’s own message, naming the option, not a file it never wrote', () => {
    const dir = bulletinWith();
    const result = run('new', dir, [
      '--title',
      '标题',
      '--unit',
      '市审记局',
      '--column',
      'dangjian',
      '--byline',
      '通讯员 王笛',
      '--date',
      '2023-02-29',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^--date：日期“2023-02-29”不存在。 {2}2023 年 2 月只有 28 天/),
      expect.stringMatching(/^--column：找不到栏目“dangjian”。栏目名单（columns.yaml）中相近的有：“党建动态”。/),
      expect.stringMatching(/^--unit：找不到单位“市审记局”。单位名单（units.yaml）中相近的有：“市审计局”。/),
    ]);
    expect(result.stderr).not.toContain('.md');
  });
});

describe('a mistyped command line', () => {
  test.each([
    ['check', ['--fixx'], '不认识的选项 --fixx，是不是 --fix？'],
    ['new', ['--tag', '志愿服务'], '不认识的选项 --tag，是不是 --tags？'],
    ['import', ['版面.txt', '--date', '2024-11-26', '--dry'], '不认识的选项 --dry，是不是 --dry-run？'],
    ['stats', ['--yaer', '2024'], '不认识的选项 --yaer，是不是 --year？'],
    ['stats', ['--quarter', '3'], '不认识的选项 --quarter。'],
    ['check', ['--format', 'xml'], '--format 只能是 text、json、github 或 gitlab，不是“xml”。'],
    ['check', ['--output'], '选项 --output 后面要写一个值。'],
    ['check', ['articles/没有这篇.md'], '找不到 articles/没有这篇.md'],
    ['new', ['--title'], '选项 --title 后面要写一个值。'],
    ['stats', ['2024'], '多余的“2024”'],
  ])('%s %j is told in Chinese, with the usage, exit code 2', (script, args, says) => {
    const result = run(script, fixtureDir, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain(`用法：npm run ${script}`);
    expect(result.stderr).toContain(`全部选项：npm run ${script} -- --help`);
    expect(result.stderr).not.toMatch(/Error| {4}at /);
  });
});

describe('--help', () => {
  test.each(
    ['check', 'new', 'import', 'stats', 'bench', 'guide'].flatMap((script) => [
      [script, '--help'],
      [script, '-h'],
    ]),
  )('%s %s prints its usage and every option in Chinese, exit code 0', (script, flag) => {
    const result = run(script, fixtureDir, [flag]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^npm run ${script}：`));
    expect(result.stdout).toContain(`用法：npm run ${script}`);
    expect(result.stdout).toContain('-h, --help');
    expect(jargonIn(result.stdout)).toEqual([]);
  });

  test('check --help tells the formats for a merge request and where to write the report', () => {
    const result = run('check', fixtureDir, ['--help']);
    expect(result.stdout).toContain('  --format text|json|github|gitlab  ');
    expect(result.stdout).toMatch(/github：GitHub 的自动检查；gitlab：GitLab 的代码质量报告/);
    expect(result.stdout).toMatch(/ {2}--output 文件 +把按 --format 写的结果存进这个文件/);
    expect(result.stdout).toContain('npm run check -- --format gitlab --output gl-code-quality-report.json');
  });

  test.each(
    ['dev', 'build', 'preview', 'sync'].flatMap((command) => [
      [command, '--help'],
      [command, '-h'],
    ]),
  )('%s %s answers in Chinese, not with Astro’s English help', (command, flag) => {
    const result = spawnSync(process.execPath, ['scripts/astro.ts', command, flag], {
      cwd: projectRoot,
      env: userEnv({ NO_COLOR: '1' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^npm run ${command}：`));
    expect(result.stdout).toContain(`用法：npm run ${command}`);
    expect(result.stdout).not.toMatch(/Usage|Flags|--background|--ignore-lock/);
    expect(jargonIn(result.stdout)).toEqual([]);
  });

  test('new --help explains each field it asks for, and is answered before any other mistake', () => {
    const result = run('new', fixtureDir, ['--tag', '甲', '--help']);
    expect(result.status).toBe(0);
    for (const line of [
      '--title 标题',
      '--unit 单位',
      '--column 栏目',
      '--byline "通讯员 姓名"',
      '--date 2024-11-22',
      '--tags 甲,乙',
      '--slug 网址名',
      '--draft',
    ]) {
      expect(result.stdout).toContain(`  ${line} `);
    }
  });
});

describe('npm run stats', () => {
  test('says which articles it could not count, and fails', () => {
    const result = run('stats', bulletinWith('unknown-unit.md'));
    expect(result.stdout).toContain('共 26 篇稿件');
    expect(result.stderr).toContain('注意：1 篇稿件有错误，没有计入上面的统计：articles/check/unknown-unit.md。');
    expect(result.status).toBe(1);
  });

  test('counts articles per unit and month as a table', () => {
    const result = run('stats', fixtureDir, ['--year', '2024']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('统计期间：2024，共 25 篇稿件');
    expect(result.stdout).toMatch(/市水务局\s+25\s+2\s+2/);
  });

  test('writes CSV that Excel opens', () => {
    const csv = run('stats', fixtureDir, ['--csv']).stdout;
    expect(csv.startsWith('\uFEFF类别,名称,分组,合计,2023-12,2024-01')).toBe(true);
    expect(csv).toContain('单位,市委组织部,党委机关,1,1,0');
    expect(csv).toContain('栏目,党建动态,,25,');
  });
});
