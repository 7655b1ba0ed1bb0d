import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeFile, foreignEncodingName } from '../files/encoding.ts';
import { docxToPageText } from './docx.ts';

/** A page to import, as text; `note` says what was done to read it (an encoding converted). */
type PageInput = { text: string; note?: string } | { problem: string; exitCode: 1 | 2 };

/**
 * Read one file given to the import command, the way `check --fix` reads a correspondent's file
 * (UTF-8 with or without BOM, UTF-16, GBK), or a Word .docx. What cannot be read is one line in
 * Chinese saying what to do; exit code 2 when the command was given the wrong thing (no such
 * file, a folder, no permission), 1 when the file itself is no page text or Word document.
 */
export async function readPageInput(path: string): Promise<PageInput> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: `找不到文件 ${path}：请检查文件名和所在的文件夹。`, exitCode: 2 };
    if (code === 'EISDIR')
      return { problem: `${path} 是一个文件夹：请给出其中的版面文字（.txt、.md）或 Word 文件（.docx）。`, exitCode: 2 };
    if (code === 'EACCES' || code === 'EPERM')
      return { problem: `无法读取 ${path}：没有读取权限，请把文件复制到自己的文件夹后再导入。`, exitCode: 2 };
    return { problem: `无法读取 ${path}：请确认文件没有被其他程序占用后再试${code ? `（${code}）` : ''}。`, exitCode: 2 };
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') {
    try {
      return { text: await docxToPageText(bytes) };
    } catch {
      return {
        problem: `${path} 不是有效的 Word 文件（.docx）：可能已损坏，或是改了扩展名的旧版 .doc。请用 Word 打开，另存为“Word 文档 (*.docx)”后再导入。`,
        exitCode: 1,
      };
    }
  }
  const decoded = decodeFile(bytes);
  if (decoded.text === undefined) {
    const hint =
      extension === '.doc'
        ? '这是旧版 Word 文件，请用 Word 另存为“Word 文档 (*.docx)”后再导入。'
        : '请把版面文字存为 .txt（UTF-8），或存为 Word 文件（.docx）后再导入。';
    const what = decoded.reason === 'binary' ? '不是文本文件' : '的编码无法识别（不是 UTF-8、UTF-16，也不是 GBK）';
    return { problem: `${path} ${what}：${hint}`, exitCode: 1 };
  }
  const converted = foreignEncodingName(decoded.encoding);
  return converted
    ? { text: decoded.text, note: `原文件是 ${converted} 编码，已按 ${converted} 读取并转成 UTF-8（原文件没有改动）。` }
    : { text: decoded.text };
}
