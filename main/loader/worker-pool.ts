// A fixed set of parse workers fed from one queue. Jobs are small groups of files (44% of real
// CloudTrail files are under 1 KB, so per-message overhead matters), and each worker has two jobs
// in flight so it never waits for the main thread between jobs.

import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ParseJob, ParseJobResult } from './worker-messages'

/** The built worker next to this bundle (dist/main), or the build output when running from sources (tests). */
export function defaultWorkerPath(): string {
  // __dirname exists in the CommonJS bundles and under vitest; an ESM run from sources (tsx)
  // falls back to the repository's build output.
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'loader')
  const beside = path.join(here, 'parse-worker.cjs')
  // Worker threads cannot start from inside an asar archive: the packaged worker is unpacked.
  if (existsSync(beside)) return beside.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
  return path.resolve(here, '..', '..', 'dist', 'main', 'parse-worker.cjs')
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()))
}

type JobInput = Omit<ParseJob, 'jobId'>

interface WorkerSlot {
  worker: Worker
  inFlight: number
}

export class WorkerPool {
  private slots: WorkerSlot[] = []
  private queue: ParseJob[] = []
  private nextJobId = 1
  /** Running jobs, with how many of their files have been answered. */
  private pending = new Map<number, { slot: WorkerSlot; job: ParseJob; answered: number }>()
  private closed = false

  constructor(
    /** `workerId` tells whose running dictionary the result's codes refer to. */
    private readonly onResult: (result: ParseJobResult, workerId: number) => void,
    private readonly onCrash: (job: ParseJob, reason: string) => void,
    workerPath = defaultWorkerPath(),
    count = defaultWorkerCount(),
  ) {
    for (let i = 0; i < count; i++) this.slots.push(this.spawn(workerPath, i))
  }

  private spawn(workerPath: string, workerId: number): WorkerSlot {
    const slot: WorkerSlot = { worker: new Worker(workerPath), inFlight: 0 }
    slot.worker.on('message', (result: ParseJobResult) => {
      const entry = this.pending.get(result.jobId)
      if (entry) entry.answered += result.results.length
      if (result.last) {
        this.pending.delete(result.jobId)
        slot.inFlight--
      }
      this.onResult(result, workerId)
      if (result.last) this.pump()
    })
    slot.worker.on('error', (error) => this.failSlot(slot, error.message))
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.failSlot(slot, `parse worker stopped (exit code ${code})`)
    })
    return slot
  }

  /** A crashed worker (out of memory on a huge file, say) fails only its own jobs. */
  private failSlot(slot: WorkerSlot, reason: string): void {
    if (this.closed) return
    for (const [jobId, entry] of this.pending) {
      if (entry.slot !== slot) continue
      this.pending.delete(jobId)
      // Only the files not answered yet failed with the worker.
      this.onCrash({ ...entry.job, files: entry.job.files.slice(entry.answered) }, reason)
    }
    this.slots = this.slots.filter((s) => s !== slot)
    if (this.slots.length === 0) {
      for (const job of this.queue.splice(0)) this.onCrash(job, reason)
    }
    this.pump()
  }

  submit(input: JobInput): void {
    const job = { ...input, jobId: this.nextJobId++ }
    this.queue.push(job)
    this.pump()
  }

  /** Jobs queued or running. */
  get busy(): number {
    return this.queue.length + this.pending.size
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.queue.length
  }

  /**
   * Resolves once fewer than `max` jobs wait for a worker (or none ever will: the pool closed,
   * every worker gone), so a caller feeding it from a long walk holds only that many ahead.
   */
  whenQueueBelow(max: number): Promise<void> {
    if (this.hasRoom(max)) return Promise.resolve()
    return new Promise((resolve) => (this.room = { max, resolve }))
  }

  private room: { max: number; resolve: () => void } | null = null

  private hasRoom(max: number): boolean {
    return this.queue.length < max || this.closed || this.slots.length === 0
  }

  private wakeRoom(): void {
    if (this.room && this.hasRoom(this.room.max)) {
      const { resolve } = this.room
      this.room = null
      resolve()
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.inFlight < 2 && this.queue.length > 0 && !this.closed) {
        const job = this.queue.shift()!
        slot.inFlight++
        this.pending.set(job.jobId, { slot, job, answered: 0 })
        slot.worker.postMessage(job)
      }
    }
    this.wakeRoom()
  }

  /** Stops every worker; results not yet delivered are dropped. */
  async close(): Promise<void> {
    this.closed = true
    this.queue = []
    this.wakeRoom()
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
