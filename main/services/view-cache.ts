// Views of the loaded set: a query, a time range and a sort, evaluated to an array of event ids
// and kept for a while so the renderer can page through them a screenful at a time.

import type { EventStore } from '../store/event-store'
import { VIEW_LIMITS, type FacetValuesRequest, type FacetValuesResult, type RowsRequest, type RowsResult, type ViewInfo, type ViewSpec } from '../../common/ipc-contract'
import { CallError } from '../../common/call-errors'
import type { Facet, FacetField, Histogram } from '../../common/query/facet-query'
import { toShared } from '../query/id-lists'
import { QueryCancelledError, QueryDispatcher } from '../query/query-dispatch'
import { CountDispatcher, CountsStoppedError } from '../query/count-dispatch'
import { StoreMirror } from '../query/store-mirror'
import { viewExpired } from './service-errors'

/** Views kept at once: the current one of each window plus a few the renderer may still page. */
const KEPT_VIEWS = 16

interface View {
  viewId: number
  /** In a SharedArrayBuffer: the count worker reads them there. */
  ids: Uint32Array
}

export class ViewCache {
  private views: View[] = []
  private nextViewId = 1
  /** The last view whose query parsed: a syntax error keeps showing it. */
  private lastGood: View | undefined
  /**
   * Id runs [first, end) of hidden sources (main/services/sources.ts), left out of new views.
   * Asked for at each view, not kept: a source hidden while it loads grows its run.
   */
  hiddenRuns: () => [number, number][] = () => []

  /**
   * Views are evaluated in a worker thread (query-dispatch.ts), their facets and histogram
   * counted in another (count-dispatch.ts), both over one shared copy of the columns: this
   * thread only routes.
   */
  private readonly dispatcher: QueryDispatcher
  private readonly counts: CountDispatcher

  constructor(
    private readonly store: EventStore,
    dispatcher?: QueryDispatcher,
    counts?: CountDispatcher,
  ) {
    const mirror = new StoreMirror()
    this.dispatcher = dispatcher ?? new QueryDispatcher(store, undefined, mirror)
    this.counts = counts ?? new CountDispatcher(store, mirror)
  }

  /** Rejects with SupersededError when a newer set() came before this one finished. */
  async set(spec: ViewSpec): Promise<ViewInfo> {
    const started = performance.now()
    const result = await this.dispatcher.evaluateView(spec, this.hiddenRuns()).catch((error: unknown) => {
      if (error instanceof QueryCancelledError) throw new CallError('query-cancelled', error.message)
      throw error
    })
    let view: View
    if (result.error && this.lastGood) {
      view = this.lastGood
    } else {
      // Shared already from the query worker; a view evaluated on this thread is copied once.
      view = { viewId: this.nextViewId++, ids: toShared(result.ids) }
      this.views.push(view)
      if (this.views.length > KEPT_VIEWS) this.views.shift()
      if (!result.error) this.lastGood = view
    }
    const { newest, oldest } = this.timeSpan()
    return {
      viewId: view.viewId,
      matched: view.ids.length,
      total: this.store.size,
      newest,
      oldest,
      queryMs: Math.round((performance.now() - started) * 10) / 10,
      ...(result.error ? { error: result.error } : {}),
    }
  }

  /** A source was hidden or shown: the last good view (shown on a syntax error) no longer holds. */
  hiddenChanged(): void {
    this.lastGood = undefined
  }

  /** Stops the view being evaluated (its set() rejects with 'query-cancelled'); false when none was running. */
  cancel(): boolean {
    return this.dispatcher.cancel()
  }

  rows(request: RowsRequest): RowsResult {
    const view = this.views.find((v) => v.viewId === request.viewId)
    if (!view) throw viewExpired()
    // The contract's limit, refused rather than cut: fewer rows than asked would read as the view's end.
    const limit = VIEW_LIMITS.rowsPerRequest
    if (request.count > limit) throw new CallError('over-limit', `getRows: request.count must be at most ${limit.toLocaleString('en-US')}`, { call: 'getRows', argument: 'request.count', limit })
    const start = Math.max(0, Math.min(request.start, view.ids.length))
    const end = Math.min(view.ids.length, start + request.count)
    const rows = []
    for (let i = start; i < end; i++) rows.push(this.store.row(view.ids[i]))
    return { viewId: view.viewId, start, rows }
  }

  /** The ids of a view, for exports of "the whole current result". */
  ids(viewId: number): Uint32Array | undefined {
    return this.views.find((v) => v.viewId === viewId)?.ids
  }

  /** A kept view's facets, counted in the count worker. */
  facets(viewId: number, fields: readonly FacetField[], limit: number): Promise<Facet[]> {
    return this.counted(viewId, (ids) => this.counts.facets(viewId, ids, fields, limit))
  }

  /** A kept view's histogram, counted in the count worker. */
  histogram(viewId: number, buckets: number): Promise<Histogram> {
    return this.counted(viewId, (ids) => this.counts.histogram(viewId, ids, buckets))
  }

  /** One facet of a kept view in full ("show all"), counted in the count worker. */
  facetValues(request: FacetValuesRequest): Promise<FacetValuesResult> {
    return this.counted(request.viewId, (ids) => this.counts.facetValues(request.viewId, ids, request))
  }

  private async counted<T>(viewId: number, count: (ids: Uint32Array) => Promise<T>): Promise<T> {
    const ids = this.ids(viewId)
    if (!ids) throw viewExpired()
    // Stopped by Clear: the view they counted is gone, as a row request would be told.
    return count(ids).catch((error: unknown) => {
      throw error instanceof CountsStoppedError ? viewExpired() : error
    })
  }

  clear(): void {
    this.dispatcher.close()
    // The count worker keeps views in id order (40 MB for 10M events): Clear frees them with it.
    this.counts.close()
    this.views = []
    this.lastGood = undefined
  }

  private spanVersion = -1
  private span: { newest: number | null; oldest: number | null } = { newest: null, oldest: null }

  /** Newest and oldest eventTime of the whole set, recomputed only when the set changed. */
  private timeSpan(): { newest: number | null; oldest: number | null } {
    if (this.spanVersion === this.store.version) return this.span
    let newest = -Infinity
    let oldest = Infinity
    const times = this.store.times
    for (let i = 0; i < this.store.size; i++) {
      const t = times[i]
      if (t > newest) newest = t
      if (t < oldest) oldest = t
    }
    this.span = { newest: newest === -Infinity ? null : newest, oldest: oldest === Infinity ? null : oldest }
    this.spanVersion = this.store.version
    return this.span
  }
}
