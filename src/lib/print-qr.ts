import QRCode, { type QRCodeSegment } from 'qrcode';

/**
 * How the QR code printed under an article is drawn: one byte-mode segment and a fixed mask.
 * Choosing the segments and the mask per code (the library's default) is most of the cost of
 * drawing ten thousand codes in a build, and a code with any mask scans.
 */
export const printQrSegments = (address: string): QRCodeSegment[] => [{ data: new TextEncoder().encode(address), mode: 'byte' }];
export const printQrOptions = { margin: 1, errorCorrectionLevel: 'M', maskPattern: 0 } as const;

/** The QR code of an article's address, as SVG, drawn at build time. */
export function printQrSvg(address: string): Promise<string> {
  return QRCode.toString(printQrSegments(address), { ...printQrOptions, type: 'svg' });
}
