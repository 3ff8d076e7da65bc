// The application menu as data, built from what it needs to call, so it is tested without
// Electron: File (Open, Open from S3, Quit), Edit, View (zoom; DevTools in development only), Language, Help.

import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../common/ipc-contract'

export interface MenuActions {
  openFiles(): void
  /** Windows and Linux: their dialogs pick files or folders, not both. */
  openFolder(): void
  /** Sends a menuCommand push to the window (the renderer does the rest). */
  send(command: MenuCommand): void
  openHelp(url: string): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Unpackaged: adds Reload and Toggle Developer Tools. */
  development: boolean
  actions: MenuActions
}

export const CLOUDTRAIL_EVENT_REFERENCE_URL = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html'

export function menuTemplate({ platform, development, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const file: MenuItemConstructorOptions[] = [
    { label: mac ? 'Open…' : 'Open Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
    ...(mac ? [] : [{ label: 'Open Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFolder() }]),
    { label: 'Open from S3…', click: () => actions.send('openS3') },
    { type: 'separator' },
    mac ? { role: 'close' } : { role: 'quit' },
  ]
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(development ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
  ]
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: file },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Focus Filter', accelerator: 'CmdOrCtrl+Shift+F', click: () => actions.send('focusFilter') },
      ],
    },
    { label: 'View', submenu: view },
    {
      label: 'Language',
      submenu: [
        { label: 'English', click: () => actions.send('languageEnglish') },
        { label: '日本語', click: () => actions.send('languageJapanese') },
      ],
    },
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    {
      role: 'help',
      submenu: [{ label: 'CloudTrail Event Reference', click: () => actions.openHelp(CLOUDTRAIL_EVENT_REFERENCE_URL) }],
    },
  ]
}
