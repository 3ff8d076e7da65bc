// Evaluates a view spec to sorted event ids: the query language (main/query) filters within the
// time range, then the ids are ordered by the chosen list column (newest first by default).

import type { EventStore } from '../store/event-store'
import type { QueryError, ViewSpec } from '../../common/ipc-contract'
import { evaluate } from './evaluate'
import { sortIds } from './sort-ids'

export function evaluateView(store: EventStore, spec: ViewSpec): { ids: Uint32Array; error?: QueryError } {
  const result = evaluate(store, spec.query, { from: spec.from, to: spec.to })
  if (result.error) return result
  const sort = spec.sort ?? { column: 'time', direction: 'desc' }
  return { ids: sortIds(store, result.ids, sort.column, sort.direction) }
}
