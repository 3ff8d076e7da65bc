// The one AshiatoService of the desktop app, its pushes forwarded to every window, and the paths
// waiting to be opened. Paths from the command line, a second launch or the Finder can arrive
// before the page has subscribed to pushes; they wait until it has, so no progress is lost. Then
// they go to the page as File ▸ Open Recent's do (menuCommand openPaths): with events loaded, it
// asks whether they join this investigation or start a new one (renderer/state/load-choice.ts).

import path from 'node:path'
import { app } from 'electron'
import { ipcChannel, type AshiatoPushes, type LoadStarted } from '../../common/ipc-contract'
import { resolveS3CacheDir } from '../s3/cache-dir'
import { AshiatoService } from '../services/ashiato-service'
import type { PushListener } from '../services/service-types'
import { noteOpened } from './recent'
import { allWindows } from './window'
import { testRuleSources } from '../rules/rule-sources'

/** The Finder sends one open-file per selected file: gather those into one load. */
const GATHER_MS = 50

/** The desktop's service: every path it opens (dialog, drop, command line, Finder) goes to Open Recent. */
class DesktopService extends AshiatoService {
  override async loadPaths(paths: string[]): Promise<LoadStarted> {
    noteOpened(paths)
    return super.loadPaths(paths)
  }
}

let service: AshiatoService | null = null
let rendererReady = false
let waiting: string[] = []
let flushTimer: NodeJS.Timeout | null = null

const forwardToWindows: PushListener = (name, payload) => {
  for (const window of allWindows()) {
    // A window being closed still exists for a moment after its page is gone.
    if (!window.webContents.isDestroyed()) window.webContents.send(ipcChannel(name), payload)
  }
}

export function getService(): AshiatoService {
  if (!service) {
    // S3 downloads are kept in the app's own folder (ASHIATO_CACHE_DIR overrides it).
    const s3CacheDir = resolveS3CacheDir(undefined, process.env, () => path.join(app.getPath('userData'), 's3-cache'))
    // "Update rules" keeps the published rule sets in the app's own folder too.
    service = new DesktopService({ s3: { cacheDir: s3CacheDir }, detect: { rulesUpdate: { dataDir: app.getPath('userData'), ...testRuleSources() } } })
    service.onPush(forwardToWindows)
  }
  return service
}

export async function disposeService(): Promise<void> {
  await service?.dispose()
}

function flush(): void {
  flushTimer = null
  if (!rendererReady || waiting.length === 0) return
  const paths = waiting
  waiting = []
  const payload: AshiatoPushes['menuCommand'] = { command: 'openPaths', paths }
  forwardToWindows('menuCommand', payload)
}

/** Opens these paths in the page as soon as it is ready (it loads them, asking first when events are loaded). */
export function openPaths(paths: string[]): void {
  if (paths.length === 0) return
  waiting.push(...paths)
  flushTimer ??= setTimeout(flush, GATHER_MS)
}

/** A page finished loading (true), or the last window closed (false: wait for the next page). */
export function setRendererReady(ready: boolean): void {
  rendererReady = ready
  if (ready) flushTimer ??= setTimeout(flush, GATHER_MS)
}
