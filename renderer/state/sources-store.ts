// The Sources panel's state: main's list of loaded sources (pushed as sourcesChanged, asked once
// at start for a tab that connects late), whether the panel is open, and its actions.
import { create } from 'zustand'
import type { SourceInfo } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { replaceSet, reportError } from './actions'
import type { ViewSession } from '../session/create-session'

interface SourcesState {
  sources: SourceInfo[]
  open: boolean
}

export const useSources = create<SourcesState>()(() => ({ sources: [], open: false }))

export const openSources = (): void => useSources.setState({ open: true })
export const closeSources = (): void => useSources.setState({ open: false })


/** Hides a source from every view, or shows it again (main pushes eventsChanged: views follow). */
export function setSourceHidden(sourceId: number, hidden: boolean): void {
  getApi().setSourceHidden({ sourceId, hidden }).catch(reportError)
}

/** A new investigation without this source: main clears, then reads the others again. */
export async function startWithout(session: ViewSession, sourceId: number): Promise<void> {
  await replaceSet(session, () => getApi().startWithout(sourceId))
}

let subscribed = false
/** Subscribes to sourcesChanged (once) and asks for the list as it is now. */
export function subscribeSourcePushes(): void {
  if (subscribed) return
  subscribed = true
  const api = getApi()
  api.onSourcesChanged((sources) => useSources.setState({ sources }))
  api.listSources().then((sources) => useSources.setState({ sources }), reportError)
}
