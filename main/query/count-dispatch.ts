// Runs the facets and the histogram of a view in the count worker (count-jobs.ts), over the same
// shared columns as the query worker, so the main process's event loop only routes the request
// and the answer: counting a view of 10M events reads hundreds of MB, and rows, events and
// progress must keep answering meanwhile. Counts queue in the worker in the order asked (each
// takes at most a few hundred ms); a newer view does not stop them, the renderer drops stale
// answers. Without a built worker (a run from sources that never built) they count here.

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

/** The counts were stopped (Clear) before they were done: their view is gone. */
export class CountsStoppedError extends Error {
  constructor() {
    super('The counts were stopped.')
  }
}

interface Pending {
  resolve(result: CountJobResult): void
  reject(error: Error): void
}

export class CountDispatcher {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private readonly receiver = new MirrorReceiver()
  private readonly usable: boolean

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
    // The level column lives beside the store on this thread: sent (a copy, one byte an event)
    // only when some event matched a rule.
    const column = detectionProvider(this.store)?.levels()
    const levels = column && column.length > 0 ? column : undefined
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

  /** Stops the worker; counts still queued reject. */
  close(): void {
    if (this.worker) this.stopWorker(new CountsStoppedError())
  }

  private run(viewId: number, ids: Uint32Array, request: CountRequest): Promise<CountJobResult> {
    const worker = this.worker ?? this.startWorker()
    // Views evaluated in the query worker arrive shared already; others are copied once here.
    const job: CountJob = { ...request, id: this.nextId++, viewId, ids: toShared(ids), update: this.mirror.update(this.store, this.receiver) }
    return new Promise<CountJobResult>((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject })
      worker.postMessage(job)
    }).then((result) => {
      if ('failure' in result) throw new Error(result.failure)
      return result
    })
  }

  private startWorker(): Worker {
    const worker = new Worker(this.workerPath, { workerData: { counts: true } })
    // Idle, it must not keep the process alive (CLI, tests).
    worker.unref()
    worker.on('message', (result: CountJobResult) => {
      const pending = this.pending.get(result.id)
      if (!pending || worker !== this.worker) return
      this.pending.delete(result.id)
      pending.resolve(result)
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
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) p.reject(reason)
    void worker?.terminate()
  }
}
