// The count worker's side: the facets and the histogram of a view, over its mirror of the store
// (columns shared with the main thread, count-dispatch.ts) and the view's ids (shared too), so
// the main process's event loop only routes the request and the answer. A view's ids are put
// in id order once for both its facets and its histogram; a view of a few hundred thousand ids
// or more is counted half here and half on a helper thread (count-helper.ts).

import type { MessagePort } from 'node:worker_threads'
import type { Facet, Histogram } from '../../common/query/facet-query'
import { EventStore } from '../store/event-store'
import { setDetectionProvider } from '../detect/detection-column'
import { columnOf, countFacets, countBuckets, slotsOf, timeBounds } from './facet-count'
import { facetsOfCounts } from './facets'
import { histogramOfSpan, type HistogramPasses } from './histogram'
import { idSpan, spanLength, toShared, type IdSpan } from './id-lists'
import { CountHelper } from './count-helper'
import type { CountJob, CountJobResult } from './query-messages'

/** Below this many ids a view is counted on one thread: a helper's round trip would cost more. */
export const SPLIT_MIN_IDS = 200_000

/** Views whose ids in id order are kept (the current one, and the one before while it is asked for). */
const KEPT_SPANS = 2

type Jobs = MessagePort | { on(event: 'message', listener: (job: CountJob) => void): unknown; postMessage(result: CountJobResult): void }

export function serveCounts(port: Jobs, bundle: string): void {
  const counter = new Counter(new CountHelper(bundle))
  port.on('message', (job: CountJob) => {
    let result: CountJobResult
    try {
      result = job.kind === 'facets' ? { id: job.id, facets: counter.facets(job) } : { id: job.id, histogram: counter.histogram(job) }
    } catch (error) {
      result = { id: job.id, failure: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(result)
  })
}

class Counter {
  private readonly store = new EventStore()
  private spans: { viewId: number; generation: number; span: IdSpan }[] = []
  /** The helper's count arrays, kept zeroed between jobs (one per field, as big as the dictionary). */
  private helperCounts: Int32Array[] = []

  constructor(private readonly helper: CountHelper) {}

  facets(job: CountJob & { kind: 'facets' }): Facet[] {
    const { store } = this
    const span = this.spanOf(job)
    const n = spanLength(span)
    const counts = job.fields.map((field) => new Int32Array(slotsOf(store, field)))
    if (n < SPLIT_MIN_IDS) return facetsOfCounts(store, job.fields, countFacets(store, job.fields, span, 0, n, counts), job.limit)
    const mid = n >>> 1
    const theirs = job.fields.map((field, f) => {
      const kept = this.helperCounts[f]
      return kept?.length === slotsOf(store, field) ? kept : new Int32Array(new SharedArrayBuffer(4 * slotsOf(store, field)))
    })
    this.helperCounts = theirs
    const columns = job.fields.map((field) => columnOf(store, field))
    this.helper.split(() => countFacets(store, job.fields, span, 0, mid, counts), { kind: 'codes', columns, counts: theirs, ids: span.ids, from: mid, to: n })
    counts.forEach((mine, f) => {
      const other = theirs[f]
      for (let code = 0; code < mine.length; code++) mine[code] += other[code]
      other.fill(0)
    })
    return facetsOfCounts(store, job.fields, counts, job.limit)
  }

  histogram(job: CountJob & { kind: 'histogram' }): Histogram {
    const { store } = this
    // The detections layer reads the level column the main thread sent with the job.
    const levels = job.levels ?? new Uint8Array(0)
    setDetectionProvider(store, { levels: () => levels, rules: () => [], eventIdsOfRule: () => [] })
    const span = this.spanOf(job)
    return histogramOfSpan(store, span, job.buckets, spanLength(span) < SPLIT_MIN_IDS ? undefined : this.splitPasses())
  }

  /** The histogram's passes, each counted half here and half on the helper. */
  private splitPasses(): HistogramPasses {
    const { store, helper } = this
    const times = store.times
    const errors = store.codes('errorCode')
    return {
      bounds: (span, n) => {
        const mid = n >>> 1
        let mine = { min: Infinity, max: -Infinity, untimed: 0 }
        const bounds = new Float64Array(new SharedArrayBuffer(24))
        helper.split(() => (mine = timeBounds(times, span, 0, mid)), { kind: 'bounds', times, bounds, ids: span.ids, from: mid, to: n })
        return { min: Math.min(mine.min, bounds[0]), max: Math.max(mine.max, bounds[1]), untimed: mine.untimed + bounds[2] }
      },
      buckets: (span, n, plan, slots) => {
        const mid = n >>> 1
        const theirs = new Int32Array(new SharedArrayBuffer(slots.byteLength))
        helper.split(() => countBuckets(times, errors, span, 0, mid, plan.start, plan.bucketMs, slots), { kind: 'buckets', times, errors, start: plan.start, bucketMs: plan.bucketMs, slots: theirs, ids: span.ids, from: mid, to: n })
        for (let i = 0; i < slots.length; i++) slots[i] += theirs[i]
      },
    }
  }

  /** The job's view in id order (shared with the helper), made once per view. */
  private spanOf(job: CountJob): IdSpan {
    this.store.adoptMirror(job.update)
    const generation = this.store.generation
    const kept = this.spans.find((s) => s.viewId === job.viewId && s.generation === generation)
    if (kept) return kept.span
    const span = idSpan(job.ids, this.store.size)
    if (span.ids) span.ids = toShared(span.ids)
    this.spans = [{ viewId: job.viewId, generation, span }, ...this.spans.filter((s) => s.generation === generation)].slice(0, KEPT_SPANS)
    return span
  }
}
