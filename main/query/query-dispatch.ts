// Runs view evaluation (query, time range, sort) in a worker thread, so the main process keeps
// answering row requests, event texts and progress while a slow query (free text or a JSON
// path over millions of events) runs. A newer view cancels an older one: the worker running
// it is stopped at once (a synchronous scan cannot be interrupted otherwise) and a new one is
// started; the shared columns are handed over again, which costs no copy.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { EventStore } from '../store/event-store'
import type { QueryError, ViewSpec } from '../../common/ipc-contract'
import { evaluateView } from './evaluate-view'
import { MirrorReceiver, StoreMirror } from './store-mirror'
import type { ViewJob, ViewJobResult } from './query-messages'
import { namesMainThreadField } from './main-thread-fields'
import { withoutRuns } from './id-lists'

/** The built query worker beside this bundle (dist/main), or the build output when running from sources. */
export function defaultQueryWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'query')
  const beside = path.join(here, 'query-worker.cjs')
  if (existsSync(beside)) return beside.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return path.resolve(here, '..', '..', 'dist', 'main', 'query-worker.cjs')
}

/** A view's evaluation was replaced by a newer one before it finished. */
export class SupersededError extends Error {
  constructor() {
    super('A newer query replaced this one.')
  }
}

/** A view's evaluation was stopped by the user (cancelView) before it finished. */
export class QueryCancelledError extends Error {
  constructor() {
    super('The query was cancelled.')
  }
}

interface Pending {
  id: number
  resolve(result: { ids: Uint32Array; error?: QueryError }): void
  reject(error: Error): void
}

export class QueryDispatcher {
  private worker: Worker | null = null
  private pending: Pending | null = null
  private nextId = 1
  private readonly receiver = new MirrorReceiver()
  private readonly usable: boolean

  /** `mirror`: the shared columns, also read by the count worker (count-dispatch.ts). */
  constructor(
    private readonly store: EventStore,
    private readonly workerPath = defaultQueryWorkerPath(),
    private readonly mirror = new StoreMirror(),
  ) {
    // Without a built worker (a run from sources that never built) views are evaluated here.
    this.usable = existsSync(workerPath)
  }

  /** Whether views run in the worker (false: on the calling thread). */
  get inWorker(): boolean {
    return this.usable
  }

  /**
   * The view's ids, without those in the `hidden` runs [first, end); rejects with
   * SupersededError when a newer call came first. From the worker they come in a
   * SharedArrayBuffer (the count worker reads them there).
   */
  evaluateView(spec: ViewSpec, hidden: [number, number][] = []): Promise<{ ids: Uint32Array; error?: QueryError }> {
    if (!this.usable || namesMainThreadField(spec.query)) {
      // An older view still running in the worker is overtaken by this one.
      if (this.pending) this.stopWorker(new SupersededError())
      const { ids, error } = evaluateView(this.store, spec)
      return Promise.resolve({ ids: withoutRuns(ids, hidden), ...(error ? { error } : {}) })
    }
    if (this.pending) this.stopWorker(new SupersededError())
    const worker = this.worker ?? this.startWorker()
    const job: ViewJob = { id: this.nextId++, spec, update: this.mirror.update(this.store, this.receiver), hidden }
    return new Promise((resolve, reject) => {
      this.pending = { id: job.id, resolve, reject }
      worker.postMessage(job)
    })
  }

  /**
   * Stops the view running in the worker, if any: its evaluateView rejects with
   * QueryCancelledError. Returns whether one was running (a view evaluated on the calling thread
   * has already finished when a cancel can arrive).
   */
  cancel(): boolean {
    if (!this.pending) return false
    this.stopWorker(new QueryCancelledError())
    return true
  }

  /** Stops the worker (and any view in it). */
  close(): void {
    if (this.worker) this.stopWorker(new SupersededError())
  }

  private startWorker(): Worker {
    const worker = new Worker(this.workerPath)
    // Idle, it must not keep the process alive (CLI, tests).
    worker.unref()
    worker.on('message', (result: ViewJobResult) => {
      const pending = this.pending
      if (!pending || pending.id !== result.id || worker !== this.worker) return
      this.pending = null
      if ('failure' in result) pending.reject(new Error(result.failure))
      else pending.resolve(result.error ? { ids: result.ids, error: result.error } : { ids: result.ids })
    })
    worker.on('error', (error) => {
      if (worker === this.worker) this.stopWorker(error)
    })
    worker.on('exit', (code) => {
      if (worker === this.worker) this.stopWorker(new Error(`The query worker stopped (exit code ${code}).`))
    })
    this.worker = worker
    this.receiver.forget()
    return worker
  }

  private stopWorker(reason: Error): void {
    const { worker, pending } = this
    this.worker = null
    this.pending = null
    pending?.reject(reason)
    void worker?.terminate()
  }
}
