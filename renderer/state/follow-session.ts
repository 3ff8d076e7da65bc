// The stores beside the view session that follow what it shows: the facets and timeline of the
// view, the integrity marks and the field-column values of the loaded set. Wired once, here, by
// renderer/main.tsx (no store subscribes to another when it is imported).
import type { ViewSession } from '../session/create-session'
import { loadedTotalChanged } from './field-values'
import { showInsightsOf } from './insights-store'
import { loadedSetChanged } from './integrity-store'

/** Subscribes the stores to the session; returns the unsubscribe. */
export function followSession(session: ViewSession): () => void {
  return session.store.subscribe((state, previous) => {
    if (state.info?.viewId !== previous.info?.viewId) showInsightsOf(state.info?.viewId)
    const total = state.info?.total ?? 0
    if (total !== (previous.info?.total ?? 0) || (previous.info === null && state.info !== null)) {
      loadedTotalChanged(total)
      loadedSetChanged()
    }
  })
}
