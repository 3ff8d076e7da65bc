// What the buttons, shortcuts, menu and drops do. The two shells differ only in how files
// arrive: Electron has paths (native dialog, dropped files' paths); the web page sends bytes.
import type { LoadStarted } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { forgetReports, noteLoadStarted, refreshReports, useLoad } from './load-store'
import type { ViewSession } from '../session/create-session'

/** A call's failure, said in the load area. */
export function reportError(error: unknown): void {
  useLoad.getState().setCallError(errorText(error))
}

async function started(load: Promise<LoadStarted | null>): Promise<void> {
  try {
    const result = await load
    if (result) noteLoadStarted()
  } catch (error) {
    reportError(error)
  }
}

let fileInput: HTMLInputElement | null = null
/** The hidden <input type=file> of web mode registers itself here. */
export function registerFileInput(input: HTMLInputElement | null): void {
  fileInput = input
}

let folderInput: HTMLInputElement | null = null
/** Web mode's hidden folder picker (<input type=file webkitdirectory>) registers itself here. */
export function registerFolderInput(input: HTMLInputElement | null): void {
  folderInput = input
}

/** Web mode: the page's own pickers (their files come back through the inputs' change events). */
export function clickFileInput(kind: 'files' | 'folders'): void {
  ;(kind === 'folders' ? folderInput : fileInput)?.click()
}

/** True in Electron, where files are opened by path. */
export function opensByPath(): boolean {
  return typeof getApi().pathForFile === 'function'
}

/** Electron: the native Open dialog's paths, null when cancelled (a failure is said in the load area). */
export async function chooseLogPaths(kind: 'files' | 'folders'): Promise<string[] | null> {
  try {
    return await getApi().chooseLogPaths(kind)
  } catch (error) {
    reportError(error)
    return null
  }
}

/** Electron: files and folders by path (its dialogs, Open Recent). */
export function loadPaths(paths: string[]): void {
  if (paths.length > 0) void started(getApi().loadPaths(paths))
}

/** Files picked in web mode's file input, or dropped on the page. */
export function loadFiles(files: File[]): void {
  if (files.length === 0) return
  const api = getApi()
  if (api.pathForFile) {
    const paths = files.map((f) => api.pathForFile!(f)).filter((p) => p !== '')
    if (paths.length > 0) void started(api.loadPaths(paths))
  } else if (api.uploadFiles) {
    void started(api.uploadFiles(files))
  } else {
    reportError(new Error('This shell cannot load files.'))
  }
}

export function cancelLoad(): void {
  getApi()
    .cancelLoad()
    .catch(reportError)
}

/** Main replaces the loaded set (a clear, a new investigation without a source): the view and the file reports start again. */
export async function replaceSet(session: ViewSession, replace: () => Promise<unknown>): Promise<void> {
  try {
    await replace()
    forgetReports()
    session.resetView()
    await session.requery()
    await refreshReports()
  } catch (error) {
    reportError(error)
  }
}

export async function clearAll(session: ViewSession): Promise<void> {
  await replaceSet(session, () => getApi().clearAll())
}
