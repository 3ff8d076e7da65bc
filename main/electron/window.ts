// The app's window: no Node in the renderer, a sandboxed and isolated preload, its place
// remembered, and its renderer reloaded when it dies. The rules every page lives by (no new
// windows, no navigation, no <webview>, no permissions) are applied app-wide, to every webContents,
// by web-contents-guard.ts (Electron's security checklist; Fiddle's windows.ts; VS Code).

import { BrowserWindow, app, dialog, session } from 'electron'
import path from 'node:path'
import { crashReasonText, formatMessage, MESSAGES, type Language } from '../../common/i18n'
import { CrashRecovery } from './crash-recovery'
import { RENDERER_URL } from './renderer-url'
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
  /** The UI's language (shell-language.ts), for what the window says when its page cannot. */
  language(): Language
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

  // Links, navigation, new windows, <webview> and permissions: web-contents-guard.ts, app-wide.
  const contents = window.webContents
  contents.on('did-finish-load', () => hooks.onRendererReady(window))
  const recovery = new CrashRecovery()
  contents.on('render-process-gone', (_event, details) => recoverRenderer(window, recovery, details, hooks.language()))

  window.loadURL(RENDERER_URL).catch((error: Error) => console.error(`[window] loading ${RENDERER_URL}: ${error.message}`))
  return window
}

/**
 * A dead renderer leaves a blank window: reload it (the loaded set lives in main, so nothing is
 * lost) with a notice the page shows; stop after a crash loop and say so (crash-recovery.ts).
 */
function recoverRenderer(window: BrowserWindow, recovery: CrashRecovery, details: Electron.RenderProcessGoneDetails, language: Language): void {
  const decision = recovery.decide(details.reason)
  console.error(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode}): ${decision.action}`)
  if (window.isDestroyed()) return
  if (decision.action === 'reload') {
    window.loadURL(decision.url).catch((error: Error) => console.error(`[window] reloading after a crash: ${error.message}`))
  } else if (decision.action === 'give-up') {
    const t = MESSAGES[language]
    void dialog.showMessageBox(window, { type: 'error', title: app.getName(), message: formatMessage(t.rendererCrashLoop, { n: decision.crashes, reason: crashReasonText(decision.reason, t) }) })
  }
}

/** Brings the window to the front (a second launch, a file opened from the Finder). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
