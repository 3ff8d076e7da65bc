// The app's window and the rules every web page in it lives by: no Node in the renderer, a
// sandboxed and isolated preload, no new windows, no navigation away from our files, and no
// permission requests granted (Electron's security checklist; Fiddle's windows.ts; VS Code).

import { BrowserWindow, app, session, shell } from 'electron'
import path from 'node:path'
import { isAllowedExternalUrl } from './external-links'
import { RENDERER_URL, isRendererUrl } from './renderer-url'
import { mainWindowOptions, permissionAllowed } from './window-options'
import { rememberWindowPlace, savedWindowPlace } from './window-place'

const windows = new Set<BrowserWindow>()

/** Windows this app created: IPC is answered for these only. */
export function isOurWindow(window: BrowserWindow | null): boolean {
  return window !== null && windows.has(window)
}

export function allWindows(): BrowserWindow[] {
  return [...windows].filter((window) => !window.isDestroyed())
}

export function mainWindow(): BrowserWindow | null {
  return allWindows()[0] ?? null
}

/** Links the UI renders (AWS documentation) open in the browser; anything else goes nowhere. */
function openOutside(url: string): void {
  if (isAllowedExternalUrl(url)) {
    shell.openExternal(url).catch((error: Error) => console.error(`[window] opening ${url}: ${error.message}`))
  } else {
    console.warn(`[window] blocked navigation to ${url}`)
  }
}

/**
 * Once, after ready: no page in the default session gets a permission (camera, notifications...),
 * except our own renderer writing text to the clipboard (window-options.ts).
 */
export function setupSessionSecurity(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)))
  session.defaultSession.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin))
}

export interface WindowHooks {
  /** The page has loaded and subscribed to pushes: paths may be loaded now. */
  onRendererReady(window: BrowserWindow): void
}

export function createMainWindow(hooks: WindowHooks): BrowserWindow {
  // Where it was last closed, if that is still on a display (window-state.ts).
  const place = savedWindowPlace()
  const options = mainWindowOptions(path.join(__dirname, '..', 'preload', 'preload.cjs'), app.getName(), place.bounds)
  const window = new BrowserWindow({
    ...options,
    // The values of window-options.ts (unit-tested there), spelled out again where static
    // checkers look for them (npm run security: Electronegativity reads this call).
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  })
  rememberWindowPlace(window)
  windows.add(window)
  window.on('closed', () => windows.delete(window))
  window.once('ready-to-show', () => {
    // maximize() shows the window by itself: only now, so there is no white flash first.
    if (place.maximized) window.maximize()
    window.show()
  })

  const contents = window.webContents
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    // The renderer is one page; nothing it does should replace it (a dropped file's URL, a link).
    event.preventDefault()
    if (!isRendererUrl(url)) openOutside(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isRendererUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('did-finish-load', () => hooks.onRendererReady(window))
  contents.on('render-process-gone', (_event, details) => console.error(`[window] renderer gone: ${details.reason}`))

  window.loadURL(RENDERER_URL).catch((error: Error) => console.error(`[window] loading ${RENDERER_URL}: ${error.message}`))
  return window
}

/** Brings the window to the front (a second launch, a file opened from the Finder). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
