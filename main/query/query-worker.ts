// A query worker: evaluates views (query, time range, sort) over its mirror of the store, so
// the main process's event loop only routes messages while a free-text or JSON-path query
// reads gigabytes. One view at a time; a newer one replaces this worker (query-dispatch.ts).
// The same bundle, started with `workerData.counts`, is the count worker (facets and the
// histogram, count-jobs.ts), and with `countHelper` or `scanHelper`, the helpers that split a
// count or a byte search in two.

import { parentPort, workerData } from 'node:worker_threads'
import { EventStore } from '../store/event-store'
import { evaluateView } from './evaluate-view'
import type { ViewJob, ViewJobResult } from './query-messages'
import { serveScans, useScanHelper } from './scan-helper'
import { serveCounts } from './count-jobs'
import { serveCountHalves } from './count-helper'
import { toShared, withoutRuns } from './id-lists'
import type { MessagePort } from 'node:worker_threads'

const store = new EventStore()

const role = (workerData ?? {}) as { scanHelper?: MessagePort; counts?: boolean; countHelper?: boolean }
if (role.scanHelper && parentPort) {
  // Started by a query worker (or the bench) as its byte-search helper: see scan-helper.ts.
  serveScans(parentPort, role.scanHelper)
} else if (role.counts && parentPort) {
  serveCounts(parentPort, __filename)
} else if (role.countHelper && parentPort) {
  serveCountHalves(parentPort)
} else {
  // This bundle, started again, is the helper that large byte searches split their bytes with
  // (started by the first of them: a worker replaced by a newer query may never need one).
  useScanHelper(__filename)
  parentPort?.on('message', evaluateJob)
}

function evaluateJob(job: ViewJob): void {
  let result: ViewJobResult
  try {
    store.adoptMirror(job.update)
    const { ids, error } = evaluateView(store, job.spec)
    // Shared, not transferred: the count worker then reads the same ids for the view's facets
    // and histogram without a copy on the main thread (the copy is made here).
    result = { id: job.id, ids: toShared(withoutRuns(ids, job.hidden)), ...(error ? { error } : {}) }
  } catch (error) {
    result = { id: job.id, failure: error instanceof Error ? error.message : String(error) }
  }
  parentPort?.postMessage(result)
}
