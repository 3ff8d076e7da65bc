// Exports and copies started from the app: the ids of a resolved selection written to a file
// (atomically, main/export/write-events.ts) or streamed to a destination (web mode's download),
// with throttled exportProgress pushes and a cancel that stops every running export.

import type { Writable } from 'node:stream'
import { COPY_LIMIT, type CopyResult, type ExportDone, type ExportProgress } from '../../common/ipc-contract'
import { CallError } from '../../common/call-errors'
import type { RowColumn } from '../../common/event-row'
import type { ExportFormat, ExportSource } from '../export/encode-events'
import { toSingleLine } from '../export/json-text'
import { exportEvents, writeEvents } from '../export/write-events'
import type { PushListener } from './service-types'

/** Progress is pushed at most this often while an export runs. */
const PROGRESS_INTERVAL_MS = 100
/** A copy is refused past this many bytes too (the clipboard is no place for a gigabyte). */
export const COPY_BYTE_LIMIT = 64 * 1024 * 1024

/** The export was cancelled (cancelExport, or the download was abandoned): nothing was left behind. */
export class ExportCancelled extends Error {
  override name = 'ExportCancelled'
  constructor() {
    super('The export was cancelled.')
  }
}

export interface ExportShape {
  format: ExportFormat
  gzip: boolean
  extraColumns?: RowColumn[]
}

type Work = (options: { signal: AbortSignal; onProgress(done: number): void }) => Promise<{ events: number; bytes: number }>

export class ExportRunner {
  private readonly running = new Set<AbortController>()
  private nextExportId = 1

  constructor(
    private readonly source: ExportSource,
    private readonly push: PushListener,
  ) {}

  /** Writes the ids to `path` atomically (a cancel or failure leaves no file). */
  toFile(ids: Uint32Array, path: string, shape: ExportShape): Promise<ExportDone> {
    return this.run(ids.length, path, undefined, (options) => exportEvents(this.source, ids, { path, ...shape }, options))
  }

  /** Streams the ids to `destination` (ended when done); `signal` stops it from outside (a closed connection). */
  toStream(ids: Uint32Array, name: string, shape: ExportShape, destination: Writable, signal?: AbortSignal): Promise<ExportDone> {
    return this.run(ids.length, name, signal, (options) => writeEvents(this.source, ids, destination, { ...shape, ...options }))
  }

  /** Stops every running export. */
  cancel(): void {
    for (const controller of this.running) controller.abort()
  }

  get busy(): boolean {
    return this.running.size > 0
  }

  private async run(total: number, path: string, outside: AbortSignal | undefined, work: Work): Promise<ExportDone> {
    const exportId = this.nextExportId++
    const controller = new AbortController()
    const signal = outside ? AbortSignal.any([controller.signal, outside]) : controller.signal
    this.running.add(controller)
    const push = (patch: Partial<ExportProgress>): void =>
      this.push('exportProgress', { exportId, done: 0, total, finished: false, cancelled: false, path, ...patch })
    let last = 0
    push({})
    try {
      const { events, bytes } = await work({
        signal,
        onProgress: (done) => {
          const now = performance.now()
          if (now - last < PROGRESS_INTERVAL_MS) return
          last = now
          push({ done })
        },
      })
      const result: ExportDone = { events, bytes, path }
      push({ done: events, finished: true, result })
      return result
    } catch (error) {
      if (signal.aborted) {
        push({ finished: true, cancelled: true })
        throw new ExportCancelled()
      }
      push({ finished: true, error: error instanceof Error ? error.message : String(error) })
      throw error
    } finally {
      this.running.delete(controller)
    }
  }
}

/** The events as JSON Lines (each on one line, bytes as AWS wrote them), for the clipboard. */
export function jsonLines(source: ExportSource, ids: ArrayLike<number>): CopyResult & { text: string } {
  if (ids.length > COPY_LIMIT) {
    const [n, max] = [ids.length.toLocaleString('en-US'), COPY_LIMIT.toLocaleString('en-US')]
    throw new CallError('copy-too-many', `${n} events are too many to copy (at most ${max}); export them instead.`, { n, max })
  }
  const decoder = new TextDecoder()
  const lines: string[] = []
  let bytes = 0
  for (let i = 0; i < ids.length; i++) {
    const line = toSingleLine(source.bytes(ids[i]))
    bytes += line.length + 1
    if (bytes > COPY_BYTE_LIMIT) {
      const limit = COPY_BYTE_LIMIT / 1024 / 1024
      throw new CallError('copy-too-large', `These events are too large to copy (over ${limit} MB); export them instead.`, { limit })
    }
    lines.push(decoder.decode(line))
  }
  return { events: ids.length, text: lines.length > 0 ? `${lines.join('\n')}\n` : '' }
}
