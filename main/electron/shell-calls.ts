// The calls the desktop shell answers itself: app info, the native Open dialog and the system
// browser. (Web mode's versions are in main/web/web-server.ts.)

import { app, dialog, shell, type OpenDialogOptions } from 'electron'
import type { LoadStarted } from '../../common/ipc-contract'
import type { ShellCalls } from '../services/dispatch-call'
import type { ServiceCalls } from '../services/service-types'
import { isAllowedExternalUrl } from './external-links'
import { mainWindow } from './window'

export type DialogKind = 'files' | 'folders'

function dialogOptions(kind: DialogKind): OpenDialogOptions {
  // macOS picks files and folders in one dialog; on Windows and Linux a dialog asked for both
  // shows folders only, so files and folders get a menu item each there.
  const both = process.platform === 'darwin'
  return {
    title: kind === 'folders' ? 'Open a folder of CloudTrail logs' : 'Open CloudTrail logs',
    properties: kind === 'folders' ? ['openDirectory', 'multiSelections'] : both ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: kind === 'folders' ? [] : [
      { name: 'CloudTrail logs (.json, .json.gz)', extensions: ['json', 'gz'] },
      { name: 'All files', extensions: ['*'] },
    ],
  }
}

/** The Open dialog, then a load of what was picked; null when cancelled. */
export async function openLogsDialog(service: ServiceCalls, kind: DialogKind): Promise<LoadStarted | null> {
  const window = mainWindow()
  const options = dialogOptions(kind)
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  if (picked.canceled || picked.filePaths.length === 0) return null
  return service.loadPaths(picked.filePaths)
}

export function electronShellCalls(service: ServiceCalls): ShellCalls {
  return {
    appInfo: async () => ({ mode: 'electron', version: app.getVersion(), locale: app.getLocale() }),
    openFilesDialog: () => openLogsDialog(service, 'files'),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) throw new Error('Only https links to the AWS documentation open in the browser.')
      await shell.openExternal(url)
    },
  }
}
