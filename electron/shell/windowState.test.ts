import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, windowStateToOpen } from './windowState';

const laptop = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const saved = (state: object) => JSON.stringify(state);

describe('windowStateToOpen', () => {
  it('reopens where and as large as the window was', () => {
    const state = { x: 40, y: 30, width: 1500, height: 1000, maximized: true };
    expect(windowStateToOpen(saved(state), laptop)).toEqual(state);
  });

  it('keeps the size but lets the system place a window saved on a screen that is gone', () => {
    const onUnpluggedMonitor = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(windowStateToOpen(saved(onUnpluggedMonitor), laptop)).toEqual({ width: 1400, height: 900, maximized: false });
    // Its title bar just above the screen's top edge: out of reach too.
    expect(windowStateToOpen(saved({ ...onUnpluggedMonitor, x: 100, y: -60 }), laptop)).toEqual({ width: 1400, height: 900, maximized: false });
    expect(windowStateToOpen(saved({ ...onUnpluggedMonitor, x: 100, y: 0 }), laptop)).toMatchObject({ x: 100, y: 0 });
  });

  it('opens at the default size on a first launch, a damaged file or an unusable size', () => {
    expect(windowStateToOpen(null, laptop)).toEqual(DEFAULT_WINDOW);
    expect(windowStateToOpen('{"width": 1400', laptop)).toEqual(DEFAULT_WINDOW);
    expect(windowStateToOpen(saved({ width: 300, height: 200, maximized: false }), laptop)).toEqual(DEFAULT_WINDOW);
    expect(windowStateToOpen(saved({ width: '1400', height: 900, maximized: false }), laptop)).toEqual(DEFAULT_WINDOW);
  });
});
