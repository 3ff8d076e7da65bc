// The calls the desktop shell answers itself: the native Open and Save dialogs, the
// clipboard and the system browser. (Web mode's versions are in main/web/web-server.ts.)

import path from 'node:path'
import { app, clipboard, dialog, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { ExportRequest, LoadStarted } from '../../common/ipc-contract'
import { defaultExportName, exportFilter, withExportExtension } from '../export/file-name'
import type { AshiatoService } from '../services/ashiato-service'
import type { ShellCalls } from '../services/dispatch-call'
import { ExportCancelled } from '../services/export-runner'
import type { ServiceCalls } from '../services/service-types'
import { checkExternalLink, ExportedFiles } from './shell-refusals'
import type { ShellLanguage } from './shell-language'
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

/** The folder dialog for a rule folder (a clone of SigmaHQ's or Suzaku's rules); null when cancelled. */
async function chooseRuleFolder(): Promise<string | null> {
  const window = mainWindow()
  const options: OpenDialogOptions = { title: 'Add a folder of Sigma rules', properties: ['openDirectory'] }
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths[0]
}

/** What the desktop shell needs of the services besides the shared calls. */
export type DesktopService = ServiceCalls & Pick<AshiatoService, 'exportToFile' | 'copyText'>

/** Files exported in this session: the only ones "Show in folder" reveals. */
const exported = new ExportedFiles()
/** The folder of the last export, where the next Save dialog starts. */
let lastExportFolder: string | null = null

/** The Save dialog, then the export written atomically; null when the dialog or the export was cancelled. */
async function exportWithDialog(service: DesktopService, request: ExportRequest) {
  const window = mainWindow()
  const folder = lastExportFolder ?? app.getPath('downloads')
  const options: SaveDialogOptions = {
    title: 'Export events',
    defaultPath: path.join(folder, defaultExportName(request.format, request.gzip)),
    filters: [exportFilter(request.format, request.gzip), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const picked = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  if (picked.canceled || !picked.filePath) return null
  // A name typed without an extension gets the format's; one with an extension is kept as typed.
  const file = path.extname(picked.filePath) === '' ? withExportExtension(picked.filePath, request.format, request.gzip) : picked.filePath
  lastExportFolder = path.dirname(file)
  try {
    const done = await service.exportToFile(request, file)
    exported.add(done.path)
    return done
  } catch (error) {
    if (error instanceof ExportCancelled) return null
    throw error
  }
}

export function electronShellCalls(service: DesktopService, language: ShellLanguage): ShellCalls {
  return {
    setShellLanguage: async (chosen) => language.set(chosen),
    openFilesDialog: () => openLogsDialog(service, 'files'),
    chooseRuleFolder,
    openExternal: async (url) => {
      checkExternalLink(url)
      await shell.openExternal(url)
    },
    exportEvents: (request) => exportWithDialog(service, request),
    showExportedFile: async (file) => {
      exported.check(file)
      shell.showItemInFolder(file)
    },
    // Written here, not with navigator.clipboard: a large copy need not cross IPC twice.
    copyEvents: async (request) => {
      const { events, text } = service.copyText(request)
      clipboard.writeText(text)
      return { events }
    },
  }
}
