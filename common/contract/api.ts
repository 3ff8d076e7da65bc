// What the renderer holds: the calls and the push listeners together, and their IPC channels.

import type { LoadStarted } from './loading'
import type { AshiatoCalls, CallName } from './calls'
import type { AshiatoListeners, PushName } from './pushes'

/**
 * What the renderer sees as `window.ashiato` (Electron preload) or builds over a WebSocket
 * (web mode): the calls, a listener per push that returns its unsubscribe, and how dropped
 * files reach the services in this shell.
 */
export type AshiatoApi = AshiatoCalls &
  AshiatoListeners & {
    /** Electron only: the path of a dropped File (webUtils.getPathForFile). */
    pathForFile?(file: File): string
    /** Web mode only: send picked or dropped files' bytes to the server and load them. */
    uploadFiles?(files: File[]): Promise<LoadStarted>
  }

/** Electron IPC channel of a call or push. */
export function ipcChannel(name: CallName | PushName): string {
  return `ashiato:${name}`
}
