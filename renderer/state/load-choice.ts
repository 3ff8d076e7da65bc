// Files dropped or picked while a set is loaded: the user says whether they join this
// investigation or start a new one (LoadChoiceDialog). Nothing is loaded or cleared until then;
// with nothing loaded the files load at once.
import { create } from 'zustand'
import type { ViewSession } from '../session/create-session'
import { clearAll, loadFiles } from './actions'

interface LoadChoiceState {
  /** The files waiting for the answer, and how many events are loaded now. */
  asking: { files: File[]; loaded: number } | null
}

export const useLoadChoice = create<LoadChoiceState>()(() => ({ asking: null }))

let sessionOf: ViewSession | null = null

/** Files dropped or picked: load them, asking first when a set is loaded. */
export function loadOrAsk(session: ViewSession, files: File[]): void {
  if (files.length === 0) return
  const loaded = session.store.getState().info?.total ?? 0
  if (loaded === 0) {
    loadFiles(files)
    return
  }
  sessionOf = session
  useLoadChoice.setState({ asking: { files, loaded } })
}

/** The answer: 'add' loads into this set, 'new' clears it first, null drops the files. */
export async function answerLoadChoice(choice: 'add' | 'new' | null): Promise<void> {
  const asking = useLoadChoice.getState().asking
  useLoadChoice.setState({ asking: null })
  if (!asking || choice === null) return
  if (choice === 'new' && sessionOf) await clearAll(sessionOf)
  loadFiles(asking.files)
}
