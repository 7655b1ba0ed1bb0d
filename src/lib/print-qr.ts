/**
 * The QR code printed under an article, made by the page's script from the article's address
 * (src/scripts/print-qr.ts): carried in every page as modules, it cost about 210 bytes of
 * gzipped HTML a page, the one part of a brief's page that does not compress; the encoder is
 * 2 KB of script fetched once. Error correction M, as a printed page may be creased or stained.
 */
import { correction, generate } from 'lean-qr/nano';

/** The light border drawn around a code, in modules: enough on a printed page with white margins. */
export const qrQuietZone = 1;

export interface QrModules {
  size: number;
  isDark(row: number, column: number): boolean;
}

export function printQrModules(address: string): QrModules {
  const code = generate(address, { minCorrectionLevel: correction.M });
  return { size: code.size, isDark: (row, column) => code.get(column, row) };
}

/**
 * An SVG path of the dark modules as one stroke a run, `margin` modules in from the edge. Not
 * lean-qr's `toSvgPath`: only its full build has it, about 1.5 KB more gzipped script on every article page.
 */
export function qrSvgPath(modules: QrModules, margin: number): string {
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.isDark(row, column);
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push(`M${start + margin} ${row + margin + 0.5}h${column - start}`);
        start = -1;
      }
    }
  }
  return runs.join('');
}
