// Installs the application menu (menu-template.ts) with its actions wired to the app, and builds
// it again when File > Open Recent or the UI's language changes.

import { existsSync } from 'node:fs'
import os from 'node:os'
import { Menu, app, shell } from 'electron'
import { MESSAGES } from '../../common/i18n'
import { ipcChannel, type AshiatoPushes } from '../../common/ipc-contract'
import type { ServiceCalls } from '../services/service-types'
import { isAllowedExternalUrl } from './external-links'
import { menuTemplate } from './menu-template'
import { clearRecent, forgetRecent, recentFiles } from './recent'
import { openLogsDialog } from './shell-calls'
import type { ShellLanguage } from './shell-language'
import { mainWindow } from './window'

let rebuild: () => void = () => undefined

/** Builds the menu again (the recent files changed). */
export function refreshMenu(): void {
  rebuild()
}

export function setupMenu(service: ServiceCalls, language: ShellLanguage): void {
  const report = (what: string) => (error: Error) => console.error(`[menu] ${what}: ${error.message}`)
  rebuild = () => Menu.setApplicationMenu(Menu.buildFromTemplate(template()))
  const template = () => menuTemplate({
    platform: process.platform,
    development: !app.isPackaged,
    t: MESSAGES[language.current()],
    recent: recentFiles(),
    home: os.homedir(),
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
      openRecent: (file) => {
        // Gone since (moved, an unplugged disk): drop it; the load still says it could not be read.
        if (!existsSync(file)) forgetRecent(file)
        service.loadPaths([file]).catch(report(`open ${file}`))
      },
      clearRecent: () => clearRecent(),
    },
  })
  language.onChange(() => rebuild())
  rebuild()
}
