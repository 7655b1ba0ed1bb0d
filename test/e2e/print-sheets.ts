/**
 * A printed PDF read back sheet by sheet, as a reader holds the paper: the lines of text on
 * each sheet from top to bottom, and each sheet drawn to a PNG for a person to look at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Text as compared here: NFKC (a PDF's CJK fonts often map a character such as 示 to its
 * radical form ⽰, which NFKC folds back) and without spaces (letter-spacing and the gaps
 * between runs on a line come back as spaces, or not).
 */
export const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Read a PDF, hand the document to `read`, and let pdf.js go. */
async function withDocument<T>(pdf: Uint8Array, read: (document: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js takes over the buffer it is given: it gets a copy.
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  try {
    return await read(await task.promise);
  } finally {
    await task.destroy();
  }
}

/** A line of a sheet: its text in the comparable form, where it starts and its type size, in points. */
export interface SheetLine {
  text: string;
  left: number;
  size: number;
}

/** Each sheet's lines, top to bottom. */
export function sheetLayout(pdf: Uint8Array): Promise<SheetLine[][]> {
  return withDocument(pdf, async (document) => {
    const sheets: SheetLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const lines = new Map<number, { text: string; left: number; size: number }>();
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        // Runs on one baseline make one line; PDF's y grows upwards.
        const [, , c, d, x, y] = item.transform as number[];
        const line = lines.get(Math.round(y!)) ?? { text: '', left: x!, size: Math.round(Math.hypot(c!, d!) * 10) / 10 };
        line.text += item.str;
        line.left = Math.min(line.left, x!);
        lines.set(Math.round(y!), line);
      }
      sheets.push(
        [...lines.entries()]
          .sort(([a], [b]) => b - a)
          .map(([, line]) => ({ ...line, text: comparable(line.text) }))
          .filter((line) => line.text),
      );
    }
    return sheets;
  });
}

/** Each sheet's lines, top to bottom, in the comparable form. */
export async function sheetLines(pdf: Uint8Array): Promise<string[][]> {
  return (await sheetLayout(pdf)).map((lines) => lines.map((line) => line.text));
}

/**
 * Sheets that open with the last one or two lines of a paragraph begun on the sheet before (a
 * widow): lines of body type at the text's left edge, before the first indented line. Body
 * type is the commonest size; a paragraph's first line is indented (2em, global.css).
 */
export function widowedSheets(sheets: readonly SheetLine[][]): number[] {
  const sizes = new Map<number, number>();
  for (const line of sheets.flat()) sizes.set(line.size, (sizes.get(line.size) ?? 0) + 1);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const edge = Math.min(
    ...sheets
      .flat()
      .filter((line) => line.size === body)
      .map((line) => line.left),
  );
  const widowed: number[] = [];
  sheets.forEach((lines, index) => {
    let carried = 0;
    for (const line of lines) {
      if (line.size !== body || Math.abs(line.left - edge) > 2) break;
      carried++;
    }
    if (index > 0 && carried > 0 && carried < 3) widowed.push(index + 1);
  });
  return widowed;
}

/** Draw every sheet to `folder/<name>-<n>.png` at 100 pixels an inch. */
export function drawSheets(pdf: Uint8Array, folder: string, name: string): Promise<void> {
  return withDocument(pdf, async (document) => {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 100 / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js types its canvas as the DOM's; @napi-rs/canvas draws the same calls in Node.
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      writeFileSync(join(folder, `${name}-${number}.png`), canvas.toBuffer('image/png'));
    }
  });
}
