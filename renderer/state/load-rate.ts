// A running load's rate and time left (renderer/format's formatDuration says it), from its progress pushes. Measured from the first push
// that carries the final total (counting the inputs is not reading them), and only said once
// enough has been read for the figure to mean something: a rate guessed from the first file
// would promise minutes and then jump.
import type { LoadProgress } from '../../common/ipc-contract'

/** Where the rate is measured from: the first progress with a known total. */
export interface RateBase {
  loadId: number
  elapsedMs: number
  bytesDone: number
  events: number
}

export interface LoadRate {
  bytesPerSecond: number
  eventsPerSecond: number
  /** Time left at this rate; null while the total is not known (S3 downloads still arriving). */
  msLeft: number | null
}

/** A rate needs this much reading behind it before it is shown. */
const MIN_MEASURED_MS = 800

/** The base to keep for `progress` (the old one while the same load runs). */
export function rateBase(base: RateBase | null, progress: LoadProgress): RateBase | null {
  if (base && base.loadId === progress.loadId) return base
  if (progress.counting) return null
  return { loadId: progress.loadId, elapsedMs: progress.elapsedMs, bytesDone: progress.bytesDone, events: progress.events }
}

export function loadRate(base: RateBase | null, progress: LoadProgress): LoadRate | null {
  if (!base || base.loadId !== progress.loadId || progress.done) return null
  const ms = progress.elapsedMs - base.elapsedMs
  const bytes = progress.bytesDone - base.bytesDone
  if (ms < MIN_MEASURED_MS || bytes <= 0) return null
  const bytesPerSecond = (bytes * 1000) / ms
  const eventsPerSecond = (Math.max(0, progress.events - base.events) * 1000) / ms
  const left = Math.max(0, progress.bytesTotal - progress.bytesDone)
  return { bytesPerSecond, eventsPerSecond, msLeft: progress.totalKnown ? (left * 1000) / bytesPerSecond : null }
}

