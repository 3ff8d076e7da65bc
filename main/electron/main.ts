// The desktop app's entry. Start-up is a short list of setup steps (as in Electron Fiddle's
// main.ts); what each does lives in its own file.

import { app } from 'electron'
import { setupAppProtocol, setupAppScheme } from './app-protocol'
import { disposeService, getService, openPaths, setRendererReady } from './app-service'
import { setupIpcHandlers } from './ipc-handlers'
import { pathsFromAdditionalData, pathsFromArgv } from './launch-paths'
import { refreshMenu, setupMenu } from './menu'
import { setupRecentFiles } from './recent'
import { electronShellCalls } from './shell-calls'
import { ShellLanguage } from './shell-language'
import { setupWebContentsGuard } from './web-contents-guard'
import { allWindows, createMainWindow, focusWindow, mainWindow, setupSessionSecurity } from './window'

/** Tests run each app with a fresh profile (and so their own single-instance lock). */
function setupUserDataOverride(): void {
  const dir = process.env.ASHIATO_USER_DATA_DIR
  if (dir) app.setPath('userData', dir)
}

function launchPaths(argv: readonly string[], cwd: string): string[] {
  // `electron . a.json` has the app's folder first; the packaged app does not.
  return pathsFromArgv(argv, { skipAppPath: process.defaultApp === true, cwd })
}

// The language the page last told main (setShellLanguage): the menu and the crash notice use it.
const language = new ShellLanguage(() => app.getLocale())

function openWindow(): void {
  createMainWindow({ onRendererReady: () => setRendererReady(true), language: () => language.current() })
}

/** A second launch hands its paths to this instance and quits; returns false in that second one. */
function setupSingleInstance(): boolean {
  const paths = launchPaths(process.argv, process.cwd())
  if (!app.requestSingleInstanceLock({ paths })) return false
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    openPaths(pathsFromAdditionalData(additionalData) ?? launchPaths(argv, workingDirectory))
    focusWindow(mainWindow())
  })
  openPaths(paths)
  return true
}

/** macOS: files opened from the Finder or dropped on the Dock icon; sent before 'ready' on a cold start. */
function setupOpenFileEvents(): void {
  app.on('open-file', (event, file) => {
    event.preventDefault()
    openPaths([file])
    if (app.isReady() && allWindows().length === 0) openWindow()
    focusWindow(mainWindow())
  })
}

function setupLifecycle(): void {
  app.on('window-all-closed', () => {
    setRendererReady(false)
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (allWindows().length === 0) openWindow()
  })
  app.on('will-quit', () => {
    disposeService().catch((error: Error) => console.error(`[app] stopping the service: ${error.message}`))
  })
}

async function startWhenReady(): Promise<void> {
  await app.whenReady()
  setupSessionSecurity()
  await setupAppProtocol()
  const service = getService()
  setupIpcHandlers(service, electronShellCalls(service, language))
  setupRecentFiles(refreshMenu)
  setupMenu(language)
  openWindow()
}

setupUserDataOverride()
if (!setupSingleInstance()) {
  app.quit()
} else {
  setupAppScheme()
  setupWebContentsGuard()
  setupOpenFileEvents()
  setupLifecycle()
  startWhenReady().catch((error: unknown) => {
    console.error('[app] start-up failed:', error)
    app.exit(1)
  })
}
