// The calls the desktop shell answers itself: the native Open and Save dialogs (in the UI's
// language, dialog-options.ts), the clipboard and the system browser. (Web mode's versions are
// in main/web/web-server.ts.)

import path from 'node:path'
import { app, clipboard, dialog, shell } from 'electron'
import { MESSAGES, type Messages } from '../../common/i18n'
import type { ExportRequest } from '../../common/ipc-contract'
import { defaultExportName, exportFilter, withExportExtension } from '../export/file-name'
import type { AshiatoService } from '../services/ashiato-service'
import type { ShellCalls } from '../services/dispatch-call'
import { ExportCancelled } from '../services/export-runner'
import type { ServiceCalls } from '../services/service-types'
import { exportOptions, openLogsOptions, ruleFolderOptions, type DialogKind } from './dialog-options'
import { checkExternalLink, ExportedFiles } from './shell-refusals'
import type { ShellLanguage } from './shell-language'
import { mainWindow } from './window'

/** The Open dialog (files, or folders on Windows and Linux); the paths picked, null when cancelled. */
async function chooseLogPaths(kind: DialogKind, t: Messages): Promise<string[] | null> {
  const window = mainWindow()
  const options = openLogsOptions(kind, process.platform, t)
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths
}

/** The folder dialog for a rule folder (a clone of SigmaHQ's or Suzaku's rules); null when cancelled. */
async function chooseRuleFolder(t: Messages): Promise<string | null> {
  const window = mainWindow()
  const options = ruleFolderOptions(t)
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
async function exportWithDialog(service: DesktopService, request: ExportRequest, t: Messages) {
  const window = mainWindow()
  const folder = lastExportFolder ?? app.getPath('downloads')
  const options = exportOptions(path.join(folder, defaultExportName(request.format, request.gzip)), exportFilter(request.format, request.gzip), t)
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
  // The dialogs speak the language the user chose in the window, as the menu does.
  const t = () => MESSAGES[language.current()]
  return {
    setShellLanguage: async (chosen) => language.set(chosen),
    chooseLogPaths: (kind) => chooseLogPaths(kind, t()),
    chooseRuleFolder: () => chooseRuleFolder(t()),
    openExternal: async (url) => {
      checkExternalLink(url)
      await shell.openExternal(url)
    },
    exportEvents: (request) => exportWithDialog(service, request, t()),
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
