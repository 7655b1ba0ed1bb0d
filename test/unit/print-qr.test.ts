import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { expect, test } from 'vitest';
import { printQrOptions, printQrPacked, printQrSegments } from '../../src/lib/print-qr.ts';
import { qrQuietZone, qrSvgPath, unpackQrModules, type QrModules } from '../../src/lib/qr-modules.ts';

/** Paint modules as an RGBA image, 4 pixels a module, with a quiet zone, and read it back. */
function scan(modules: QrModules): string | undefined {
  const scale = 4;
  const quiet = 4;
  const side = (modules.size + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.isDark(row, column)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const offset = (((row + quiet) * scale + y) * side + (column + quiet) * scale + x) * 4;
          pixels.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}

/** The modules an SVG path of qrSvgPath covers, read back from its runs. */
function pathModules(path: string, size: number): QrModules {
  const dark = new Set<string>();
  for (const [, x, y, length] of path.matchAll(/M(\d+) (\d+(?:\.5)?)h(\d+)/g)) {
    const row = Number(y) - 0.5 - qrQuietZone;
    for (let column = Number(x) - qrQuietZone; column < Number(x) - qrQuietZone + Number(length); column++) dark.add(`${row},${column}`);
  }
  return { size, isDark: (row, column) => dark.has(`${row},${column}`) };
}

const addresses = [
  'https://dangjian.example.cn/articles/jineng-biwu/',
  'https://example.cn/dangjian/articles/shen-ji-ju-shu-ji-xiang-mu-1a2b3c4d/',
  // Long enough for a code of version 7 and more, which carries version information.
  `https://dangjian.example.cn/articles/${'shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju-'.repeat(3)}2024/`,
];

test.each(addresses)('the packed code of %s is the library’s code, module for module, and scans back', (address) => {
  const { modules } = QRCode.create(printQrSegments(address), printQrOptions);
  const unpacked = unpackQrModules(printQrPacked(address))!;
  expect(unpacked.size).toBe(modules.size);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) expect(unpacked.isDark(row, column), `${row},${column}`).toBe(Boolean(modules.get(row, column)));
  }
  expect(scan(unpacked)).toBe(address);
});

test.each(addresses)('the drawn path of %s covers exactly the dark modules', (address) => {
  const unpacked = unpackQrModules(printQrPacked(address))!;
  const drawn = pathModules(qrSvgPath(unpacked, qrQuietZone), unpacked.size);
  for (let row = 0; row < unpacked.size; row++) {
    for (let column = 0; column < unpacked.size; column++) expect(drawn.isDark(row, column)).toBe(unpacked.isDark(row, column));
  }
});

test.each(['', 'not base64!', btoa('\u0015short')])('text that is no packed code (%j) unpacks to nothing', (text) => {
  expect(unpackQrModules(text)).toBeUndefined();
});
