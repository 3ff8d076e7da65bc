// The user's rule folders (Sigma rules run with the built-in pack): kept across sessions
// (persisted.ts) and handed to main at start-up, added and removed in the Detections panel.
// Main re-reads the rules and matches the loaded events again on each change. In web mode a
// browser may choose only among the folders on the server's command line (`choices`); the
// desktop app picks any folder in the system's dialog.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { RuleFoldersInfo } from '../../common/contract/detections'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { kept } from './persisted'

export const RULE_FOLDERS_KEY = 'ashiato.ruleFolders'
const MAX_KEPT = 32

interface RuleFoldersState {
  /** The folders chosen in this browser or app, kept; null until the user changes them (main's own list holds). */
  chosen: string[] | null
  /** What main says is in use, and the choices. */
  info: RuleFoldersInfo | null
  busy: boolean
  error: string | null
}

export const useRuleFolders = create<RuleFoldersState>()(
  persist(() => ({ chosen: null, info: null, busy: false, error: null }) as RuleFoldersState, {
    ...kept<RuleFoldersState, { chosen: string[] | null }>({
      name: RULE_FOLDERS_KEY,
      keep: (s) => ({ chosen: s.chosen }),
      clean: (stored) => ({ chosen: Array.isArray(stored.chosen) ? stored.chosen.filter((f): f is string => typeof f === 'string' && f !== '').slice(0, MAX_KEPT) : null }),
      fromLegacy: () => ({ chosen: null }),
    }),
  }),
)

async function apply(folders: string[]): Promise<void> {
  useRuleFolders.setState({ busy: true, error: null })
  try {
    const info = await getApi().setRuleFolders(folders)
    useRuleFolders.setState({ info, chosen: info.folders, busy: false })
  } catch (error) {
    useRuleFolders.setState({ busy: false, error: errorText(error) })
  }
}

/** Asks main for the folders in use; at start-up, hands it the kept ones first. */
export async function loadRuleFolders(applyKept = false): Promise<void> {
  const chosen = useRuleFolders.getState().chosen
  if (applyKept && chosen !== null) return apply(chosen)
  try {
    useRuleFolders.setState({ info: await getApi().ruleFolders(), error: null })
  } catch (error) {
    useRuleFolders.setState({ error: errorText(error) })
  }
}

export async function addRuleFolder(folder: string): Promise<void> {
  const current = useRuleFolders.getState().info?.folders ?? []
  if (current.includes(folder)) return
  await apply([...current, folder])
}

/** The desktop app's folder dialog, then the folder added (nothing when cancelled). */
export async function chooseAndAddRuleFolder(): Promise<void> {
  const folder = await getApi().chooseRuleFolder()
  if (folder) await addRuleFolder(folder)
}

export async function removeRuleFolder(folder: string): Promise<void> {
  const current = useRuleFolders.getState().info?.folders ?? []
  await apply(current.filter((f) => f !== folder))
}
