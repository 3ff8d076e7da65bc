// The sandboxed preload: builds `window.ashiato` from the contract (forwardCalls and
// forwardListeners in common/contract/api.ts). Each call is its own named function bound to its own channel, and each push gets an on<Name> helper; the renderer
// never sees ipcRenderer, a generic invoke(channel), or the IPC event object (Electron security
// checklist, item 20). Bundled to one CommonJS file that requires nothing but 'electron'.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { forwardCalls, forwardListeners, ipcChannel, type AshiatoApi, type CallName, type PushName } from '../common/ipc-contract'
import { cleanIpcError } from './ipc-error'

async function invoke(name: CallName, args: unknown[]): Promise<unknown> {
  try {
    return await ipcRenderer.invoke(ipcChannel(name), ...args)
  } catch (error) {
    throw cleanIpcError(error)
  }
}

function subscribe(name: PushName, listener: (payload: unknown) => void): () => void {
  const channel = ipcChannel(name)
  const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api: AshiatoApi = {
  ...forwardCalls(invoke),
  ...forwardListeners(subscribe),
  // A dropped File's path on disk; main reads it (drops never send bytes over IPC).
  pathForFile: (file: File) => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld('ashiato', api)
