// Detection over a growing store: each update() has detection workers match the events loaded
// since the last one, and keeps their matches; detections() assembles them (correlations re-run
// over all matches, which is cheap). The workers share the store's columns (StoreMirror, as the
// query workers do) and read its text files themselves: the main thread only routes messages.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { compileRuleSet, type RuleSet, type RuleText } from './rule-set'
import { EventMatcher, type Hit } from './event-matcher'
import { MatchList, type MatchBatch } from './match-list'
import { StoreMirror } from '../query/store-mirror'
import { assembleDetections } from './assemble'
import { defaultWorkerCount } from '../loader/worker-pool'
import type { EventStore } from '../store/event-store'
import type { Detection } from './rule-model'
import type { DetectWorkerReply, DetectWorkerRequest } from './detect-worker'

/**
 * Ranges per worker in one update: many, handed out as workers finish (not dealt in advance),
 * so that a worker given slower events is helped by the other and both end together. Dealt in
 * advance, 4 a worker, one worker of two sat idle for a fifth of a 1M-event run (the other had
 * the ranges where every event reads its userAgent and ARN).
 */
const JOBS_PER_WORKER = 32
/** Events per range at least: a message costs far less than matching this many. */
const MIN_JOB_EVENTS = 5_000
/** Ranges a worker holds at once: the next one waits in its queue while it answers the last. */
const IN_FLIGHT_PER_WORKER = 2

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
  private readonly found = new MatchList()
  private done = 0
  private generation = -1
  private nextJob = 1
  private pending = new Map<number, { resolve: (matches: MatchBatch) => void; reject: (e: Error) => void }>()
  private readonly mirror = new StoreMirror()

  constructor(files: readonly RuleText[], private readonly options: DetectSessionOptions = {}) {
    // The workers first: each compiles the rules while this thread does (the same work, each
    // needs its own closures), rather than starting only once this thread has finished.
    const count = options.workers ?? defaultWorkerCount()
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.workerPath ?? defaultDetectWorkerPath())
      worker.on('message', (reply: DetectWorkerReply) => {
        const waiting = this.pending.get(reply.jobId)
        this.pending.delete(reply.jobId)
        if ('error' in reply) waiting?.reject(new Error(`detection worker: ${reply.error}`))
        else waiting?.resolve(reply.matches)
      })
      worker.on('error', (error) => {
        for (const w of this.pending.values()) w.reject(error)
        this.pending.clear()
      })
      worker.postMessage({ kind: 'rules', files: [...files] } satisfies DetectWorkerRequest)
      this.workers.push(worker)
    }
    this.set = compileRuleSet(files)
    this.matcher = new EventMatcher(this.set)
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
      this.found.clear()
    }
    const generation = this.generation
    const from = this.done
    const end = store.size
    this.done = end
    if (this.workers.length === 0) {
      this.matcher.match(store, from, end, this.found)
      return
    }
    if (end === from) return
    // The workers read the store's columns where this thread wrote them and its text files
    // themselves: this thread sends each only what changed and the ranges to match.
    const update = this.mirror.update(store)
    for (const worker of this.workers) worker.postMessage({ kind: 'mirror', update } satisfies DetectWorkerRequest)
    let results: MatchBatch[]
    try {
      results = await this.matchInWorkers(from, end)
    } catch (error) {
      // A clear() while the workers ran closes the text files they were reading: not a failure.
      if (this.generation !== generation) return
      throw error
    }
    // A clear() while the workers ran: these matches are of events that are gone.
    if (this.generation !== generation) return
    // In job order, so the matches stay in id order.
    for (const batch of results) this.found.append(batch)
  }

  /** Matches [from, end) in ranges handed to whichever worker is free; the batches in range order. */
  private async matchInWorkers(from: number, end: number): Promise<MatchBatch[]> {
    const size = Math.max(MIN_JOB_EVENTS, Math.ceil((end - from) / (JOBS_PER_WORKER * this.workers.length)))
    const starts: number[] = []
    for (let start = from; start < end; start += size) starts.push(start)
    const results: MatchBatch[] = new Array<MatchBatch>(starts.length)
    let next = 0
    let failed = false
    const feed = async (worker: Worker): Promise<void> => {
      while (next < starts.length && !failed) {
        const k = next++
        try {
          results[k] = await this.send(worker, starts[k], Math.min(end, starts[k] + size))
        } catch (error) {
          failed = true
          throw error
        }
      }
    }
    const feeders: Promise<void>[] = []
    for (let slot = 0; slot < IN_FLIGHT_PER_WORKER; slot++) for (const worker of this.workers) feeders.push(feed(worker))
    await Promise.all(feeders)
    return results
  }

  private send(worker: Worker, from: number, to: number): Promise<MatchBatch> {
    const jobId = this.nextJob++
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject })
      worker.postMessage({ kind: 'job', jobId, from, to } satisfies DetectWorkerRequest)
    })
  }

  /** Every detection so far, correlations included, in time order (the CLI prints them all). */
  detections(store: EventStore): Detection[] {
    const times = store.times
    return assembleDetections(this.set, this.found, (id) => times[id])
  }

  /** Every match so far, in id order (the service's tables read them from `since` on). */
  get matchList(): MatchList {
    return this.found
  }

  /** The matches as objects (tests). */
  get matches(): readonly Hit[] {
    return Array.from({ length: this.found.length }, (_, k) => this.found.hit(k))
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers = []
  }
}
