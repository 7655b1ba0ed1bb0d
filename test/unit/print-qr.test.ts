import jsQR from 'jsqr';
import { expect, test } from 'vitest';
import { printQrModules, qrQuietZone, qrSvgPath, type QrModules } from '../../src/lib/print-qr.ts';

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
  // An address with a Chinese path, as a base path may have: percent-encoded by URL.
  new URL('https://dangjian.example.cn/机关党建/articles/jineng-biwu/').href,
];

test.each(addresses)('the code of %s scans back to the address', (address) => {
  expect(scan(printQrModules(address))).toBe(address);
});

test.each(addresses)('the drawn path of %s covers exactly the dark modules', (address) => {
  const modules = printQrModules(address);
  const drawn = pathModules(qrSvgPath(modules, qrQuietZone), modules.size);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++)
      expect(drawn.isDark(row, column), `${row},${column}`).toBe(modules.isDark(row, column));
  }
});

test('the code corrects errors at level M at least, for a creased or stained printed page', () => {
  // 49 bytes: version 3 holds 53 bytes at level L but only 42 at M, so a code at M or above is
  // of version 4 (33 modules a side) or more, and one that fell back to L would be of 29.
  const address = 'https://dangjian.example.cn/articles/jineng-biwu/';
  expect(new TextEncoder().encode(address).length).toBe(49);
  expect(printQrModules(address).size).toBeGreaterThanOrEqual(33);
});
