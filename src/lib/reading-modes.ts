/** The reader's display choices, remembered across pages. */
export interface ReadingModes {
  /** Text size step: 0 is normal; -1 smaller; 1, 2, 3 larger (适老化). */
  size: number;
  contrast: boolean;
}

/**
 * The controls' words. The script draws the controls (they do nothing without it), so these
 * are kept apart from the rest of the UI text, which would otherwise go into every page's script.
 */
export const modeStrings = {
  label: '阅读设置',
  smaller: '缩小字号',
  normal: '标准字号',
  larger: '放大字号',
  contrast: '高对比度',
} as const;

export const sizeSteps = { min: -1, max: 3 } as const;
export const modesKey = 'bulletin-reading-modes';

/** The stored modes, or the defaults when there are none or they are damaged. */
export function readModes(stored: string | null): ReadingModes {
  try {
    const value = JSON.parse(stored ?? '') as Partial<ReadingModes>;
    const size = Number.isInteger(value.size) ? Math.min(sizeSteps.max, Math.max(sizeSteps.min, value.size!)) : 0;
    return { size, contrast: value.contrast === true };
  } catch {
    return { size: 0, contrast: false };
  }
}
