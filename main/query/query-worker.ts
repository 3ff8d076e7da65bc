// A query worker: evaluates views (query, time range, sort) over its mirror of the store, so
// the main process's event loop only routes messages while a free-text or JSON-path query
// reads gigabytes. One view at a time; a newer one replaces this worker (query-dispatch.ts).

import { parentPort, workerData } from 'node:worker_threads'
import { EventStore } from '../store/event-store'
import { evaluateView } from './evaluate-view'
import type { ViewJob, ViewJobResult } from './query-messages'
import { serveScans, useScanHelper } from './scan-helper'
import type { MessagePort } from 'node:worker_threads'

const store = new EventStore()

const helperPort = (workerData as { scanHelper?: MessagePort } | null)?.scanHelper
if (helperPort && parentPort) {
  // Started by a query worker (or the bench) as its byte-search helper: see scan-helper.ts.
  serveScans(parentPort, helperPort)
} else {
  // This bundle, started again, is the helper that large byte searches split their bytes with
  // (started by the first of them: a worker replaced by a newer query may never need one).
  useScanHelper(__filename)
  parentPort?.on('message', evaluateJob)
}

function evaluateJob(job: ViewJob): void {
  let result: ViewJobResult
  const transfer: ArrayBuffer[] = []
  try {
    store.adoptMirror(job.update)
    const { ids, error } = evaluateView(store, job.spec)
    // Sent by transfer when the ids own their buffer; copied otherwise (a view of a cached list).
    const own = ids.byteOffset === 0 && ids.byteLength === ids.buffer.byteLength && ids.buffer instanceof ArrayBuffer ? ids : ids.slice()
    transfer.push(own.buffer as ArrayBuffer)
    result = { id: job.id, ids: own, ...(error ? { error } : {}) }
  } catch (error) {
    result = { id: job.id, failure: error instanceof Error ? error.message : String(error) }
  }
  parentPort?.postMessage(result, transfer)
}
