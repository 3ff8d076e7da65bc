// What the renderer holds: the calls and the push listeners together, built the same way by both
// transports (preload/preload.ts over Electron IPC, renderer/api/web-api.ts over a WebSocket).

import type { LoadStarted } from './loading'
import { CALL_NAMES, type AshiatoCalls, type CallName } from './calls'
import { PUSH_NAMES, listenerName, type AshiatoListeners, type PushName } from './pushes'

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

type Forward = (...args: unknown[]) => Promise<unknown>
type Subscribe = (listener: (payload: unknown) => void) => () => void

/**
 * Every call as a function that hands its name and arguments to `send` (which answers with
 * whatever main answered). A transport cannot forget a call: the list is the contract's.
 */
export function forwardCalls(send: (name: CallName, args: unknown[]) => Promise<unknown>): AshiatoCalls {
  const calls = new Map<CallName, Forward>(CALL_NAMES.map((name) => [name, (...args: unknown[]) => send(name, args)]))
  // The contract's one unchecked step, kept here: a function that forwards whatever arguments it
  // gets has every call's signature, and main checks the arguments against the schemas.
  return Object.fromEntries(calls) as unknown as AshiatoCalls
}

/** Every push's on<Name> helper, subscribing through `subscribe` (which returns the unsubscribe). */
export function forwardListeners(subscribe: (name: PushName, listener: (payload: unknown) => void) => () => void): AshiatoListeners {
  const helpers = new Map<string, Subscribe>(PUSH_NAMES.map((name) => [listenerName(name), (listener: (payload: unknown) => void) => subscribe(name, listener)]))
  return Object.fromEntries(helpers) as unknown as AshiatoListeners
}

/** Electron IPC channel of a call or push. */
export function ipcChannel(name: CallName | PushName): string {
  return `ashiato:${name}`
}
