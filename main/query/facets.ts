// Facet counts and the time histogram of a result. Both are single passes over the ids reading
// the store's columns: counting into a Uint32Array indexed by dictionary code costs a few ms
// per field for a million ids, so the facets can follow every keystroke.

import type { Facet, FacetField, FacetValue, Histogram } from '../../common/query/facet-query'
import { FACET_FIELDS } from '../../common/query/facet-query'
import type { EventStore } from '../store/event-store'
import { levelBuckets } from './level-histogram'
import { inIdOrder } from './id-lists'

/** Most frequent first, then by value. */
const byCountThenValue = (a: FacetValue, b: FacetValue): number => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)

/** The `limit`-th largest count among the touched codes (a small min-heap). */
function thresholdCount(counts: Uint32Array, touched: Uint32Array, n: number, limit: number): number {
  const heap: number[] = []
  for (let i = 0; i < n; i++) {
    const c = counts[touched[i]]
    if (heap.length < limit) {
      heap.push(c)
      for (let j = heap.length - 1; j > 0 && heap[(j - 1) >> 1] > heap[j]; j = (j - 1) >> 1) [heap[j], heap[(j - 1) >> 1]] = [heap[(j - 1) >> 1], heap[j]]
    } else if (c > heap[0]) {
      heap[0] = c
      for (let j = 0; ; ) {
        const l = 2 * j + 1
        const r = l + 1
        let m = j
        if (l < heap.length && heap[l] < heap[m]) m = l
        if (r < heap.length && heap[r] < heap[m]) m = r
        if (m === j) break
        ;[heap[j], heap[m]] = [heap[m], heap[j]]
        j = m
      }
    }
  }
  return heap.length < limit ? 1 : heap[0]
}

/** Values tied at the cut are ordered by value; past this many ties, only the first seen are. */
const MAX_TIES_SORTED = 10_000

/** The top values among the touched codes (codes other than 0 counted at least once). */
function topValues(store: EventStore, counts: Uint32Array, touched: Uint32Array, n: number, limit: number): FacetValue[] {
  if (limit <= 0) return []
  const threshold = thresholdCount(counts, touched, n, limit)
  const above: FacetValue[] = []
  const tied: FacetValue[] = []
  for (let i = 0; i < n; i++) {
    const count = counts[touched[i]]
    if (count > threshold) above.push({ value: store.value(touched[i]), count })
    else if (count === threshold && tied.length < MAX_TIES_SORTED) tied.push({ value: store.value(touched[i]), count })
  }
  tied.sort(byCountThenValue)
  return above.sort(byCountThenValue).concat(tied).slice(0, limit)
}

function readOnlyFacet(store: EventStore, ids: Uint32Array): Facet {
  const counts = [0, 0, 0]
  const readOnly = store.readOnly
  for (let k = 0; k < ids.length; k++) counts[readOnly[ids[k]]]++
  const values = [
    { value: 'true', count: counts[1] },
    { value: 'false', count: counts[2] },
  ]
    .filter((v) => v.count > 0)
    .sort((a, b) => b.count - a.count)
  return { field: 'readOnly', values, distinct: values.length, missing: counts[0] }
}

/** For each field, the most frequent values among `ids` (at most `limit`), with counts. */
export function facetCounts(store: EventStore, viewIds: Uint32Array, fields: readonly FacetField[] = FACET_FIELDS, limit = 10): Facet[] {
  const ids = inIdOrder(viewIds, store.size)
  // One count per dictionary code, shared by the fields and reset through the touched list, so a
  // field costs a pass over the ids, not over the (much larger) dictionary.
  const counts = new Uint32Array(store.dictionarySize)
  const touched = new Uint32Array(Math.min(ids.length, store.dictionarySize))
  return fields.map((field): Facet => {
    if (field === 'readOnly') return readOnlyFacet(store, ids)
    const codes = store.codes(field)
    let n = 0
    let missing = 0
    for (let k = 0; k < ids.length; k++) {
      const code = codes[ids[k]]
      if (code === 0) missing++
      else if (counts[code]++ === 0) touched[n++] = code
    }
    const values = topValues(store, counts, touched, n, limit)
    for (let i = 0; i < n; i++) counts[touched[i]] = 0
    return { field, values, distinct: n, missing }
  })
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Bucket sizes a person reads at a glance. */
export const NICE_BUCKETS: readonly number[] = [
  ...[1, 5, 10, 30].map((n) => n * SECOND),
  ...[1, 5, 10, 15, 30].map((n) => n * MINUTE),
  ...[1, 3, 6, 12].map((n) => n * HOUR),
  ...[1, 7, 30, 90, 365].map((n) => n * DAY),
]

/**
 * Events of `ids` per time bucket, errors and successes apart, over the result's own time span,
 * in at most `buckets` buckets of the smallest nice size that fits. Buckets are aligned to
 * multiples of their size since the epoch (UTC midnight for days).
 */
export function histogram(store: EventStore, viewIds: Uint32Array, buckets = 100): Histogram {
  const ids = inIdOrder(viewIds, store.size)
  const times = store.times
  let min = Infinity
  let max = -Infinity
  let untimed = 0
  for (let k = 0; k < ids.length; k++) {
    const t = times[ids[k]]
    if (Number.isNaN(t)) untimed++
    else {
      if (t < min) min = t
      if (t > max) max = t
    }
  }
  if (min === Infinity) return { start: 0, bucketMs: MINUTE, errors: [], successes: [], untimed, ...levelBuckets(store, ids, { start: 0, bucketMs: MINUTE, count: 0 }) }
  const wanted = Math.max(1, Math.floor(buckets))
  const fits = (size: number): boolean => Math.floor(max / size) - Math.floor(min / size) + 1 <= wanted
  let bucketMs = NICE_BUCKETS.find(fits)
  if (bucketMs === undefined) {
    // Centuries of events (a bad clock, a placeholder date): whole years, doubled until they fit.
    bucketMs = 365 * DAY
    while (!fits(bucketMs)) bucketMs *= 2
  }
  const start = Math.floor(min / bucketMs) * bucketMs
  const n = Math.floor((max - start) / bucketMs) + 1
  const errors = new Array<number>(n).fill(0)
  const successes = new Array<number>(n).fill(0)
  const errorCodes = store.codes('errorCode')
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]
    const t = times[id]
    if (Number.isNaN(t)) continue
    const bucket = Math.floor((t - start) / bucketMs)
    if (errorCodes[id] !== 0) errors[bucket]++
    else successes[bucket]++
  }
  return { start, bucketMs, errors, successes, untimed, ...levelBuckets(store, ids, { start, bucketMs, count: n }) }
}
