/**
 * 字号 and 高对比度: the reader's choices apply to <html> and are remembered, so every page
 * opens the way an older reader set it. Without script the controls stay hidden.
 */
import { modesKey, readModes, sizeSteps, type ReadingModes } from '../lib/reading-modes.ts';

const root = document.documentElement;
let modes = readModes(localStorage.getItem(modesKey));

function apply(next: ReadingModes): void {
  modes = next;
  root.dataset['size'] = String(modes.size);
  root.dataset['contrast'] = modes.contrast ? 'high' : 'normal';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode-size]')) {
    button.setAttribute('aria-pressed', String(Number(button.dataset['modeSize']) === modes.size));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode-size-step]')) {
    const step = Number(button.dataset['modeSizeStep']);
    button.disabled = modes.size + step < sizeSteps.min || modes.size + step > sizeSteps.max;
  }
  document.querySelector('[data-mode-contrast]')?.setAttribute('aria-pressed', String(modes.contrast));
}

function save(next: ReadingModes): void {
  apply(next);
  try {
    localStorage.setItem(modesKey, JSON.stringify(next));
  } catch {
    // private browsing: the choice holds for this page only
  }
}

apply(modes);
document.querySelector<HTMLElement>('[data-reading-modes]')?.removeAttribute('hidden');
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button');
  if (!button) return;
  if (button.dataset['modeSizeStep']) save({ ...modes, size: Math.min(sizeSteps.max, Math.max(sizeSteps.min, modes.size + Number(button.dataset['modeSizeStep']))) });
  else if (button.dataset['modeSize'] !== undefined) save({ ...modes, size: Number(button.dataset['modeSize']) });
  else if (button.dataset['modeContrast'] !== undefined) save({ ...modes, contrast: !modes.contrast });
});
