/**
 * 字号 and 高对比度: the reader's choices apply to <html> and are remembered, so every page
 * opens the way an older reader set it. The controls are drawn here; without script there are none.
 */
import { modeStrings, modesKey, readModes, sizeSteps, type ReadingModes } from '../lib/reading-modes.ts';

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

/**
 * A button showing `text`. Its name, when it says more (A- 缩小字号), starts with what it shows, so
 * that a voice-control user who says the label they see (WCAG 2.5.3) reaches it.
 */
function modeButton(text: string, data: Record<string, string>, explanation?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  Object.assign(element.dataset, data);
  if (explanation) element.setAttribute('aria-label', `${text} ${explanation}`);
  return element;
}

function drawControls(group: HTMLElement): void {
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', modeStrings.label);
  group.append(
    modeButton('A-', { modeSizeStep: '-1' }, modeStrings.smaller),
    modeButton('A', { modeSize: '0' }, modeStrings.normal),
    modeButton('A+', { modeSizeStep: '1' }, modeStrings.larger),
    modeButton(modeStrings.contrast, { modeContrast: '' }),
  );
  group.hidden = false;
}

const group = document.querySelector<HTMLElement>('[data-reading-modes]');
if (group) drawControls(group);
apply(modes);
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button');
  if (!button) return;
  if (button.dataset['modeSizeStep'])
    save({ ...modes, size: Math.min(sizeSteps.max, Math.max(sizeSteps.min, modes.size + Number(button.dataset['modeSizeStep']))) });
  else if (button.dataset['modeSize'] !== undefined) save({ ...modes, size: Number(button.dataset['modeSize']) });
  else if (button.dataset['modeContrast'] !== undefined) save({ ...modes, contrast: !modes.contrast });
});
