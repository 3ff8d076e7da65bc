// The rules every page in an Ashiato window lives by, as plain data and pure functions, so the
// security tests read them directly (tests/unit/electron-security.test.ts): no Node in the
// renderer, a sandboxed and isolated preload, no webviews, and no permission granted except
// writing text to the clipboard from our own page (Electron's security checklist, items 2-5, 9).

import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { isRendererUrl } from './renderer-url'

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  // A middle-click on a link asks for a new window; the window-open handler refuses it anyway.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences

export const WINDOW_SIZE = { width: 1400, height: 900, minWidth: 720, minHeight: 480 } as const

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/** The main window's options: its place (remembered, see window-state.ts) and the secure preferences. */
export function mainWindowOptions(preload: string, title: string, bounds: WindowBounds = WINDOW_SIZE): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    title,
    show: false, // until ready-to-show: no white flash
    backgroundColor: '#1e1e1e',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload },
  }
}

/**
 * Whether a page may have a permission. Only one is ever granted: writing text to the clipboard
 * (navigator.clipboard.writeText, the viewer's copy buttons), and only to our own renderer.
 * Camera, notifications, geolocation, reading the clipboard... are all refused.
 */
export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && typeof requestingUrl === 'string' && isRendererUrl(requestingUrl)
}
