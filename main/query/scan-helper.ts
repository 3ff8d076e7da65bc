// A second thread for large byte searches. A first-time free-text or JSON-path query reads the
// whole loaded text (1.4 GB for 1M realistic events), and one thread's regexp pass over it is
// the query's whole cost: split in two by bytes, the calling thread searches one half while a
// helper searches the other. Query steps are synchronous, so the caller waits for the helper's
// half with Atomics.wait and takes its answer with receiveMessageOnPort; no event loop turn.
//
// The helper is the query worker's own bundle started with `workerData.scanHelper` (no second
// file to build and package). It reads the segment files through the process's descriptors.
// If it fails or stops answering, the caller searches that half itself: a result is never short.

import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { readUpTo, type TextLayout } from '../store/text-segments'
import type { Needle } from './needle'
import { scanEvents, simdScanAllowed } from './simd-scan'
import { idRange } from './id-lists'

export interface ScanJob {
  id: number
  needles: readonly Needle[]
  /** Whether the SIMD path may be taken (tests turn it off on the calling thread: so here too). */
  simd: boolean
  literals: readonly string[]
  /** The helper's events, in disk order. */
  segmentOf: Uint32Array
  offsets: Float64Array
  lengths: Uint32Array
  fds: number[]
  /** [0]: 1 when the answer is posted; [1]: regions read so far (the helper is alive). */
  signal: Int32Array
}

export type ScanReply = { id: number; hit: Uint8Array } | { id: number; failure: string }

/** Helper side: answers jobs (posted by the caller's worker.postMessage) on `port`. */
export function serveScans(jobs: { on(event: 'message', listener: (job: ScanJob) => void): unknown }, port: MessagePort): void {
  jobs.on('message', (job) => {
    let reply: ScanReply
    try {
      const n = job.lengths.length
      const hit = new Uint8Array(n)
      const layout: TextLayout = { segmentOf: job.segmentOf, offsets: job.offsets, lengths: job.lengths, fds: () => job.fds, readInto: (segment, offset, length, target) => readFully(job.fds[segment], offset, length, target, job.signal) }
      const ids = idRange(0, n)
      scanEvents(layout, ids, ids, job.needles, job.literals, hit, job.simd)
      reply = { id: job.id, hit }
    } catch (error) {
      reply = { id: job.id, failure: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(reply)
    Atomics.store(job.signal, 0, 1)
    Atomics.notify(job.signal, 0)
  })
}

/** A short read fails the helper's half, which the caller then searches itself (and names the file). */
function readFully(fd: number, offset: number, length: number, target: Uint8Array, signal: Int32Array): void {
  if (readUpTo(fd, offset, length, target) < length) throw new Error('short read')
  Atomics.add(signal, 1, 1)
}

/** Without news from the helper for this long, its half is searched by the caller. */
const SILENT_MS = 20_000

class ScanHelper {
  private readonly worker: Worker
  private readonly port: MessagePort
  private nextId = 1
  broken = false

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel()
    this.worker = new Worker(file, { workerData: { scanHelper: port2 }, transferList: [port2] })
    // Idle, it must not keep the process alive (CLI, tests, the bench).
    this.worker.unref()
    port1.unref()
    this.port = port1
    this.worker.on('error', () => (this.broken = true))
    this.worker.on('exit', () => (this.broken = true))
  }

  /** Searches the events at `order`'s positions of `candidates`; their flags (scanEvents) by position, or null: search them yourself. */
  post(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needles: readonly Needle[], literals: readonly string[]): () => Uint8Array | null {
    const n = order.length
    const job: ScanJob = {
      id: this.nextId++,
      needles,
      simd: simdScanAllowed(),
      literals,
      segmentOf: new Uint32Array(n),
      offsets: new Float64Array(n),
      lengths: new Uint32Array(n),
      fds: layout.fds(),
      signal: new Int32Array(new SharedArrayBuffer(8)),
    }
    for (let k = 0; k < n; k++) {
      const id = candidates[order[k]]
      job.segmentOf[k] = layout.segmentOf[id]
      job.offsets[k] = layout.offsets[id]
      job.lengths[k] = layout.lengths[id]
    }
    this.worker.postMessage(job, [job.segmentOf.buffer as ArrayBuffer, job.offsets.buffer as ArrayBuffer, job.lengths.buffer as ArrayBuffer])
    return () => this.answer(job.id, job.signal)
  }

  private answer(id: number, signal: Int32Array): Uint8Array | null {
    let progress = -1
    while (Atomics.load(signal, 0) === 0) {
      if (this.broken) return null
      if (Atomics.wait(signal, 0, 0, SILENT_MS) === 'timed-out' && Atomics.load(signal, 1) === progress) {
        this.broken = true
        void this.worker.terminate()
        return null
      }
      progress = Atomics.load(signal, 1)
    }
    for (let got = receiveMessageOnPort(this.port); got; got = receiveMessageOnPort(this.port)) {
      const reply = got.message as ScanReply
      if (reply.id === id) return 'hit' in reply ? reply.hit : null
    }
    return null
  }
}

let helperFile: string | null = null
let helper: ScanHelper | null = null

/** Where the helper's bundle is (the built query worker); null: searches stay on one thread. */
export function useScanHelper(file: string | null): void {
  helperFile = file && existsSync(file) ? file : null
  helper = null
}

/** The running helper, started on first use; null when there is none to use. */
export function scanHelper(): ScanHelper | null {
  if (helper?.broken) helper = null
  if (!helper && helperFile) helper = new ScanHelper(helperFile)
  return helper
}
