// One ipcMain.handle per call of the contract. Each checks who is asking before anything else
// (GitHub Desktop's trusted-ipc-sender.ts, Fiddle's ipc.ts): the sender must be a window this app
// created, showing our own renderer. Arguments then go through validate-args via dispatchCall.

import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CallError, withCodePrefix } from '../../common/call-errors'
import { CALL_NAMES, ipcChannel } from '../../common/ipc-contract'
import { dispatchCall, type ShellCalls } from '../services/dispatch-call'
import type { ServiceCalls } from '../services/service-types'
import { isRendererUrl } from './renderer-url'
import { isOurWindow } from './window'

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  // senderFrame is null once the frame navigated away or was destroyed.
  const frame = event.senderFrame
  if (!frame || !isRendererUrl(frame.url)) return false
  return isOurWindow(BrowserWindow.fromWebContents(event.sender))
}

export function setupIpcHandlers(service: ServiceCalls, shell: ShellCalls): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        console.warn(`[ipc] refused ${name} from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
        throw new Error(`${name} refused: not asked by an Ashiato window`)
      }
      // ipcRenderer.invoke keeps only an error's message: a coded one carries its code in it.
      return dispatchCall(service, shell, name, args).catch((error: unknown) => {
        throw error instanceof CallError ? new Error(withCodePrefix(error)) : error
      })
    })
  }
}
