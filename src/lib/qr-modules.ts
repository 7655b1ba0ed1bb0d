/**
 * A QR code's modules packed for a page to carry and its script to draw: a byte with the side,
 * then one bit a module, row by row, in base64. The code itself is made at build time by the
 * qrcode library (src/lib/print-qr.ts); the browser only paints it, so this file imports nothing.
 * About 210 bytes of gzipped HTML a page instead of 560 for the code as inline SVG.
 */
/** The light border drawn around a code, in modules: enough on a printed page with white margins. */
export const qrQuietZone = 1;

export interface QrModules {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** Where module `index` (row by row) lies in the packing: its byte, after the side, and its bit. */
const bitOf = (index: number) => ({ byte: 1 + (index >> 3), mask: 0x80 >> (index & 7) });

export function packQrModules(modules: QrModules): string {
  const { size } = modules;
  const bytes = new Uint8Array(1 + Math.ceil((size * size) / 8));
  bytes[0] = size;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const { byte, mask } = bitOf(row * size + column);
      if (modules.isDark(row, column)) bytes[byte]! |= mask;
    }
  }
  return btoa(String.fromCharCode(...bytes));
}

/** The modules packed by packQrModules; undefined for text that is not such a packing. */
export function unpackQrModules(packed: string): QrModules | undefined {
  let text: string;
  try {
    text = atob(packed);
  } catch {
    return undefined;
  }
  const size = text.charCodeAt(0);
  if (!size || text.length !== 1 + Math.ceil((size * size) / 8)) return undefined;
  return {
    size,
    isDark: (row, column) => {
      const { byte, mask } = bitOf(row * size + column);
      return (text.charCodeAt(byte) & mask) !== 0;
    },
  };
}

/** An SVG path of the dark modules as one stroke a run, `margin` modules in from the edge. */
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
