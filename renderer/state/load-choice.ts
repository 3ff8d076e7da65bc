// Files dropped or picked while a set is loaded: the user says whether they join this
// investigation or start a new one (LoadChoiceDialog). Nothing is loaded or cleared until then;
// with nothing loaded the files load at once. Every way in asks the same: a drop, web mode's
// pickers, and in Electron the Open button and the menu's File ▸ Open, Open Folder and Open
// Recent, whose native dialog gives paths. What it calls arrives as `doors` (actions.ts gives
// the real ones), so this runs under Node in tests/unit/load-choice.test.ts.
import { create } from 'zustand'
import type { AshiatoPushes } from '../../common/ipc-contract'
import type { ViewSession } from '../session/create-session'

export type PickKind = 'files' | 'folders'

/** What a load choice calls. */
export interface LoadDoors {
  /** Electron: the shell's Open dialog (paths, null when cancelled); null in web mode. */
  chooseLogPaths: ((kind: PickKind) => Promise<string[] | null>) | null
  /** Web mode: the page's own file inputs (their files come back through loadOrAskFor). */
  clickFileInput(kind: PickKind): void
  loadPaths(paths: string[]): void
  /** Forget the loaded events (Clear), before a new investigation. */
  clearAll(session: ViewSession): Promise<void>
}

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

let waiting: { pending: PendingLoad; startAnew: () => Promise<void> } | null = null

/** Load now when nothing is loaded; else ask, and load (or not) with the answer. */
export function loadOrAskFor(session: ViewSession, pending: PendingLoad, doors: Pick<LoadDoors, 'clearAll'>): void {
  if (pending.names.length === 0) return
  const loaded = session.store.getState().info?.total ?? 0
  if (loaded === 0) {
    pending.load()
    return
  }
  waiting = { pending, startAnew: () => doors.clearAll(session) }
  useLoadChoice.setState({ asking: { names: pending.names, loaded } })
}

/** The last part of a path (either separator: the shell may be on Windows). */
function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

/** Paths from the desktop shell (its Open dialog, Open Recent): load them, asking first when a set is loaded. */
export function pathsOrAsk(session: ViewSession, paths: string[], doors: LoadDoors): void {
  loadOrAskFor(session, { names: paths.map(baseName), load: () => doors.loadPaths(paths) }, doors)
}

/** Open (button, Ctrl/Cmd+O, menu) and Open Folder: web mode's inputs, or Electron's dialog then the question. */
export function openLogs(session: ViewSession, kind: PickKind, doors: LoadDoors): void {
  const choose = doors.chooseLogPaths
  if (!choose) {
    doors.clickFileInput(kind)
    return
  }
  void choose(kind).then((paths) => {
    if (paths) pathsOrAsk(session, paths, doors)
  })
}

/** The desktop menu's File ▸ Open, Open Folder and Open Recent; false for any other command. */
export function menuOpen(session: ViewSession, { command, paths }: AshiatoPushes['menuCommand'], doors: LoadDoors): boolean {
  if (command === 'openFiles' || command === 'openFolder') openLogs(session, command === 'openFolder' ? 'folders' : 'files', doors)
  else if (command === 'openPaths') pathsOrAsk(session, paths ?? [], doors)
  else return false
  return true
}

/** The answer: 'add' loads into this set, 'new' clears it first, null drops the files. */
export async function answerLoadChoice(choice: 'add' | 'new' | null): Promise<void> {
  const asked = waiting
  waiting = null
  useLoadChoice.setState({ asking: null })
  if (!asked || choice === null) return
  if (choice === 'new') await asked.startAnew()
  asked.pending.load()
}
