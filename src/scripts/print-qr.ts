/**
 * Draws the QR code printed under an article from the modules the page carries (data-qr), as
 * SVG: only a printed copy shows it, and drawing it here keeps its markup out of every page.
 */
import { qrQuietZone, qrSvgPath, unpackQrModules } from '../lib/qr-modules.ts';

const svgNamespace = 'http://www.w3.org/2000/svg';

for (const holder of document.querySelectorAll<HTMLElement>('[data-qr]')) {
  const modules = unpackQrModules(holder.dataset['qr'] ?? '');
  if (!modules) continue;
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
