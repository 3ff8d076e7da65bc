// The `detection` and `level` facets: their values counted over a view's result from what
// detection keeps beside the store (detection-column.ts), on the main thread where it lives —
// the level column by event id, and each rule's events. A rule is counted under its title, the
// name a user reads and `detection:"title"` filters by (SigmaHQ rules copied into Suzaku's set
// share a title and an id: their events count once). Never a parse of an event.

import { DETECTION_LEVELS } from '../../common/detections'
import type { FacetValue, FacetValuesRequest, FacetValuesResult } from '../../common/ipc-contract'
import type { EventStore } from '../store/event-store'
import { detectionProvider } from './detection-column'

export const DETECTION_FACET_FIELDS: readonly string[] = ['detection', 'level']

/** Whether a facet's field is one of detection's (answered here, not by reading events). */
export function isDetectionFacet(field: string): boolean {
  return DETECTION_FACET_FIELDS.includes(field)
}

/** Values returned at most (as for other facets). */
const MAX_VALUES = 5_000

function counted(store: EventStore, ids: Uint32Array, field: string): { counts: Map<string, number>; missing: number } {
  const provider = detectionProvider(store)
  const levels = provider?.levels() ?? new Uint8Array(0)
  const counts = new Map<string, number>()
  let missing = 0
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    if (id >= levels.length || levels[id] === 0) missing++
  }
  if (!provider) return { counts, missing: ids.length }
  if (field === 'level') {
    const byRank = new Array<number>(DETECTION_LEVELS.length).fill(0)
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]
      if (id < levels.length && levels[id] > 0) byRank[levels[id] - 1]++
    }
    byRank.forEach((count, rank) => {
      if (count > 0) counts.set(DETECTION_LEVELS[rank], count)
    })
    return { counts, missing }
  }
  // Membership of the result by event id, then each rule's events looked up in it: a pass over
  // the matches, whatever the order of the view.
  const inView = new Uint8Array(store.size)
  for (let k = 0; k < ids.length; k++) inView[ids[k]] = 1
  const seen = new Map<string, Set<string>>()
  for (const rule of provider.rules()) {
    // Rules sharing a title share a count; rules sharing an id too (the provider's list is by id).
    const ruleIds = seen.get(rule.title) ?? new Set<string>()
    if (ruleIds.has(rule.ruleId)) continue
    ruleIds.add(rule.ruleId)
    seen.set(rule.title, ruleIds)
  }
  for (const [title, ruleIds] of seen) {
    const events = ruleIds.size === 1 ? provider.eventIdsOfRule([...ruleIds][0]) : [...new Set([...ruleIds].flatMap((r) => provider.eventIdsOfRule(r)))]
    let count = 0
    for (const id of events) if (id < inView.length && inView[id] === 1) count++
    if (count > 0) counts.set(title, count)
  }
  return { counts, missing }
}

/** The facet's values in the result `ids`, in the shape of any other field's (facet-values.ts). */
export function detectionFacetValues(store: EventStore, ids: Uint32Array, request: FacetValuesRequest): FacetValuesResult {
  const { counts, missing } = counted(store, ids, request.field)
  const needle = (request.search ?? '').toLowerCase()
  const sign = request.order === 'rarest' ? 1 : -1
  const rank = (value: string): number => DETECTION_LEVELS.indexOf(value as (typeof DETECTION_LEVELS)[number])
  const all: FacetValue[] = []
  for (const [value, count] of counts) if (needle === '' || value.toLowerCase().includes(needle)) all.push({ value, count })
  // Levels read best most severe first, whatever their counts; rules by count as other facets.
  if (request.field === 'level') all.sort((a, b) => rank(b.value) - rank(a.value))
  else all.sort((a, b) => sign * (a.count - b.count) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  const limit = Math.min(request.limit ?? MAX_VALUES, MAX_VALUES)
  return { field: request.field, values: all.slice(0, limit), distinct: counts.size, matching: all.length, missing, scanned: ids.length, total: ids.length }
}
