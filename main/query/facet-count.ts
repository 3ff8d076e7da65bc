// The counting passes under the facets and the histogram: each reads one column in id order and
// adds 1 to a slot of an Int32Array (a dictionary code's, a time bucket's), with no Map and no
// branch on the value, so a pass costs about what a bare loop over the column costs. A pass
// covers a range of positions of its span, so two threads can each count half of a view and
// the counts be summed (count-jobs.ts).

import type { FacetField } from '../../common/query/facet-query'
import type { EventStore } from '../store/event-store'
import type { IdSpan } from './id-lists'

/** The codes a facet counts: a string column's dictionary codes, or readOnly's 0 / 1 / 2. */
export function columnOf(store: EventStore, field: FacetField): Uint32Array | Uint8Array {
  return field === 'readOnly' ? store.readOnly : store.codes(field)
}

/** Slots a field's counts need: every dictionary code, or readOnly's three. */
export function slotsOf(store: EventStore, field: FacetField): number {
  return field === 'readOnly' ? 3 : store.dictionarySize
}

/** counts[code] += 1 for each id at positions [from, to) of the span (code 0: the field is missing). */
export function countColumn(column: Uint32Array | Uint8Array, counts: Int32Array, span: IdSpan, from: number, to: number): void {
  const ids = span.ids
  if (ids === null) {
    for (let id = from; id < to; id++) counts[column[id]]++
  } else {
    for (let k = from; k < to; k++) counts[column[ids[k]]]++
  }
}

/**
 * Each field's counts over positions [from, to) of the span, one pass per field: measured on
 * 5M ids, one pass counting the nine fields together was no faster than nine passes (the
 * nine columns and count arrays contend for the cache), and a pass per field is simpler.
 * `into`, when given, is added to (arrays of slotsOf's length each).
 */
export function countFacets(store: EventStore, fields: readonly FacetField[], span: IdSpan, from: number, to: number, into?: Int32Array[]): Int32Array[] {
  return fields.map((field, f) => {
    const counts = into?.[f] ?? new Int32Array(slotsOf(store, field))
    countColumn(columnOf(store, field), counts, span, from, to)
    return counts
  })
}

/** The time span of the ids at positions [from, to): the earliest and latest time, and how many have none. */
export function timeBounds(times: Float64Array, span: IdSpan, from: number, to: number): { min: number; max: number; untimed: number } {
  let min = Infinity
  let max = -Infinity
  let untimed = 0
  const ids = span.ids
  for (let k = from; k < to; k++) {
    const t = times[ids === null ? k : ids[k]]
    // NaN (no eventTime) fails every comparison: counted apart, in no bucket.
    if (t !== t) untimed++
    else {
      if (t < min) min = t
      if (t > max) max = t
    }
  }
  return { min, max, untimed }
}

/**
 * Per bucket, events with an errorCode and without: slots[2·bucket + 1] and slots[2·bucket],
 * for the ids at positions [from, to). The bucket is the integer quotient (t - start) / bucketMs
 * (times are whole milliseconds since the epoch; no Date is made), and the error flag picks
 * the slot without a branch.
 */
export function countBuckets(times: Float64Array, errors: Uint32Array, span: IdSpan, from: number, to: number, start: number, bucketMs: number, slots: Int32Array): void {
  const ids = span.ids
  for (let k = from; k < to; k++) {
    const id = ids === null ? k : ids[k]
    const t = times[id]
    if (t !== t) continue
    // t >= start and fewer than 2^31 buckets (the contract caps them): | 0 is the floor.
    const bucket = ((t - start) / bucketMs) | 0
    slots[(bucket << 1) | (errors[id] === 0 ? 0 : 1)]++
  }
}
