// The application menu as data, built from what it needs to call, so it is tested without
// Electron: File (Open, Open Recent, Open from S3, Export, Quit), Edit (copy and select events,
// Find), View (zoom; DevTools in development only), Language, Help.

import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../common/ipc-contract'
import { recentLabel } from './recent-files'

export interface MenuActions {
  openFiles(): void
  /** Windows and Linux: their dialogs pick files or folders, not both. */
  openFolder(): void
  /** Sends a menuCommand push to the window (the renderer does the rest). */
  send(command: MenuCommand): void
  openHelp(url: string): void
  /** File > Open Recent: one entry, or clear the list. */
  openRecent(file: string): void
  clearRecent(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Unpackaged: adds Reload and Toggle Developer Tools. */
  development: boolean
  actions: MenuActions
  /** File > Open Recent, newest first (recent-files.ts). */
  recent?: readonly string[]
  /** The home folder, shown as ~ in Open Recent. */
  home?: string
}

function recentMenu(recent: readonly string[], home: string, actions: MenuActions): MenuItemConstructorOptions {
  const entries: MenuItemConstructorOptions[] =
    recent.length > 0 ? recent.map((file) => ({ label: recentLabel(file, home), click: () => actions.openRecent(file) })) : [{ label: 'No Recent Files', enabled: false }]
  return {
    label: 'Open Recent',
    submenu: [...entries, { type: 'separator' }, { label: 'Clear Recently Opened', enabled: recent.length > 0, click: () => actions.clearRecent() }],
  }
}

export const CLOUDTRAIL_EVENT_REFERENCE_URL = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html'

export function menuTemplate({ platform, development, actions, recent = [], home = '' }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const file: MenuItemConstructorOptions[] = [
    { label: mac ? 'Open…' : 'Open Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
    ...(mac ? [] : [{ label: 'Open Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFolder() }]),
    recentMenu(recent, home, actions),
    { label: 'Open from S3…', click: () => actions.send('openS3') },
    { type: 'separator' },
    // The page handles Ctrl/Cmd+E itself too (renderer/App.tsx); opening the dialog twice is harmless.
    { label: 'Export Events…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('exportEvents') },
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
        // In the list, Ctrl/Cmd+C and Ctrl/Cmd+A do these (the page sees those keys first).
        { label: 'Copy Selected Events', click: () => actions.send('copyEvents') },
        { label: 'Select All Events', click: () => actions.send('selectAll') },
        { type: 'separator' },
        // Inside the event viewer, Ctrl/Cmd+F is the editor's own find (it takes the key first).
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.send('focusFilter') },
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
