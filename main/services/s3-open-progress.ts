// The s3Progress push of one S3 open: the download's own progress (objects, bytes, phase) and the
// load's (events read), merged and throttled into one stream of updates, ending with one `done`.
// No AWS SDK here, so AshiatoService can use it without loading the SDK.

import type { FileReport, S3OpenProgress } from '../../common/ipc-contract'
import type { S3Progress } from '../s3/trail-progress'

export const S3_PROGRESS_INTERVAL_MS = 100

/** How an open ended: cancelled or not, or the failure that ended it (with its code when it has one). */
export type S3OpenEnd = { cancelled: boolean } & Pick<S3OpenProgress, 'error' | 'errorCode' | 'errorValues'>

export class S3OpenTracker {
  loadId = 0
  private latest: S3Progress | null = null
  private events = 0
  private lastPush = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private finished = false

  constructor(
    private readonly send: (progress: S3OpenProgress) => void,
    private readonly intervalMs = S3_PROGRESS_INTERVAL_MS,
  ) {}

  /** openTrail's progress. */
  download(progress: S3Progress): void {
    this.latest = progress
    this.soon()
  }

  /** A file of this open was read by the loader. */
  fileRead(report: FileReport): void {
    if (report.kind === 'events') this.events += report.events
    this.soon()
  }

  /** The last push: the download and the load have both ended. */
  finish(end: S3OpenEnd): void {
    if (this.finished) return
    this.finished = true
    clearTimeout(this.timer)
    this.timer = undefined
    this.send(this.snapshot(end))
  }

  snapshot(end?: S3OpenEnd): S3OpenProgress {
    const p = this.latest
    return {
      loadId: this.loadId,
      // openTrail is done once every object is fetched; the loader may still be reading the last ones.
      phase: end ? 'done' : p?.done ? 'loading' : (p?.phase ?? 'discovering'),
      objectsDone: p?.objectsDone ?? 0,
      objectsTotal: p?.objectsTotal ?? 0,
      bytesDone: p?.bytesDone ?? 0,
      bytesTotal: p?.bytesTotal ?? 0,
      fromCache: p?.fromCache ?? 0,
      failed: p?.failed ?? 0,
      listingDone: p?.listingDone ?? false,
      events: this.events,
      offline: p?.offline ?? false,
      done: end !== undefined,
      cancelled: end?.cancelled ?? false,
      ...(end?.error ? { error: end.error } : {}),
      ...(end?.error && end.errorCode ? { errorCode: end.errorCode, errorValues: end.errorValues ?? {} } : {}),
    }
  }

  /** At once, then at most one per interval, the latest state trailing. */
  private soon(): void {
    if (this.finished || this.timer) return
    const wait = this.intervalMs - (performance.now() - this.lastPush)
    const emit = () => {
      this.timer = undefined
      if (this.finished) return
      this.lastPush = performance.now()
      this.send(this.snapshot())
    }
    if (wait <= 0) emit()
    else this.timer = setTimeout(emit, wait)
  }
}
