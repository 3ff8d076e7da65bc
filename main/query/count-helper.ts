// A second thread for the facets' and the histogram's counting passes. Each pass is bound by
// reading a column (40 MB per field at 10M events), so the count worker (count-jobs.ts) counts
// the first half of a view's ids while this helper counts the second half into arrays of its
// own, then adds them up. The helper is the query worker's bundle started again with
// `workerData.countHelper` (no second file to build and package), and reads the same shared
// columns: nothing is copied.
//
// The caller waits with Atomics.wait (its passes are synchronous). A half is claimed with a
// compare-and-swap on signal[1], by the helper when it starts it or by the caller when the
// helper has not started it in time (a helper still starting up, or busy): whoever wins counts
// it, so a result is never short and never counted twice.

import { Worker, type MessagePort } from 'node:worker_threads'
import { countBuckets, countColumn, timeBounds } from './facet-count'

export type CountHalf =
  | { kind: 'codes'; columns: (Uint32Array | Uint8Array)[]; counts: Int32Array[] }
  | { kind: 'bounds'; times: Float64Array; bounds: Float64Array }
  | { kind: 'buckets'; times: Float64Array; errors: Uint32Array; start: number; bucketMs: number; slots: Int32Array }

export type CountHelperJob = CountHalf & {
  /** The ids (null: every id, the positions are ids) and the positions [from, to) to count. */
  ids: Uint32Array | null
  from: number
  to: number
  /** [0]: 1 when counted; [1]: 0 unclaimed, 1 claimed by the helper, 2 taken back by the caller. */
  signal: Int32Array
}

/** Counts one half, as either thread does. */
export function countHalf(job: CountHalf & { ids: Uint32Array | null; from: number; to: number }): void {
  const span = { ids: job.ids, every: 0 }
  if (job.kind === 'codes') {
    job.columns.forEach((column, f) => countColumn(column, job.counts[f], span, job.from, job.to))
  } else if (job.kind === 'bounds') {
    const { min, max, untimed } = timeBounds(job.times, span, job.from, job.to)
    job.bounds.set([min, max, untimed])
  } else {
    countBuckets(job.times, job.errors, span, job.from, job.to, job.start, job.bucketMs, job.slots)
  }
}

/** Helper side: counts the halves posted on `port` that the caller has not taken back. */
export function serveCountHalves(port: MessagePort | { on(event: 'message', listener: (job: CountHelperJob) => void): unknown }): void {
  port.on('message', (job: CountHelperJob) => {
    if (Atomics.compareExchange(job.signal, 1, 0, 1) !== 0) return
    Atomics.notify(job.signal, 1)
    try {
      countHalf(job)
    } finally {
      Atomics.store(job.signal, 0, 1)
      Atomics.notify(job.signal, 0)
    }
  })
}

/**
 * How long the caller lets an unstarted half wait for the helper once its own half is counted,
 * and a started one run, in ms. A helper that has not started by then is not getting a core
 * (a loaded machine) or is still starting: waiting longer would only add to the count's time.
 */
const START_WAIT_MS = 2
const RUN_WAIT_MS = 30_000

/** Caller side: the helper thread, started on first use. */
export class CountHelper {
  private worker: Worker | null = null

  constructor(private readonly bundle: string) {}

  /**
   * Counts `first` on this thread and `second` on the helper (or here, if it does not start it
   * in time); returns whether the helper counted `second` (its arrays then hold its counts).
   */
  split(first: () => void, second: CountHalf & { ids: Uint32Array | null; from: number; to: number }): boolean {
    const signal = new Int32Array(new SharedArrayBuffer(8))
    const worker = this.start()
    if (worker) worker.postMessage({ ...second, signal } satisfies CountHelperJob)
    first()
    if (worker) Atomics.wait(signal, 1, 0, START_WAIT_MS)
    if (!worker || Atomics.compareExchange(signal, 1, 0, 2) === 0) {
      countHalf(second)
      return false
    }
    // Claimed by the helper: its half is being counted; a helper that never finishes is a bug,
    // and an error beats a silently short count.
    if (Atomics.wait(signal, 0, 0, RUN_WAIT_MS) === 'timed-out') throw new Error('The count helper stopped answering.')
    return true
  }

  close(): void {
    void this.worker?.terminate()
    this.worker = null
  }

  private start(): Worker | null {
    if (this.worker) return this.worker
    try {
      const worker = new Worker(this.bundle, { workerData: { countHelper: true } })
      worker.unref()
      // A helper that fails is dropped: the caller counts both halves from then on.
      worker.on('error', () => {
        if (this.worker === worker) this.worker = null
      })
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null
      })
      this.worker = worker
      return worker
    } catch {
      return null
    }
  }
}
