// Installs the application menu (menu-template.ts) with its actions wired to the app, and builds
// it again when File > Open Recent or the UI's language changes. Opening files goes through the
// page (menuCommand pushes): it asks whether they join the loaded events, as a drop does.

import { existsSync } from 'node:fs'
import os from 'node:os'
import { Menu, app, shell } from 'electron'
import { MESSAGES } from '../../common/i18n'
import { ipcChannel, type AshiatoPushes } from '../../common/ipc-contract'
import { isAllowedExternalUrl } from './external-links'
import { menuTemplate } from './menu-template'
import { clearRecent, forgetRecent, recentFiles } from './recent'
import type { ShellLanguage } from './shell-language'
import { mainWindow } from './window'

let rebuild: () => void = () => undefined

/** Builds the menu again (the recent files changed). */
export function refreshMenu(): void {
  rebuild()
}

export function setupMenu(language: ShellLanguage): void {
  const report = (what: string) => (error: Error) => console.error(`[menu] ${what}: ${error.message}`)
  rebuild = () => Menu.setApplicationMenu(Menu.buildFromTemplate(template()))
  const send = (payload: AshiatoPushes['menuCommand']) => {
    const contents = mainWindow()?.webContents
    if (contents && !contents.isDestroyed()) contents.send(ipcChannel('menuCommand'), payload)
  }
  const template = () => menuTemplate({
    platform: process.platform,
    development: !app.isPackaged,
    t: MESSAGES[language.current()],
    recent: recentFiles(),
    home: os.homedir(),
    actions: {
      send: (command) => send({ command }),
      openHelp: (url) => {
        if (isAllowedExternalUrl(url)) shell.openExternal(url).catch(report(`open ${url}`))
      },
      openRecent: (file) => {
        // Gone since (moved, an unplugged disk): drop it; the load still says it could not be read.
        if (!existsSync(file)) forgetRecent(file)
        send({ command: 'openPaths', paths: [file] })
      },
      clearRecent: () => clearRecent(),
    },
  })
  language.onChange(() => rebuild())
  rebuild()
}
