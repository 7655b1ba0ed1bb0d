import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, test } from 'vitest';
import { fixtureDir } from '../unit/helpers.ts';
import { userEnv } from './build-site.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sampleDir = join(projectRoot, 'content');
const samplePage = fileURLToPath(new URL('../fixtures/import/sample-page.txt', import.meta.url));
const sampleArgs = ['--date', '2024-11-26', '--issue', '47', '--page', '3', '--column', '党建动态'];

function run(script: string, dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    env: userEnv({ BULLETIN_CONTENT_DIR: dir }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A content folder with the sample's registries and no articles. */
function emptyBulletin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  for (const file of ['site.yaml', 'units.yaml', 'columns.yaml']) cpSync(join(sampleDir, file), join(dir, file));
  return dir;
}

const articleFiles = (dir: string) => readdirSync(join(dir, 'articles', '2024', '11')).sort();

describe('importing the sample page', () => {
  test('gives exactly the sample content in content/, byte for byte', () => {
    const dir = emptyBulletin();
    expect(run('import', dir, [samplePage, ...sampleArgs]).status).toBe(0);
    expect(articleFiles(dir)).toEqual(articleFiles(sampleDir));
    for (const file of articleFiles(dir)) {
      expect(readFileSync(join(dir, 'articles', '2024', '11', file), 'utf8'), file).toBe(
        readFileSync(join(sampleDir, 'articles', '2024', '11', file), 'utf8'),
      );
    }
  });

  test('--dry-run writes nothing but reports the same', () => {
    const dir = emptyBulletin();
    const result = run('import', dir, [samplePage, ...sampleArgs, '--dry-run']);
    expect(result.stdout).toContain('共 9 篇：新建 9，更新 0，未变 0，保留编辑过的 0。');
    expect(result.stdout).toContain('试运行，没有写入任何文件。');
    expect(existsSync(join(dir, 'articles'))).toBe(false);
    expect(existsSync(join(dir, '.import-manifest.json'))).toBe(false);
  });

  test('a second run changes nothing, and an edited article is kept unless --force', () => {
    const dir = emptyBulletin();
    run('import', dir, [samplePage, ...sampleArgs]);
    const before = articleFiles(dir).map((file) => readFileSync(join(dir, 'articles', '2024', '11', file), 'utf8'));
    const again = run('import', dir, [samplePage, ...sampleArgs]);
    expect(again.stdout).toContain('共 9 篇：新建 0，更新 0，未变 9，保留编辑过的 0。');
    expect(articleFiles(dir).map((file) => readFileSync(join(dir, 'articles', '2024', '11', file), 'utf8'))).toEqual(before);

    const edited = join(dir, 'articles', '2024', '11', 'jineng-biwu.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('byline: 通讯员 加雅文', 'byline: 通讯员 加雅文\ntags: [技能比武]'));
    const kept = run('import', dir, [samplePage, ...sampleArgs]);
    expect(kept.stdout).toContain('文件：articles/2024/11/jineng-biwu.md（已被编辑过，没有覆盖（加 --force 覆盖））');
    expect(readFileSync(edited, 'utf8')).toContain('tags: [技能比武]');
    run('import', dir, [samplePage, ...sampleArgs, '--force']);
    expect(readFileSync(edited, 'utf8')).not.toContain('tags:');
  });

  test('a title changed on the page updates the article imported from there, instead of adding a second', () => {
    const dir = emptyBulletin();
    run('import', dir, [samplePage, ...sampleArgs]);
    // The same page file, as the editor corrects it and imports it again.
    const corrected = join(mkdtempSync(join(tmpdir(), 'page-')), 'sample-page.txt');
    writeFileSync(corrected, readFileSync(samplePage, 'utf8').replace('### 技能比武强本领', '### 技能比武练本领'));
    const again = run('import', dir, [corrected, ...sampleArgs]);
    expect(again.stdout).toContain('共 9 篇：新建 0，更新 1，未变 8，保留编辑过的 0。');
    expect(again.stdout).toContain('文件：articles/2024/11/jineng-biwu.md（更新）');
    expect(again.stdout).toContain('上次导入时标题是《技能比武强本领》');
    expect(articleFiles(dir)).toEqual(articleFiles(sampleDir));
    const file = join(dir, 'articles', '2024', '11', 'jineng-biwu.md');
    expect(readFileSync(file, 'utf8')).toContain('title: 技能比武练本领');
    expect(run('import', dir, [corrected, ...sampleArgs]).stdout).toContain('共 9 篇：新建 0，更新 0，未变 9，保留编辑过的 0。');

    // Edited since: kept, reported, and still no second file.
    writeFileSync(file, readFileSync(file, 'utf8').replace('byline: 通讯员 加雅文', 'byline: 通讯员 加雅文\ntags: [技能比武]'));
    writeFileSync(corrected, readFileSync(samplePage, 'utf8').replace('### 技能比武强本领', '### 技能比武强技能'));
    const kept = run('import', dir, [corrected, ...sampleArgs]);
    expect(kept.stdout).toContain('文件：articles/2024/11/jineng-biwu.md（已被编辑过，没有覆盖（加 --force 覆盖））');
    expect(kept.stdout).toContain('上次导入时标题是《技能比武练本领》');
    expect(articleFiles(dir)).toEqual(articleFiles(sampleDir));
    expect(readFileSync(file, 'utf8')).toContain('tags: [技能比武]');
  });

  test('the report names every repair and is written to --report', () => {
    const dir = emptyBulletin();
    const reportFile = join(dir, 'report.md');
    run('import', dir, [samplePage, ...sampleArgs, '--report', reportFile]);
    const report = readFileSync(reportFile, 'utf8');
    expect(report.match(/接上断开的段落/g)).toHaveLength(8);
    expect(report).toContain('删去重复印了一遍的段落“马家湾社区党总支将进一步……”，它属于《入户走访送温暖 精准关爱暖民心》');
    expect(report).toContain('## 未登记的单位');
    expect(run('check', dir, []).status).toBe(0);
  });
});

test('a Word file imports like page text', async () => {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '市水务局开展主题党日活动', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '本报讯（通讯员 王笛）近日，市水务局全体党员来到革命旧址，' }),
          new Paragraph({ text: '重温入党誓词，接受红色教育。' }),
          new Paragraph({ text: '活动中，大家纷纷表示要传承红色基因。', alignment: AlignmentType.LEFT }),
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'import-docx-'));
  cpSync(fixtureDir, dir, { recursive: true });
  const file = join(dir, '稿件.docx');
  writeFileSync(file, await Packer.toBuffer(document));
  const result = run('import', dir, [file, '--date', '2024-12-05', '--column', '党建动态']);
  expect(result.stdout).toContain('文件：articles/2024/12/shishui-wuju.md（新建）');
  expect(result.stdout).toContain('接上断开的段落');
  const text = readFileSync(join(dir, 'articles', '2024', '12', 'shishui-wuju.md'), 'utf8');
  expect(text).toBe(
    '---\ntitle: 市水务局开展主题党日活动\ndate: 2024-12-05\ncolumn: 党建动态\nunits: [市水务局]\nbyline: 通讯员 王笛\norder: 1\n---\n\n本报讯（通讯员 王笛）近日，市水务局全体党员来到革命旧址，重温入党誓词，接受红色教育。\n\n活动中，大家纷纷表示要传承红色基因。\n',
  );
  expect(run('check', dir, []).status).toBe(0);
});

describe('what the import command refuses, in one line of Chinese', () => {
  const page = fileURLToPath(new URL('../fixtures/import/plain-text.txt', import.meta.url));
  const refused = (result: ReturnType<typeof run>) => {
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|出错了/);
    return result.stderr.trim();
  };

  test('a --column not in columns.yaml, with the column it probably means', () => {
    const result = run('import', emptyBulletin(), [page, '--date', '2024-12-01', '--column', '党建动向']);
    expect(result.status).toBe(2);
    expect(refused(result)).toBe(
      '--column 的值“党建动向”不是栏目名单（columns.yaml）里的栏目。是不是“党建动态”？可用的栏目：要闻、通讯、党建动态、理论学习、基层风采、专题。',
    );
  });

  test('an --issue or --page that is no positive whole number', () => {
    for (const [flag, value, what] of [
      ['--issue', 'abc', '期号'],
      ['--issue', '4.5', '期号'],
      ['--page', '0', '版次'],
      ['--page', '-3', '版次'],
    ] as const) {
      const dir = emptyBulletin();
      const result = run('import', dir, [page, '--date', '2024-12-01', `${flag}=${value}`]);
      expect(result.status, `${flag} ${value}`).toBe(2);
      expect(refused(result)).toMatch(new RegExp(`^${flag} 的值“${value}”不对：${what}要写成正整数`));
      expect(existsSync(join(dir, 'articles'))).toBe(false);
    }
  });

  test('a missing file, a folder, a .docx that is no Word file, a file that is no text', () => {
    const dir = emptyBulletin();
    const missing = join(dir, '第3版.txt');
    expect(run('import', dir, [missing, '--date', '2024-12-01'])).toMatchObject({
      status: 2,
      stderr: `找不到文件 ${missing}：请检查文件名和所在的文件夹。\n`,
    });
    const folder = run('import', dir, [dir, '--date', '2024-12-01']);
    expect(folder.status).toBe(2);
    expect(refused(folder)).toBe(`${dir} 是一个文件夹：请给出其中的版面文字（.txt、.md）或 Word 文件（.docx）。`);
    const fake = join(dir, '稿件.docx');
    writeFileSync(fake, '这不是 Word 文件');
    const docx = run('import', dir, [fake, '--date', '2024-12-01']);
    expect(docx.status).toBe(1);
    expect(refused(docx)).toMatch(new RegExp(`^${fake} 不是有效的 Word 文件（\\.docx）：.*另存为`));
    const binary = join(dir, '版面.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0]));
    const notText = run('import', dir, [binary, '--date', '2024-12-01']);
    expect(notText.status).toBe(1);
    expect(refused(notText)).toBe(`${binary} 不是文本文件：请把版面文字存为 .txt（UTF-8），或存为 Word 文件（.docx）后再导入。`);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
  });

  test('a mistyped command line: unknown option, no date, an impossible date, no file', () => {
    for (const [args, says] of [
      [[page, '--date', '2024-12-01', '--dryrun'], '不认识的选项 --dryrun，是不是 --dry-run？'],
      [[page], '请用 --date 写明出版日期'],
      [[page, '--date', '2024-02-30'], '--date 的值“2024-02-30”不对'],
      [['--date', '2024-12-01'], '请给出要导入的版面文字'],
    ] as const) {
      const result = run('import', emptyBulletin(), [...args]);
      expect(result.status, says).toBe(2);
      expect(refused(result)).toContain(says);
      expect(result.stderr).toContain('用法：npm run import');
    }
  });

  test('nothing is written when one of several files cannot be read', () => {
    const dir = emptyBulletin();
    expect(run('import', dir, [page, join(dir, 'missing.txt'), '--date', '2024-12-01', '--column', '党建动态']).status).toBe(2);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
  });
});

test('a GBK page (Chinese Windows Notepad) is read as GBK, and the report says it was converted', () => {
  const dir = emptyBulletin();
  const gbk = fileURLToPath(new URL('../fixtures/import/gbk-page.txt', import.meta.url));
  const result = run('import', dir, [gbk, '--date', '2024-12-01', '--column', '党建动态']);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('读取：原文件是 GBK 编码，已按 GBK 读取并转成 UTF-8（原文件没有改动）。');
  expect(result.stdout).toContain('共 2 篇：新建 2');
  expect(readFileSync(join(dir, 'articles', '2024', '12', 'shishui-wuju.md'), 'utf8')).toContain('title: 市水务局开展主题党日活动');
});
