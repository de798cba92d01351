// The window's size and place, kept between launches in a small JSON file in the app's user-data
// folder. A saved place that no longer lies on any screen (a monitor unplugged since) is dropped,
// so the window never opens out of sight.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the system place the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1360, height: 900, maximized: false };
// Below this the app's screens cannot be used.
export const MIN_WINDOW = { width: 800, height: 560 };

const saved = z.object({
  width: z.number().int().min(MIN_WINDOW.width).max(100_000),
  height: z.number().int().min(MIN_WINDOW.height).max(100_000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean(),
});

/** Whether enough of the window's title bar (its top 40 px, 100 px across) lies on one of the screens. */
function reachable(state: Required<Pick<WindowState, 'x' | 'y'>> & WindowState, workAreas: readonly Rect[]): boolean {
  return workAreas.some((a) => {
    const left = Math.max(a.x, state.x);
    const right = Math.min(a.x + a.width, state.x + state.width);
    const top = Math.max(a.y, state.y);
    const bottom = Math.min(a.y + a.height, state.y + 40);
    return right - left >= 100 && bottom - top > 0;
  });
}

/** The state to open with: the saved one where it is valid, its size alone when its place is off every screen, else the default. */
export function windowStateToOpen(text: string | null, workAreas: readonly Rect[]): WindowState {
  let parsed: z.infer<typeof saved>;
  try {
    const result = saved.safeParse(JSON.parse(text ?? ''));
    if (!result.success) return DEFAULT_WINDOW;
    parsed = result.data;
  } catch {
    return DEFAULT_WINDOW;
  }
  const { x, y, ...size } = parsed;
  if (x === undefined || y === undefined || !reachable({ ...parsed, x, y }, workAreas)) return size;
  return parsed;
}

export function readWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // First launch: no file yet.
  }
  return windowStateToOpen(text, workAreas);
}

/** `bounds` are the window's normal (not maximised) bounds, so un-maximising restores them. */
export function writeWindowState(file: string, bounds: Rect, maximized: boolean): void {
  const state: WindowState = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized };
  try {
    writeFileSync(file, JSON.stringify(state) + '\n');
  } catch {
    // Not worth failing a quit over: the next launch opens at the default size.
  }
}
