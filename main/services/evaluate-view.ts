// Evaluates a view spec to sorted event ids. (Interim: time range and newest-first order only,
// until the query language lands in main/query.)

import type { EventStore } from '../store/event-store'
import type { QueryError, ViewSpec } from '../../common/ipc-contract'

export function evaluateView(store: EventStore, spec: ViewSpec): { ids: Uint32Array; error?: QueryError } {
  const times = store.times
  const from = spec.from ?? -Infinity
  const to = spec.to ?? Infinity
  const ids: number[] = []
  for (let i = 0; i < store.size; i++) {
    const t = times[i]
    if ((spec.from == null && spec.to == null) || (t >= from && t < to)) ids.push(i)
  }
  const sorted = Uint32Array.from(ids)
  sorted.sort((a, b) => {
    const ta = times[a]
    const tb = times[b]
    if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? a - b : 1) : -1
    return tb - ta || a - b
  })
  return { ids: sorted }
}
