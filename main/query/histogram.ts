// The time histogram of a result: events per time bucket, errors and successes apart, over the
// result's own time span. Two passes over the ids in id order (facet-count.ts): the span, then
// the buckets, each an integer quotient into an Int32Array.

import type { Histogram } from '../../common/query/facet-query'
import type { EventStore } from '../store/event-store'
import { levelBuckets } from './level-histogram'
import { detectionProvider } from '../detect/detection-column'
import { countBuckets, timeBounds } from './facet-count'
import { allIds, idSpan, spanLength, type IdSpan } from './id-lists'

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

/** The buckets of a time span: their size, the first one's start and how many. */
export interface BucketPlan {
  start: number
  bucketMs: number
  count: number
}

/**
 * The smallest nice bucket size that fits [min, max] in at most `buckets` buckets, aligned to
 * multiples of its size since the epoch (UTC midnight for days).
 */
export function planBuckets(min: number, max: number, buckets: number): BucketPlan {
  const wanted = Math.max(1, Math.floor(buckets))
  const fits = (size: number): boolean => Math.floor(max / size) - Math.floor(min / size) + 1 <= wanted
  let bucketMs = NICE_BUCKETS.find(fits)
  if (bucketMs === undefined) {
    // Centuries of events (a bad clock, a placeholder date): whole years, doubled until they fit.
    bucketMs = 365 * DAY
    while (!fits(bucketMs)) bucketMs *= 2
  }
  const start = Math.floor(min / bucketMs) * bucketMs
  return { start, bucketMs, count: Math.floor((max - start) / bucketMs) + 1 }
}

/** The histogram's answer from the counted slots (countBuckets' layout), with the detection levels. */
function histogramOfSlots(store: EventStore, span: IdSpan, plan: BucketPlan, slots: Int32Array, untimed: number): Histogram {
  const errors = new Array<number>(plan.count)
  const successes = new Array<number>(plan.count)
  for (let b = 0; b < plan.count; b++) {
    successes[b] = slots[2 * b]
    errors[b] = slots[2 * b + 1]
  }
  // The detections layer (level-histogram.ts) reads a list of ids: made for a span of every id
  // only when some event matched a rule, so a store without detections never holds one.
  return { start: plan.start, bucketMs: plan.bucketMs, errors, successes, untimed, ...levelsOf(store, span, plan) }
}

function levelsOf(store: EventStore, span: IdSpan, plan: BucketPlan): ReturnType<typeof levelBuckets> {
  const matched = (detectionProvider(store)?.levels().length ?? 0) > 0
  return matched ? levelBuckets(store, span.ids ?? allIds(span.every), plan) : {}
}

/** The histogram's two passes over positions [0, n) of a span: on this thread, or split (count-jobs.ts). */
export interface HistogramPasses {
  bounds(span: IdSpan, n: number): { min: number; max: number; untimed: number }
  buckets(span: IdSpan, n: number, plan: BucketPlan, slots: Int32Array): void
}

function onThisThread(store: EventStore): HistogramPasses {
  return {
    bounds: (span, n) => timeBounds(store.times, span, 0, n),
    buckets: (span, n, plan, slots) => countBuckets(store.times, store.codes('errorCode'), span, 0, n, plan.start, plan.bucketMs, slots),
  }
}

/** The histogram of a span's ids, in at most `buckets` buckets. */
export function histogramOfSpan(store: EventStore, span: IdSpan, buckets: number, passes = onThisThread(store)): Histogram {
  const length = spanLength(span)
  const { min, max, untimed } = passes.bounds(span, length)
  if (min === Infinity) {
    // Only untimed events (or none): no bucket, but their detections are still counted by level.
    const none = { start: 0, bucketMs: MINUTE, count: 0 }
    return { start: 0, bucketMs: MINUTE, errors: [], successes: [], untimed, ...levelsOf(store, span, none) }
  }
  const plan = planBuckets(min, max, buckets)
  const slots = new Int32Array(2 * plan.count)
  passes.buckets(span, length, plan, slots)
  return histogramOfSlots(store, span, plan, slots, untimed)
}

/**
 * Events of `viewIds` per time bucket, errors and successes apart, over the result's own time
 * span, in at most `buckets` buckets of the smallest nice size that fits.
 */
export function histogram(store: EventStore, viewIds: Uint32Array, buckets = 100): Histogram {
  return histogramOfSpan(store, idSpan(viewIds, store.size), buckets)
}
