// Facet counts of a result: per field, the most frequent values, how many distinct values and
// how many events lack the field. Counting is a pass per field over the ids in id order into an
// Int32Array indexed by dictionary code (facet-count.ts); the top values are then picked from
// the counts with two small heaps, never by sorting every distinct value (200,000 access keys
// seen once each are 200,000 ties).

import type { Facet, FacetField, FacetValue } from '../../common/query/facet-query'
import { FACET_FIELDS } from '../../common/query/facet-query'
import type { EventStore } from '../store/event-store'
import { countFacets } from './facet-count'
import { idSpan, spanLength } from './id-lists'

export { histogram, NICE_BUCKETS } from './histogram'

/** Most frequent first, then by value. */
const byCountThenValue = (a: FacetValue, b: FacetValue): number => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)

/**
 * Keeps the `size` lowest-ranked items seen in a binary heap whose root is the highest-ranked of
 * them (`above(a, b)`: a ranks above b), so a new item only has to beat the root.
 */
function pushBounded<T>(heap: T[], item: T, size: number, above: (a: T, b: T) => boolean): void {
  if (heap.length === size) {
    if (!above(heap[0], item)) return
    heap[0] = item
    for (let j = 0; ; ) {
      const l = 2 * j + 1
      const r = l + 1
      let m = j
      if (l < heap.length && above(heap[l], heap[m])) m = l
      if (r < heap.length && above(heap[r], heap[m])) m = r
      if (m === j) return
      ;[heap[j], heap[m]] = [heap[m], heap[j]]
      j = m
    }
  }
  heap.push(item)
  for (let j = heap.length - 1; j > 0 && above(heap[j], heap[(j - 1) >> 1]); j = (j - 1) >> 1) [heap[j], heap[(j - 1) >> 1]] = [heap[(j - 1) >> 1], heap[j]]
}

/**
 * A string column's facet from its counts (counts[0]: events without the field): the `limit`
 * values with the highest counts, ties at the cut broken by value. One pass finds the cut (the
 * limit-th highest count, a min-heap of counts); a second keeps the values above it and the
 * smallest values at it (a max-heap of at most `limit` values). `codes`, when given, are the
 * only codes the column holds (count-jobs.ts keeps them): the passes then skip the rest of the
 * dictionary, which other columns fill (millions of access keys and ARNs in a real trail).
 */
export function facetOfCounts(store: EventStore, field: FacetField, counts: Int32Array, limit: number, codes?: Uint32Array): Facet {
  const size = Math.max(0, limit)
  const n = codes ? codes.length : counts.length - 1
  const codeAt = (i: number): number => (codes ? codes[i] : i + 1)
  // The `size` highest counts, the lowest of them at the root.
  const lowest: number[] = []
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const count = counts[codeAt(i)]
    if (count === 0) continue
    distinct++
    if (size > 0) pushBounded(lowest, count, size, (a, b) => a < b)
  }
  const cut = lowest.length < size ? 1 : lowest[0]
  const above: FacetValue[] = []
  const tied: FacetValue[] = []
  if (size > 0) {
    for (let i = 0; i < n; i++) {
      const code = codeAt(i)
      const count = counts[code]
      if (count > cut) above.push({ value: store.value(code), count })
      else if (count === cut) pushBounded(tied, { value: store.value(code), count }, size, (a, b) => a.value > b.value)
    }
  }
  tied.sort(byCountThenValue)
  return { field, values: above.sort(byCountThenValue).concat(tied).slice(0, size), distinct, missing: counts[0] }
}

/** readOnly's facet from its counts (0 absent, 1 true, 2 false): the more frequent first. */
function readOnlyFacet(counts: Int32Array): Facet {
  const values = [
    { value: 'true', count: counts[1] },
    { value: 'false', count: counts[2] },
  ]
    .filter((v) => v.count > 0)
    .sort((a, b) => b.count - a.count)
  return { field: 'readOnly', values, distinct: values.length, missing: counts[0] }
}

/** The facets of the fields from their counts (as countFacets made them, summed over parts), and each column's codes when known. */
export function facetsOfCounts(store: EventStore, fields: readonly FacetField[], counts: readonly Int32Array[], limit: number, codes?: readonly Uint32Array[]): Facet[] {
  return fields.map((field, f) => (field === 'readOnly' ? readOnlyFacet(counts[f]) : facetOfCounts(store, field, counts[f], limit, codes?.[f])))
}

/** For each field, the most frequent values among `viewIds` (at most `limit`), with counts. */
export function facetCounts(store: EventStore, viewIds: Uint32Array, fields: readonly FacetField[] = FACET_FIELDS, limit = 10): Facet[] {
  const span = idSpan(viewIds, store.size)
  return facetsOfCounts(store, fields, countFacets(store, fields, span, 0, spanLength(span)), limit)
}
