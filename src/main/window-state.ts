// The window's size and place, remembered between runs in the user-data folder. A saved place
// that no longer lies on any screen (a monitor unplugged) is dropped, so the window never opens
// out of sight.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const FILE = () => path.join(app.getPath('userData'), 'window-state.json');

const State = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
type State = z.infer<typeof State>;

export function loadWindowState(): Partial<Rectangle> & { maximized?: boolean } {
  try {
    const state = State.parse(JSON.parse(readFileSync(FILE(), 'utf8')));
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return (
        state.x < a.x + a.width &&
        state.x + state.width > a.x &&
        state.y < a.y + a.height &&
        state.y + state.height > a.y
      );
    });
    return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
  } catch {
    return { width: 1400, height: 900 };
  }
}

export function rememberWindowState(window: BrowserWindow): void {
  const save = () => {
    const bounds = window.getNormalBounds();
    const state: State = { ...bounds, maximized: window.isMaximized() };
    try {
      writeFileSync(FILE(), JSON.stringify(state));
    } catch {
      // Not being able to remember the window's place is no reason to fail closing it.
    }
  };
  window.on('close', save);
}
