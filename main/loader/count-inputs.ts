// Counts a load's inputs before any is parsed, so its progress runs against a total that never
// moves: local files and folders are walked whole first (stat only: cheap beside parsing), then
// handed on. Inputs that arrive over time (S3 objects as they download) cannot be counted ahead:
// they pass straight through and the total grows with them (totalKnown stays false, and the S3
// dialog shows the download's own progress against the listed range).

import { collectFiles, isProblem, type FoundFile, type InputSource, type WalkProblem } from './collect-files'

/** The load's running totals (the fields LoadProgress carries). */
export interface InputTotals {
  filesTotal: number
  bytesTotal: number
  /** True while the inputs are being walked, before the first file is handed to a worker. */
  counting: boolean
  /** True once filesTotal and bytesTotal are final. */
  totalKnown: boolean
}

export interface CountHooks {
  /** Whether an item counts towards the totals (a digest's .signature file is kept aside, not read). */
  counts(item: FoundFile): boolean
  /** The load was cancelled: stop walking. */
  cancelled(): boolean
  /** Called as the count grows (the caller throttles) and once when it is final. */
  onCount(final: boolean): void
}

function arrivesOverTime(inputs: InputSource): inputs is AsyncIterable<never> {
  return typeof (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
}

/**
 * Yields what collectFiles yields, in the same order; for inputs known up front, only after all
 * of them were found and counted into `totals`. Streamed inputs are counted by the caller as
 * they come (totalKnown false).
 */
export async function* countedFirst(inputs: InputSource, totals: InputTotals, hooks: CountHooks): AsyncGenerator<FoundFile | WalkProblem> {
  if (arrivesOverTime(inputs)) {
    yield* collectFiles(inputs)
    return
  }
  totals.counting = true
  const found: (FoundFile | WalkProblem)[] = []
  for await (const item of collectFiles(inputs)) {
    if (hooks.cancelled()) break
    found.push(item)
    if (isProblem(item)) totals.filesTotal++
    else if (hooks.counts(item)) {
      totals.filesTotal++
      totals.bytesTotal += item.size
    }
    hooks.onCount(false)
  }
  totals.counting = false
  totals.totalKnown = true
  hooks.onCount(true)
  yield* found
}
