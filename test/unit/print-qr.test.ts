import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { expect, test } from 'vitest';
import { printQrOptions, printQrSegments, printQrSvg } from '../../src/lib/print-qr.ts';

/** Draw a code's modules as an RGBA image, 4 pixels a module, with a quiet zone, and read it back. */
function scan(address: string): string | undefined {
  const { modules } = QRCode.create(printQrSegments(address), printQrOptions);
  const scale = 4;
  const quiet = 4;
  const side = (modules.size + quiet * 2) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
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

test.each(['https://dangjian.example.cn/articles/jineng-biwu/', 'https://example.cn/dangjian/articles/shen-ji-ju-shu-ji-xiang-mu-1a2b3c4d/'])(
  'the printed code of %s scans back to the address',
  (address) => {
    expect(scan(address)).toBe(address);
  },
);

test('is drawn as SVG', async () => {
  expect(await printQrSvg('https://dangjian.example.cn/articles/jineng-biwu/')).toMatch(/^<svg [^>]*viewBox/);
});
