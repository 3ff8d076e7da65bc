// Files dropped or picked while a set is loaded: the user says whether they join this
// investigation or start a new one (LoadChoiceDialog). Nothing is loaded or cleared until then;
// with nothing loaded the files load at once. Every way in asks the same: a drop, web mode's
// pickers, and in Electron File ▸ Open, Open Folder and Open Recent (menuCommand pushes) and the
// Open button, whose native dialog gives paths (openLogs).
import { create } from 'zustand'
import type { ViewSession } from '../session/create-session'
import { chooseLogPaths, clearAll, clickFileInput, loadFiles, loadPaths, opensByPath } from './actions'

/** What waits for the answer: the names to show, and how to load it. */
export interface PendingLoad {
  /** File or folder names, as the user knows them (the dialog shows the first few). */
  names: string[]
  load(): void
}

interface LoadChoiceState {
  /** The names waiting for the answer, and how many events are loaded now. */
  asking: { names: string[]; loaded: number } | null
}

export const useLoadChoice = create<LoadChoiceState>()(() => ({ asking: null }))

let waiting: { pending: PendingLoad; session: ViewSession } | null = null

/** Load now when nothing is loaded; else ask, and load (or not) with the answer. */
export function loadOrAskFor(session: ViewSession, pending: PendingLoad): void {
  if (pending.names.length === 0) return
  const loaded = session.store.getState().info?.total ?? 0
  if (loaded === 0) {
    pending.load()
    return
  }
  waiting = { pending, session }
  useLoadChoice.setState({ asking: { names: pending.names, loaded } })
}

/** Files dropped or picked in the page: load them, asking first when a set is loaded. */
export function loadOrAsk(session: ViewSession, files: File[]): void {
  loadOrAskFor(session, { names: files.map((f) => f.name), load: () => loadFiles(files) })
}

/** The last part of a path (either separator: the shell may be on Windows). */
function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

/** Paths from the desktop shell (its Open dialog, Open Recent): load them, asking first when a set is loaded. */
export function pathsOrAsk(session: ViewSession, paths: string[]): void {
  loadOrAskFor(session, { names: paths.map(baseName), load: () => loadPaths(paths) })
}

/**
 * The Open button, Ctrl/Cmd+O, Open Folder and the menu's File ▸ Open: web mode clicks the page's
 * own file inputs (their change events come back to loadOrAsk); Electron asks the shell's native
 * dialog for paths, then asks here.
 */
export function openLogs(session: ViewSession, kind: 'files' | 'folders' = 'files'): void {
  if (!opensByPath()) {
    clickFileInput(kind)
    return
  }
  void chooseLogPaths(kind).then((paths) => {
    if (paths) pathsOrAsk(session, paths)
  })
}

/** The answer: 'add' loads into this set, 'new' clears it first, null drops the files. */
export async function answerLoadChoice(choice: 'add' | 'new' | null): Promise<void> {
  const asked = waiting
  waiting = null
  useLoadChoice.setState({ asking: null })
  if (!asked || choice === null) return
  if (choice === 'new') await clearAll(asked.session)
  asked.pending.load()
}
