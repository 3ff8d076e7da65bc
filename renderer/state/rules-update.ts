// "Update rules" in the Detections panel: one download of the published rule sets at a time,
// its progress (the rulesUpdateProgress pushes, listened to only while the call runs) and how
// it ended. Main matches the loaded events again itself; the rule-folder store takes the new
// list of downloaded sets from the call's answer.
import { create } from 'zustand'
import type { AshiatoPushes } from '../../common/contract/pushes'
import { getApi } from '../api/get-api'
import { errorText } from '../api/error-text'
import { useRuleFolders } from './rule-folders'

interface RulesUpdateState {
  updating: boolean
  /** The set being downloaded and its compressed bytes so far. */
  progress: AshiatoPushes['rulesUpdateProgress'] | null
  error: string | null
  /** The last update ended well (shown until the next). */
  done: boolean
}

export const useRulesUpdate = create<RulesUpdateState>()(() => ({ updating: false, progress: null, error: null, done: false }))

export async function updateRules(): Promise<void> {
  if (useRulesUpdate.getState().updating) return
  useRulesUpdate.setState({ updating: true, progress: null, error: null, done: false })
  const api = getApi()
  const stop = api.onRulesUpdateProgress((progress) => useRulesUpdate.setState({ progress }))
  try {
    const info = await api.updateRules()
    useRuleFolders.setState({ info })
    useRulesUpdate.setState({ done: true })
  } catch (error) {
    useRulesUpdate.setState({ error: errorText(error) })
    // A set may have come before another failed: show what is in use now.
    try {
      useRuleFolders.setState({ info: await api.ruleFolders() })
    } catch {
      // The error above is what the user needs to read.
    }
  } finally {
    stop()
    useRulesUpdate.setState({ updating: false, progress: null })
  }
}
