// Runs the facets and the histogram of a view in the count worker (count-jobs.ts), over the same
// shared columns as the query worker, so the main process's event loop only routes the request
// and the answer: counting a view of 10M events reads hundreds of MB, and rows, events and
// progress must keep answering meanwhile. Counts queue here, in the order asked, and go to the
// worker one at a time: when the user types fast, each view asks for its facets and histogram,
// and a newer view's counts drop the older views' that have not started (they reject as
// superseded; the renderer wants only the view it shows). "Show all" requests are never dropped:
// the filter bar's completions ask them of the view shown when a value was begun. Without a
// built worker (a run from sources that never built) they count here.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import type { EventStore } from '../store/event-store'
import type { Facet, FacetField, Histogram } from '../../common/query/facet-query'
import { detectionProvider } from '../detect/detection-column'
import { facetCounts, histogram } from './facets'
import { facetValues } from './facet-values'
import type { FacetValuesRequest, FacetValuesResult } from '../../common/ipc-contract'
import { toShared } from './id-lists'
import { defaultQueryWorkerPath } from './query-dispatch'
import { MirrorReceiver, StoreMirror } from './store-mirror'
import type { CountJob, CountJobResult, CountRequest } from './query-messages'
import { SharedLevels } from './shared-levels'

/** The counts were stopped (Clear) before they were done: their view is gone. */
export class CountsStoppedError extends Error {
  constructor(message = 'The counts were stopped.') {
    super(message)
  }
}

/** The counts of a view were dropped before they started: a newer view's counts were asked for. */
export class CountsSupersededError extends CountsStoppedError {
  constructor() {
    super('The counts of a newer view replaced these.')
  }
}

/** A count asked for and not answered yet: queued here, or running in the worker. */
interface Queued {
  id: number
  viewId: number
  ids: Uint32Array
  request: CountRequest
  resolve(result: CountJobResult): void
  reject(error: Error): void
}

export class CountDispatcher {
  private worker: Worker | null = null
  /** Counts not sent yet, in the order asked. */
  private queue: Queued[] = []
  /** The count the worker is counting (one at a time, so that a newer view can drop the queued ones). */
  private running: Queued | null = null
  private nextId = 1
  private readonly receiver = new MirrorReceiver()
  private readonly usable: boolean
  private readonly levels = new SharedLevels()

  constructor(
    private readonly store: EventStore,
    private readonly mirror = new StoreMirror(),
    private readonly workerPath = defaultQueryWorkerPath(),
  ) {
    this.usable = existsSync(workerPath)
  }

  /** Whether counts run in the worker (false: on the calling thread). */
  get inWorker(): boolean {
    return this.usable
  }

  /** The facets of a view's ids (any order, distinct); `viewId` names them for the worker's reuse. */
  async facets(viewId: number, ids: Uint32Array, fields: readonly FacetField[], limit: number): Promise<Facet[]> {
    if (!this.usable) return facetCounts(this.store, ids, fields, limit)
    const result = await this.run(viewId, ids, { kind: 'facets', fields, limit })
    if (!('facets' in result)) throw new Error('The count worker answered a facets request with something else.')
    return result.facets
  }

  /** The histogram of a view's ids, with the detections layer when some event matched a rule. */
  async histogram(viewId: number, ids: Uint32Array, buckets: number): Promise<Histogram> {
    if (!this.usable) return histogram(this.store, ids, buckets)
    // The level column lives beside the store on this thread: sent only when some event matched
    // a rule, shared (copied once per column, not once per request).
    const levels = this.levels.of(detectionProvider(this.store)?.levels())
    const result = await this.run(viewId, ids, { kind: 'histogram', buckets, ...(levels ? { levels } : {}) })
    if (!('histogram' in result)) throw new Error('The count worker answered a histogram request with something else.')
    return result.histogram
  }

  /** One facet of a view in full ("show all"), its ids in the view's order. */
  async facetValues(viewId: number, ids: Uint32Array, request: FacetValuesRequest): Promise<FacetValuesResult> {
    if (!this.usable) return facetValues(this.store, ids, request)
    const result = await this.run(viewId, ids, { kind: 'values', request })
    if (!('values' in result)) throw new Error('The count worker answered a facet values request with something else.')
    return result.values
  }

  /** Stops the worker; counts still queued or running reject. */
  close(): void {
    if (this.worker) this.stopWorker(new CountsStoppedError())
  }

  private run(viewId: number, ids: Uint32Array, request: CountRequest): Promise<CountJobResult> {
    if (request.kind !== 'values') this.dropOlderThan(viewId)
    return new Promise<CountJobResult>((resolve, reject) => {
      // Views evaluated in the query worker arrive shared already; others are copied once here.
      this.queue.push({ id: this.nextId++, viewId, ids: toShared(ids), request, resolve, reject })
      this.sendNext()
    }).then((result) => {
      if ('failure' in result) throw new Error(result.failure)
      return result
    })
  }

  /** Rejects the queued facets and histograms of views older than `viewId` (the running count finishes). */
  private dropOlderThan(viewId: number): void {
    const dropped = this.queue.filter((queued) => queued.request.kind !== 'values' && queued.viewId < viewId)
    if (dropped.length === 0) return
    this.queue = this.queue.filter((queued) => !dropped.includes(queued))
    for (const queued of dropped) queued.reject(new CountsSupersededError())
  }

  /** Sends the next queued count when the worker is free. The mirror update goes with it: the store as it is now. */
  private sendNext(): void {
    if (this.running || this.queue.length === 0) return
    const worker = this.worker ?? this.startWorker()
    const queued = this.queue.shift()!
    this.running = queued
    const job: CountJob = { ...queued.request, id: queued.id, viewId: queued.viewId, ids: queued.ids, update: this.mirror.update(this.store, this.receiver) }
    worker.postMessage(job)
  }

  private startWorker(): Worker {
    const worker = new Worker(this.workerPath, { workerData: { counts: true } })
    // Idle, it must not keep the process alive (CLI, tests).
    worker.unref()
    worker.on('message', (result: CountJobResult) => {
      const running = this.running
      if (!running || running.id !== result.id || worker !== this.worker) return
      this.running = null
      running.resolve(result)
      this.sendNext()
    })
    worker.on('error', (error) => {
      if (worker === this.worker) this.stopWorker(error)
    })
    worker.on('exit', (code) => {
      if (worker === this.worker) this.stopWorker(new Error(`The count worker stopped (exit code ${code}).`))
    })
    this.worker = worker
    this.receiver.forget()
    return worker
  }

  private stopWorker(reason: Error): void {
    const { worker } = this
    this.worker = null
    const pending = [...(this.running ? [this.running] : []), ...this.queue]
    this.running = null
    this.queue = []
    for (const p of pending) p.reject(reason)
    void worker?.terminate()
  }
}
