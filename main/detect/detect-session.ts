// Detection over a growing store: each update() sends the events loaded since the last one (only
// those whose eventName some rule can match) to detection workers, and keeps their matches;
// detections() assembles them (correlations re-run over all matches, which is cheap). The main
// thread only picks candidate ids from the eventName column and copies those events' bytes.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { compileRuleSet, type RuleSet, type RuleText } from './rule-set'
import { EventMatcher, type Hit } from './event-matcher'
import { packEvents, storeView } from './store-view'
import { assembleDetections } from './assemble'
import { defaultWorkerCount } from '../loader/worker-pool'
import type { EventStore } from '../store/event-store'
import type { Detection } from './rule-model'
import type { DetectWorkerReply, DetectWorkerRequest } from './detect-worker'

/** Bytes of event text per worker job: large enough to amortise a message, small enough to balance. */
const JOB_BYTES = 8 * 1024 * 1024

export function defaultDetectWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'detect')
  const beside = path.join(here, 'detect-worker.cjs')
  if (existsSync(beside)) return beside.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return path.resolve(here, '..', '..', 'dist', 'main', 'detect-worker.cjs')
}

export interface DetectSessionOptions {
  /** 0: match in this thread (tests, tiny sets). Default: one per core, at most 8. */
  workers?: number
  workerPath?: string
}

export class DetectionSession {
  readonly set: RuleSet
  private readonly matcher: EventMatcher
  private workers: Worker[] = []
  private hits: Hit[] = []
  private done = 0
  private generation = -1
  private nextJob = 1
  private pending = new Map<number, { resolve: (hits: Hit[]) => void; reject: (e: Error) => void }>()
  private candidateByCode = new Map<number, boolean>()

  constructor(files: readonly RuleText[], private readonly options: DetectSessionOptions = {}) {
    this.set = compileRuleSet(files)
    this.matcher = new EventMatcher(this.set)
    const count = options.workers ?? defaultWorkerCount()
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.workerPath ?? defaultDetectWorkerPath())
      worker.on('message', (reply: DetectWorkerReply) => {
        const waiting = this.pending.get(reply.jobId)
        this.pending.delete(reply.jobId)
        if ('error' in reply) waiting?.reject(new Error(`detection worker: ${reply.error}`))
        else waiting?.resolve(reply.hits)
      })
      worker.on('error', (error) => {
        for (const w of this.pending.values()) w.reject(error)
        this.pending.clear()
      })
      worker.postMessage({ kind: 'rules', files: [...files] } satisfies DetectWorkerRequest)
      this.workers.push(worker)
    }
  }

  /** Events matched so far (ids below this are done). */
  get matchedUpTo(): number {
    return this.done
  }

  /** Matches the events added since the last update (all of them after a clear()). */
  async update(store: EventStore): Promise<void> {
    if (store.generation !== this.generation) {
      this.generation = store.generation
      this.done = 0
      this.hits = []
      this.candidateByCode.clear()
    }
    const end = store.size
    const ids = this.candidateIds(store, this.done, end)
    this.done = end
    if (this.workers.length === 0) {
      this.hits.push(...this.matcher.match(storeView(store, ids)))
      return
    }
    // At most two jobs per worker in flight: a million events' bytes are never copied at once.
    const inFlight = new Set<Promise<void>>()
    const results: Hit[][] = []
    let start = 0
    let bytes = 0
    let turn = 0
    for (let k = 0; k <= ids.length; k++) {
      if (k < ids.length) bytes += store.bytes(ids[k]).length
      if (k === ids.length ? k > start : bytes >= JOB_BYTES) {
        const upTo = k === ids.length ? k : k + 1
        if (inFlight.size >= 2 * this.workers.length) await Promise.race(inFlight)
        const slot = results.length
        results.push([])
        const job = this.send(this.workers[turn++ % this.workers.length], packEvents(store, ids.slice(start, upTo))).then((hits) => {
          results[slot] = hits
          inFlight.delete(job)
        })
        inFlight.add(job)
        start = upTo
        bytes = 0
      }
    }
    await Promise.all(inFlight)
    for (const hits of results) this.hits.push(...hits)
  }

  private send(worker: Worker, events: ReturnType<typeof packEvents>): Promise<Hit[]> {
    const jobId = this.nextJob++
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject })
      const message: DetectWorkerRequest = { kind: 'job', jobId, events }
      worker.postMessage(message, [events.ids.buffer, events.codes.buffer, events.text.buffer, events.offsets.buffer] as ArrayBuffer[])
    })
  }

  /** Ids in [from, to) whose eventName some rule may match: an index lookup per distinct name. */
  private candidateIds(store: EventStore, from: number, to: number): Uint32Array {
    const names = store.codes('eventName')
    const out = new Uint32Array(to - from)
    let n = 0
    for (let id = from; id < to; id++) {
      const code = names[id]
      let yes = this.candidateByCode.get(code)
      if (yes === undefined) {
        yes = this.matcher.candidates(store.value(code)).length > 0
        this.candidateByCode.set(code, yes)
      }
      if (yes) out[n++] = id
    }
    return out.slice(0, n)
  }

  /** Every detection so far, correlations included. */
  detections(store: EventStore): Detection[] {
    const times = store.times
    return assembleDetections(this.set, this.hits, (id) => times[id])
  }

  /** The raw matches (for per-event columns: which events matched which rules). */
  get matches(): readonly Hit[] {
    return this.hits
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers = []
  }
}
