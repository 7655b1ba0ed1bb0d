import QRCode, { type QRCodeSegment } from 'qrcode';
import { packQrModules } from './qr-modules.ts';

/**
 * How the QR code printed under an article is drawn: one byte-mode segment and a fixed mask.
 * Choosing the segments and the mask per code (the library's default) is most of the cost of
 * drawing ten thousand codes in a build, and a code with any mask scans.
 */
export const printQrSegments = (address: string): QRCodeSegment[] => [{ data: new TextEncoder().encode(address), mode: 'byte' }];
export const printQrOptions = { errorCorrectionLevel: 'M', maskPattern: 0 } as const;

/** The QR code of an article's address, made at build time, packed for the page's script to draw. */
export function printQrPacked(address: string): string {
  const { modules } = QRCode.create(printQrSegments(address), printQrOptions);
  return packQrModules({ size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) });
}
