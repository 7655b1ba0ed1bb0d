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

/** Each sheet's lines, top to bottom, in the comparable form. */
export function sheetLines(pdf: Uint8Array): Promise<string[][]> {
  return withDocument(pdf, async (document) => {
    const sheets: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const lines = new Map<number, string>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // Runs on one baseline make one line; PDF's y grows upwards.
        const y = Math.round(item.transform[5] as number);
        lines.set(y, (lines.get(y) ?? '') + item.str);
      }
      sheets.push(
        [...lines.entries()]
          .sort(([a], [b]) => b - a)
          .map(([, text]) => comparable(text))
          .filter(Boolean),
      );
    }
    return sheets;
  });
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
