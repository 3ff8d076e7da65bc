// Installs the application menu (menu-template.ts) with its actions wired to the app.

import { Menu, app, shell } from 'electron'
import { ipcChannel, type AshiatoPushes } from '../../common/ipc-contract'
import type { ServiceCalls } from '../services/service-types'
import { isAllowedExternalUrl } from './external-links'
import { menuTemplate } from './menu-template'
import { openLogsDialog } from './shell-calls'
import { mainWindow } from './window'

export function setupMenu(service: ServiceCalls): void {
  const report = (what: string) => (error: Error) => console.error(`[menu] ${what}: ${error.message}`)
  const template = menuTemplate({
    platform: process.platform,
    development: !app.isPackaged,
    actions: {
      openFiles: () => void openLogsDialog(service, 'files').catch(report('open files')),
      openFolder: () => void openLogsDialog(service, 'folders').catch(report('open folder')),
      send: (command) => {
        const contents = mainWindow()?.webContents
        const payload: AshiatoPushes['menuCommand'] = { command }
        if (contents && !contents.isDestroyed()) contents.send(ipcChannel('menuCommand'), payload)
      },
      openHelp: (url) => {
        if (isAllowedExternalUrl(url)) shell.openExternal(url).catch(report(`open ${url}`))
      },
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
