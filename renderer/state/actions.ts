// What the buttons, shortcuts, menu and drops do. The two shells differ only in how files
// arrive: Electron has paths (native dialog, dropped files' paths); the web page sends bytes.
import type { LoadStarted } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { forgetReports, noteLoadStarted, refreshReports, useLoad } from './load-store'
import type { ViewSession } from '../session/create-session'
import { loadOrAskFor, openLogs, type LoadDoors, type PickKind } from './load-choice'

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


/** True in Electron, where files are opened by path. */
export function opensByPath(): boolean {
  return typeof getApi().pathForFile === 'function'
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

/** What load-choice.ts calls: this page's API and file inputs. */
export const loadDoors: LoadDoors = {
  get chooseLogPaths() {
    if (!opensByPath()) return null
    // A failed dialog is said in the load area, like a failed load.
    return (kind: PickKind) =>
      getApi()
        .chooseLogPaths(kind)
        .catch((error: unknown) => {
          reportError(error)
          return null
        })
  },
  clickFileInput: (kind) => (kind === 'folders' ? folderInput : fileInput)?.click(),
  loadPaths: (paths) => void started(getApi().loadPaths(paths)),
  clearAll,
}

/** Files dropped or picked in the page: load them, asking first when a set is loaded. */
export function loadOrAsk(session: ViewSession, files: File[]): void {
  loadOrAskFor(session, { names: files.map((f) => f.name), load: () => loadFiles(files) }, loadDoors)
}

/** The Open button, Ctrl/Cmd+O and web mode's Open Folder (load-choice.ts asks "add or new"). */
export function pickAndLoad(session: ViewSession, kind: PickKind = 'files'): void {
  openLogs(session, kind, loadDoors)
}
