// The native dialogs' options, in the language the user chose in the window (shell-language.ts):
// their titles and file-type names are the app's words, so they follow the UI as the menu does.
// Pure (no Electron import), so they are tested in plain Node (tests/unit/dialog-options.test.ts).

import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import type { Messages } from '../../common/i18n'

export type DialogKind = 'files' | 'folders'

/** File ▸ Open (files) and Open Folder: what the dialog picks, by platform. */
export function openLogsOptions(kind: DialogKind, platform: NodeJS.Platform, t: Messages): OpenDialogOptions {
  // macOS picks files and folders in one dialog; on Windows and Linux a dialog asked for both
  // shows folders only, so files and folders get a menu item each there.
  const both = platform === 'darwin'
  if (kind === 'folders') return { title: t.dialogOpenLogFolder, properties: ['openDirectory', 'multiSelections'], filters: [] }
  return {
    title: t.dialogOpenLogs,
    properties: both ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: [
      { name: t.dialogLogFiles, extensions: ['json', 'gz'] },
      { name: t.dialogAllFiles, extensions: ['*'] },
    ],
  }
}

/** The folder dialog for a rule folder (a clone of SigmaHQ's or Suzaku's rules). */
export function ruleFolderOptions(t: Messages): OpenDialogOptions {
  return { title: t.dialogRuleFolder, properties: ['openDirectory'] }
}

/** The Save dialog of an export: the format's own filter first, then every file. */
export function exportOptions(defaultPath: string, filter: { name: string; extensions: string[] }, t: Messages): SaveDialogOptions {
  return {
    title: t.dialogExportEvents,
    defaultPath,
    filters: [filter, { name: t.dialogAllFiles, extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}
