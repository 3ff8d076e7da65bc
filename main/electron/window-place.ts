// The window opens where it was closed (size, place, maximized), if that is still on a display;
// see window-state.ts for the checks. Kept in userData/window-state.json.

import { app, screen, type BrowserWindow } from 'electron'
import path from 'node:path'
import { readJsonFile, writeJsonFile } from './json-file'
import { WINDOW_SIZE } from './window-options'
import { parseWindowState, restoreWindowState } from './window-state'

const FILE_NAME = 'window-state.json'
/** Moving or resizing saves this long after it stops (and closing saves at once). */
const SAVE_DELAY_MS = 750

function file(): string {
  return path.join(app.getPath('userData'), FILE_NAME)
}

/** The bounds to create the window with, and whether to maximize it. */
export function savedWindowPlace(): ReturnType<typeof restoreWindowState> {
  const saved = parseWindowState(readJsonFile(file()))
  return restoreWindowState(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    WINDOW_SIZE,
  )
}

/** Saves the window's place as it changes and when it closes. */
export function rememberWindowPlace(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    clearTimeout(timer)
    if (window.isDestroyed() || window.isMinimized()) return
    try {
      writeJsonFile(file(), { bounds: window.getNormalBounds(), maximized: window.isMaximized() })
    } catch (error) {
      console.error(`[window] saving ${file()}: ${(error as Error).message}`)
    }
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('maximize', later)
  window.on('unmaximize', later)
  window.on('close', save)
}
