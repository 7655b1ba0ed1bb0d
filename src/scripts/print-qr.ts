/**
 * Draws the QR code printed under an article from the address its holder names (data-qr), as
 * SVG, when the page loads (a code drawn only once printing begins could miss the printed copy).
 * Only article pages load this script, and with it the encoder: 2 KB, fetched once.
 */
import { printQrModules, qrQuietZone, qrSvgPath } from '../lib/print-qr.ts';

const svgNamespace = 'http://www.w3.org/2000/svg';

for (const holder of document.querySelectorAll<HTMLElement>('[data-qr]')) {
  const address = holder.dataset['qr'];
  if (!address) continue;
  const modules = printQrModules(address);
  const side = modules.size + qrQuietZone * 2;
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const path = document.createElementNS(svgNamespace, 'path');
  path.setAttribute('stroke', '#000');
  path.setAttribute('d', qrSvgPath(modules, qrQuietZone));
  svg.append(path);
  holder.append(svg);
}
