// The sandboxed preload: builds `window.ashiato` from the contract's lists. Each call is its own
// named function bound to its own channel, and each push gets an on<Name> helper; the renderer
// never sees ipcRenderer, a generic invoke(channel), or the IPC event object (Electron security
// checklist, item 20). Bundled to one CommonJS file that requires nothing but 'electron'.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  CALL_NAMES,
  PUSH_NAMES,
  ipcChannel,
  listenerName,
  type AshiatoApi,
  type AshiatoCalls,
  type AshiatoListeners,
  type CallName,
  type PushName,
} from '../common/ipc-contract'
import { cleanIpcError } from './ipc-error'

function callFor(name: CallName) {
  const channel = ipcChannel(name)
  return async (...args: unknown[]): Promise<unknown> => {
    try {
      return await ipcRenderer.invoke(channel, ...args)
    } catch (error) {
      throw cleanIpcError(error)
    }
  }
}

function listenerFor(name: PushName) {
  const channel = ipcChannel(name)
  return (listener: (payload: unknown) => void): (() => void) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  }
}

const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, callFor(name)])) as unknown as AshiatoCalls
const listeners = Object.fromEntries(PUSH_NAMES.map((name) => [listenerName(name), listenerFor(name)])) as unknown as AshiatoListeners

const api: AshiatoApi = {
  ...calls,
  ...listeners,
  // A dropped File's path on disk; main reads it (drops never send bytes over IPC).
  pathForFile: (file: File) => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld('ashiato', api)
