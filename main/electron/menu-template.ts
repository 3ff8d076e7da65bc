// The application menu as data, built from what it needs to call, so it is tested without
// Electron: File (Open, Open Recent, Open from S3, Export, Quit), Edit (copy and select events,
// Find), View (zoom; DevTools in development only), Language, Help. Every label comes from
// common/i18n in the language the user chose in the window (shell-language.ts), role items
// included: Electron's own role labels are English on Windows and Linux.

import type { MenuItemConstructorOptions } from 'electron'
import { formatMessage, type Messages } from '../../common/i18n'
import type { MenuCommand } from '../../common/ipc-contract'
import { recentLabel } from './recent-files'

export interface MenuActions {
  /**
   * Sends a menuCommand push to the window (the renderer does the rest). Open and Open Folder
   * are commands too: the page asks the dialog for paths, then asks the user whether they join
   * the loaded events, as a drop does (renderer/state/load-choice.ts).
   */
  send(command: MenuCommand): void
  openHelp(url: string): void
  /** File > Open Recent: one entry (sent to the page as openPaths), or clear the list. */
  openRecent(file: string): void
  clearRecent(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Unpackaged: adds Reload and Toggle Developer Tools. */
  development: boolean
  actions: MenuActions
  /** The strings of the UI's language (MESSAGES[language]). */
  t: Messages
  /** File > Open Recent, newest first (recent-files.ts). */
  recent?: readonly string[]
  /** The home folder, shown as ~ in Open Recent. */
  home?: string
}

function recentMenu(recent: readonly string[], home: string, actions: MenuActions, t: Messages): MenuItemConstructorOptions {
  const entries: MenuItemConstructorOptions[] =
    recent.length > 0 ? recent.map((file) => ({ label: recentLabel(file, home), click: () => actions.openRecent(file) })) : [{ label: t.menuNoRecent, enabled: false }]
  return {
    label: t.menuOpenRecent,
    submenu: [...entries, { type: 'separator' }, { label: t.menuClearRecent, enabled: recent.length > 0, click: () => actions.clearRecent() }],
  }
}

// macOS: the app menu and the Window menu with their usual items spelled out, because a role's
// own submenu brings Electron's English labels.
function appMenu(t: Messages): MenuItemConstructorOptions {
  const app = { app: t.appName }
  return {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: formatMessage(t.menuAbout, app) },
      { type: 'separator' },
      { role: 'services', label: t.menuServices },
      { type: 'separator' },
      { role: 'hide', label: formatMessage(t.menuHide, app) },
      { role: 'hideOthers', label: t.menuHideOthers },
      { role: 'unhide', label: t.menuShowAll },
      { type: 'separator' },
      { role: 'quit', label: formatMessage(t.menuQuitApp, app) },
    ],
  }
}

function windowMenu(t: Messages): MenuItemConstructorOptions {
  return {
    role: 'windowMenu',
    label: t.menuWindow,
    submenu: [
      { role: 'minimize', label: t.menuMinimize },
      { role: 'zoom', label: t.menuZoom },
      { type: 'separator' },
      { role: 'front', label: t.menuFront },
    ],
  }
}

export const CLOUDTRAIL_EVENT_REFERENCE_URL = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html'

export function menuTemplate({ platform, development, actions, t, recent = [], home = '' }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const file: MenuItemConstructorOptions[] = [
    { label: mac ? t.menuOpen : t.menuOpenFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.send('openFiles') },
    // Windows and Linux: their dialogs pick files or folders, not both.
    ...(mac ? [] : [{ label: t.menuOpenFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.send('openFolder') }]),
    recentMenu(recent, home, actions, t),
    { label: t.menuOpenS3, click: () => actions.send('openS3') },
    { type: 'separator' },
    // The page handles Ctrl/Cmd+E itself too (renderer/App.tsx); opening the dialog twice is harmless.
    { label: t.menuExport, accelerator: 'CmdOrCtrl+E', click: () => actions.send('exportEvents') },
    { type: 'separator' },
    mac ? { role: 'close', label: t.menuClose } : { role: 'quit', label: t.menuQuit },
  ]
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t.menuActualSize },
    { role: 'zoomIn', label: t.menuZoomIn },
    { role: 'zoomOut', label: t.menuZoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.menuFullScreen },
    ...(development ? [{ type: 'separator' } as const, { role: 'reload', label: t.menuReload } as const, { role: 'toggleDevTools', label: t.menuDevTools } as const] : []),
  ]
  return [
    ...(mac ? [appMenu(t)] : []),
    { label: t.menuFile, submenu: file },
    {
      label: t.menuEdit,
      submenu: [
        { role: 'undo', label: t.menuUndo },
        { role: 'redo', label: t.menuRedo },
        { type: 'separator' },
        { role: 'cut', label: t.menuCut },
        { role: 'copy', label: t.menuCopy },
        { role: 'paste', label: t.menuPaste },
        { role: 'selectAll', label: t.menuSelectAll },
        { type: 'separator' },
        // In the list, Ctrl/Cmd+C and Ctrl/Cmd+A do these (the page sees those keys first).
        { label: t.menuCopyEvents, click: () => actions.send('copyEvents') },
        { label: t.menuSelectAllEvents, click: () => actions.send('selectAll') },
        { type: 'separator' },
        // Inside the event viewer, Ctrl/Cmd+F is the editor's own find (it takes the key first).
        { label: t.menuFind, accelerator: 'CmdOrCtrl+F', click: () => actions.send('focusFilter') },
      ],
    },
    { label: t.menuView, submenu: view },
    {
      label: t.languageLabel,
      // Each language in its own words, whatever the current one (a reader who cannot read the
      // current language must still find theirs).
      submenu: [
        { label: 'English', click: () => actions.send('languageEnglish') },
        { label: '日本語', click: () => actions.send('languageJapanese') },
      ],
    },
    ...(mac ? [windowMenu(t)] : []),
    {
      role: 'help',
      label: t.menuHelp,
      submenu: [{ label: t.menuEventReference, click: () => actions.openHelp(CLOUDTRAIL_EVENT_REFERENCE_URL) }],
    },
  ]
}
