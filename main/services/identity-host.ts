// Runs the identity work (link table, chains, dossiers, graphs) in the identity worker, off the
// main thread's event loop: the worker shares the store's columns (identity-mirror.ts: a follow
// copies only the columns the link table reads, a call all of them) and reads event bytes from
// the segment files itself, so the main thread only routes messages and copies new rows of
// columns. The link table follows the load: each eventsChanged push asks the worker
// to read what arrived (follows coalesce: one runs, at most one more is asked for behind it), and
// each follow sends back the chain table that `origin:`, `chain:` and `session:` read here.
// Without a built worker (a run from sources) everything is answered on this thread.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { EventStore } from '../store/event-store'
import { IdentityMirror } from './identity-mirror'
import { setChainTableSource, type ChainTable } from '../identity/chain-table'
import { answerIdentity, type IdentityAnswers, type IdentityRequest } from '../identity/identity-answer'
import type { IdentityWorkerMessage, IdentityWorkerReply } from '../identity/identity-worker'

export function defaultIdentityWorkerPath(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'services')
  const beside = path.join(here, 'identity-worker.cjs')
  if (existsSync(beside)) return beside.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return path.resolve(here, '..', '..', 'dist', 'main', 'identity-worker.cjs')
}

const NO_TABLE: ChainTable = {
  generation: -1,
  size: 0,
  keyCodes: new Uint32Array(0),
  fields: {
    origin: { starts: new Uint32Array(1), values: new Uint32Array(0) },
    chain: { starts: new Uint32Array(1), values: new Uint32Array(0) },
    session: { starts: new Uint32Array(1), values: new Uint32Array(0) },
  },
  strings: [],
}

/** What following the load has cost so far (the bench prints it beside the load's time). */
export interface FollowCost {
  follows: number
  /** Time the worker spent reading what arrived and building chain tables. */
  workerMs: number
  /** Time this thread spent bringing the worker's mirror of the store up to date and posting it. */
  mirrorMs: number
  /** Chain tables the worker made and sent (a query waited, or the load paused). */
  tables: number
}

interface Waiting {
  resolve(value: unknown): void
  reject(error: Error): void
}

/** How long a load must pause before the chain table is made current without a query waiting for it. */
export const TABLE_PAUSE_MS = 500
/**
 * After each table made at a pause, the next pause must be this many times longer (up to
 * MAX_TABLE_PAUSE_MS; a clear starts again from TABLE_PAUSE_MS). A load that stalls (a busy
 * machine, a slow disk or download) pauses many times, and each table is rebuilt whole: on a
 * loaded 2-core machine the 1M-event bench made 2 to 8 tables per load, each 0.3-0.8 s.
 */
export const TABLE_PAUSE_GROWTH = 4
export const MAX_TABLE_PAUSE_MS = 8_000
/** The least time between two follows of a load, unless a query waits. */
export const FOLLOW_GAP_MS = 250

export class IdentityHost {
  private worker: Worker | null = null
  private readonly mirror = new IdentityMirror()
  private readonly usable: boolean
  private table = NO_TABLE
  private nextId = 1
  private readonly calls = new Map<number, Waiting>()
  /** The follow running in the worker, and whether another was asked for behind it. */
  private following = 0
  private again = false
  /** The store's generation and size the worker's link table covers. */
  private followed = { generation: -1, size: 0 }
  /** The same for the chain table here (made only when a query waits for it or the load pauses). */
  private tabled = { generation: -1, size: 0 }
  /** Set by the pause timer: the next follow makes the chain table current. */
  private tableAfterPause = false
  private pauseTimer: ReturnType<typeof setTimeout> | null = null
  /** The pause the next table made without a query waits for, and the store generation it counts in. */
  private pauseMs = TABLE_PAUSE_MS
  private pauseGeneration = -1
  /** When the last follow was sent, and the timer of one put off until FOLLOW_GAP_MS after it. */
  private lastFollowAt = -Infinity
  private gapTimer: ReturnType<typeof setTimeout> | null = null
  /** caughtUp() callers, each with the store's size when it asked (a load that goes on does not keep it waiting). */
  private waiting: { generation: number; size: number; resolve: () => void }[] = []
  readonly cost: FollowCost = { follows: 0, workerMs: 0, mirrorMs: 0, tables: 0 }

  constructor(
    private readonly store: EventStore,
    private readonly workerPath = defaultIdentityWorkerPath(),
  ) {
    this.usable = existsSync(workerPath)
    // Without a worker, chain-table.ts builds the table on this thread from the store itself.
    if (this.usable) setChainTableSource(store, () => (this.table.generation === store.generation ? this.table : NO_TABLE))
  }

  /** Called on every eventsChanged push: the worker reads what arrived since its last follow. */
  follow(): void {
    if (!this.usable || this.store.size === 0) return
    if (this.following !== 0) {
      this.again = true
      return
    }
    // During a load, follows are spaced: each has a fixed cost in the worker (about 7 ms at 1M
    // events), and a batch arrives every few ms. A query waiting for the table is not kept waiting.
    const wait = this.lastFollowAt + FOLLOW_GAP_MS - performance.now()
    if (wait > 0 && this.waiting.length === 0 && !this.tableAfterPause) {
      if (!this.gapTimer) {
        this.gapTimer = setTimeout(() => {
          this.gapTimer = null
          this.follow()
        }, wait)
        this.gapTimer.unref()
      }
      return
    }
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.gapTimer = null
    this.lastFollowAt = performance.now()
    const worker = this.ensureWorker()
    this.following = this.nextId++
    this.again = false
    const table = this.waiting.length > 0 || this.tableAfterPause
    this.tableAfterPause = false
    const started = performance.now()
    this.post(worker, { kind: 'mirror', update: this.mirror.update(this.store, false) })
    this.cost.mirrorMs += performance.now() - started
    this.post(worker, { kind: 'follow', followId: this.following, table })
  }

  /**
   * Once the load pauses (no new event for TABLE_PAUSE_MS, longer after each such table: see
   * TABLE_PAUSE_GROWTH), the chain table is made current in the background, so the first
   * `origin:` query after a load rarely waits for it.
   */
  private tableWhenPaused(): void {
    if (this.pauseTimer || this.coversTable({ generation: this.store.generation, size: this.store.size })) return
    const seen = { generation: this.store.generation, size: this.store.size }
    if (this.pauseGeneration !== seen.generation) {
      this.pauseGeneration = seen.generation
      this.pauseMs = TABLE_PAUSE_MS
    }
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null
      if (seen.generation !== this.store.generation || seen.size !== this.store.size) return this.tableWhenPaused()
      this.pauseMs = Math.min(this.pauseMs * TABLE_PAUSE_GROWTH, MAX_TABLE_PAUSE_MS)
      this.tableAfterPause = true
      this.follow()
    }, this.pauseMs)
    this.pauseTimer.unref()
  }

  /** Resolves when the worker's link table (and the chain table here) covers every event loaded when it was asked. */
  caughtUp(): Promise<void> {
    const target = { generation: this.store.generation, size: this.store.size }
    if (!this.usable || this.coversTable(target)) return Promise.resolve()
    const done = new Promise<void>((resolve) => this.waiting.push({ ...target, resolve }))
    this.follow()
    return done
  }

  private static covered(by: { generation: number; size: number }, target: { generation: number; size: number }, current: number): boolean {
    return target.size === 0 || target.generation !== current || (by.generation === target.generation && by.size >= target.size)
  }

  private coversTable(target: { generation: number; size: number }): boolean {
    return IdentityHost.covered(this.tabled, target, this.store.generation)
  }

  /** Whether the worker's link table covers every event loaded now. */
  private isCaughtUp(): boolean {
    return IdentityHost.covered(this.followed, { generation: this.store.generation, size: this.store.size }, this.store.generation)
  }

  /** One answer, computed in the worker over every event loaded when it was asked. */
  request<K extends IdentityRequest['kind']>(request: IdentityRequest & { kind: K }): Promise<IdentityAnswers[K]> {
    if (!this.usable) return Promise.resolve(answerIdentity(this.store, request) as IdentityAnswers[K])
    const worker = this.ensureWorker()
    const callId = this.nextId++
    const answer = new Promise<IdentityAnswers[K]>((resolve, reject) => this.calls.set(callId, { resolve: resolve as (v: unknown) => void, reject }))
    this.post(worker, { kind: 'mirror', update: this.mirror.update(this.store, true) })
    const moved = 'ids' in request ? [request.ids.buffer as ArrayBuffer] : []
    this.post(worker, { kind: 'call', callId, request }, moved)
    return answer
  }

  private post(worker: Worker, message: IdentityWorkerMessage, transfer: ArrayBuffer[] = []): void {
    worker.ref() // something waits for it: the process must not exit before it answers (the CLI)
    worker.postMessage(message, transfer)
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.workerPath)
    worker.on('message', (reply: IdentityWorkerReply) => this.onReply(worker, reply))
    worker.on('error', (error) => this.stop(worker, error))
    worker.on('exit', (code) => this.stop(worker, new Error(`The identity worker stopped (exit code ${code}).`)))
    this.worker = worker
    this.mirror.forgetWorker()
    return worker
  }

  private onReply(worker: Worker, reply: IdentityWorkerReply): void {
    if (worker !== this.worker) return
    if (reply.kind === 'followed') {
      if (reply.followId !== this.following) return
      if (reply.error) console.error(`[identity] ${reply.error}`)
      this.cost.follows++
      this.cost.workerMs += reply.busyMs
      if (reply.table) this.cost.tables++
      if (reply.table && reply.table.generation === this.store.generation) this.table = reply.table
      this.followed = { generation: reply.generation, size: reply.size }
      if (reply.tableCurrent) this.tabled = { generation: reply.generation, size: reply.size }
      this.following = 0
      this.wake(false)
      if (this.again || !this.isCaughtUp() || this.waiting.length > 0) this.follow()
      else this.tableWhenPaused()
    } else {
      const waiting = this.calls.get(reply.callId)
      this.calls.delete(reply.callId)
      if (reply.kind === 'answer') waiting?.resolve(reply.value)
      else waiting?.reject(new Error(`identity worker: ${reply.error}`))
    }
    if (this.calls.size === 0 && this.following === 0) worker.unref()
  }

  /** Resolves the callers whose events are covered (all of them when `all`: the worker stopped). */
  private wake(all: boolean): void {
    const ready = this.waiting.filter((w) => all || this.coversTable(w))
    this.waiting = this.waiting.filter((w) => !ready.includes(w))
    for (const w of ready) w.resolve()
  }

  private stop(worker: Worker, error: Error): void {
    if (worker !== this.worker) return
    this.worker = null
    this.following = 0
    if (this.pauseTimer) clearTimeout(this.pauseTimer)
    this.pauseTimer = null
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.gapTimer = null
    for (const waiting of this.calls.values()) waiting.reject(error)
    this.calls.clear()
    // Queries must not wait forever for a table that will not come: they use what is here.
    this.wake(true)
    void worker.terminate()
  }

  /** Stops the worker (dispose). */
  async close(): Promise<void> {
    const worker = this.worker
    if (worker) this.stop(worker, new Error('The identity worker was closed.'))
  }
}
