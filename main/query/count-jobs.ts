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
import { facetValues } from './facet-values'
import type { FacetValuesResult } from '../../common/ipc-contract'
import { ColumnCodes } from './column-codes'
import type { FacetField } from '../../common/query/facet-query'
import type { CountJob, CountJobResult } from './query-messages'

/** Below this many ids a view is counted on one thread: a helper's round trip would cost more. */
export const SPLIT_MIN_IDS = 200_000

const READ_ONLY_CODES = Uint32Array.of(1, 2)

/** Views whose ids in id order are kept (the current one, and the one before while it is asked for). */
const KEPT_SPANS = 2

type Jobs = MessagePort | { on(event: 'message', listener: (job: CountJob) => void): unknown; postMessage(result: CountJobResult): void }

export function serveCounts(port: Jobs, bundle: string): void {
  const counter = new Counter(new CountHelper(bundle))
  port.on('message', (job: CountJob) => {
    let result: CountJobResult
    try {
      if (job.kind === 'facets') result = { id: job.id, facets: counter.facets(job) }
      else if (job.kind === 'histogram') result = { id: job.id, histogram: counter.histogram(job) }
      else result = { id: job.id, values: counter.values(job) }
    } catch (error) {
      result = { id: job.id, failure: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(result)
  })
}

class Counter {
  private readonly store = new EventStore()
  private spans: { viewId: number; generation: number; span: IdSpan }[] = []
  /** This thread's and the helper's count arrays, kept zeroed between jobs (one per field, as big as the dictionary). */
  private readonly mine = new Map<FacetField, Int32Array>()
  private readonly theirs = new Map<FacetField, Int32Array>()
  private readonly columnCodes = new ColumnCodes()
  private everyBounds = { generation: -1, rows: 0, min: Infinity, max: -Infinity, untimed: 0 }

  constructor(private readonly helper: CountHelper) {}

  facets(job: CountJob & { kind: 'facets' }): Facet[] {
    const { store } = this
    const span = this.spanOf(job)
    const n = spanLength(span)
    // Each column's own codes (readOnly's are 0, 1, 2): what is read, added and cleared below.
    const codes = job.fields.map((field) => (field === 'readOnly' ? READ_ONLY_CODES : this.columnCodes.of(store, field)))
    const counts = job.fields.map((field) => this.zeroed(this.mine, field, false))
    try {
      if (n < SPLIT_MIN_IDS) countFacets(store, job.fields, span, 0, n, counts)
      else this.splitFacets(job.fields, span, n, counts, codes)
    } catch (error) {
      // Arrays left half counted (or still written by a helper that stopped answering) are dropped.
      this.mine.clear()
      this.theirs.clear()
      throw error
    }
    const facets = facetsOfCounts(store, job.fields, counts, job.limit, codes)
    // Left zeroed for the next job: only the column's own codes were counted.
    counts.forEach((mine, f) => {
      mine[0] = 0
      for (const code of codes[f]) mine[code] = 0
    })
    return facets
  }

  /** Counts the first half of the span here and the second on the helper, and adds them up. */
  private splitFacets(fields: readonly FacetField[], span: IdSpan, n: number, counts: Int32Array[], codes: Uint32Array[]): void {
    const { store } = this
    const mid = n >>> 1
    const theirs = fields.map((field) => this.zeroed(this.theirs, field, true))
    const columns = fields.map((field) => columnOf(store, field))
    this.helper.split(() => countFacets(store, fields, span, 0, mid, counts), { kind: 'codes', columns, counts: theirs, ids: span.ids, from: mid, to: n })
    counts.forEach((mine, f) => {
      const other = theirs[f]
      mine[0] += other[0]
      other[0] = 0
      for (const code of codes[f]) {
        mine[code] += other[code]
        other[code] = 0
      }
    })
  }

  /**
   * A field's count array (a slot per code), zeroed: the kept one while the dictionary has not
   * grown (every job leaves it zeroed), else a new one; `shared` for the helper's.
   */
  private zeroed(kept: Map<FacetField, Int32Array>, field: FacetField, shared: boolean): Int32Array {
    const slots = slotsOf(this.store, field)
    let counts = kept.get(field)
    if (counts?.length !== slots) kept.set(field, (counts = new Int32Array(shared ? new SharedArrayBuffer(4 * slots) : new ArrayBuffer(4 * slots))))
    return counts
  }

  /** One facet in full, over the view's ids in its own order (a field read from the JSON reads the view's first events). */
  values(job: CountJob & { kind: 'values' }): FacetValuesResult {
    this.store.adoptMirror(job.update)
    return facetValues(this.store, job.ids, job.request)
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
        if (span.ids === null) return this.boundsOfEvery(span.every)
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

  /**
   * The time span of events [0, every): kept for the largest `every` asked, so a view of every
   * event (the list as loaded) reads only the events added since (the store only appends).
   */
  private boundsOfEvery(every: number): { min: number; max: number; untimed: number } {
    const generation = this.store.generation
    if (this.everyBounds.generation !== generation) this.everyBounds = { generation, rows: 0, min: Infinity, max: -Infinity, untimed: 0 }
    const kept = this.everyBounds
    // An older view of fewer events than were read since: counted afresh.
    if (every < kept.rows) return timeBounds(this.store.times, { ids: null, every }, 0, every)
    const added = timeBounds(this.store.times, { ids: null, every }, kept.rows, every)
    this.everyBounds = { generation, rows: every, min: Math.min(kept.min, added.min), max: Math.max(kept.max, added.max), untimed: kept.untimed + added.untimed }
    return this.everyBounds
  }

  /** The job's view in id order (shared with the helper), made once per view. */
  private spanOf(job: CountJob): IdSpan {
    this.store.adoptMirror(job.update)
    const generation = this.store.generation
    const kept = this.spans.find((s) => s.viewId === job.viewId && s.generation === generation)
    if (kept) return kept.span
    // Shared for the helper: the job's own ids when already ascending, else made shared.
    const span = idSpan(job.ids, this.store.size, true)
    if (span.ids) span.ids = toShared(span.ids)
    this.spans = [{ viewId: job.viewId, generation, span }, ...this.spans.filter((s) => s.generation === generation)].slice(0, KEPT_SPANS)
    return span
  }
}
