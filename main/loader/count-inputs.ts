// Counts a load's inputs before any is parsed, so its progress runs against a total that never
// moves: local files and folders are walked whole first (stat only: cheap beside parsing), then
// handed on. Inputs that arrive over time (S3 objects as they download) cannot be counted ahead:
// they are counted as they pass and the total grows with them (totalKnown stays false, and the
// S3 dialog shows the download's own progress against the listed range).
//
// The walk holds at most MAX_HELD of the items it found (a ten-million-event trail is a quarter
// of a million files): past that it only counts, and once the first items are handed on the
// inputs are walked a second time from where the held ones end. Every count is made here, for
// both kinds of input, so the loader never counts an item itself.

import { collectFiles, isProblem, type FoundFile, type InputPath, type InputSource, type WalkProblem } from './collect-files'

/** Items of a local walk held until it ends; the rest are found again by a second walk. */
export const MAX_HELD = 20_000

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

function arrivesOverTime(inputs: InputSource): inputs is AsyncIterable<InputPath> {
  return typeof (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
}

function count(item: FoundFile | WalkProblem, totals: InputTotals, hooks: CountHooks): void {
  if (isProblem(item)) totals.filesTotal++
  else if (hooks.counts(item)) {
    totals.filesTotal++
    totals.bytesTotal += item.size
  }
}

const nameOf = (item: FoundFile | WalkProblem): string => (isProblem(item) ? item.file : item.path)

/**
 * Yields what collectFiles yields, in the same order, each item counted into `totals` once;
 * for inputs known up front, only after all of them were found and counted.
 */
export async function* countedFirst(inputs: InputSource, totals: InputTotals, hooks: CountHooks, maxHeld = MAX_HELD): AsyncGenerator<FoundFile | WalkProblem> {
  if (arrivesOverTime(inputs)) {
    for await (const item of collectFiles(inputs)) {
      count(item, totals, hooks)
      yield item
    }
    return
  }
  // A one-shot iterable (a generator) must serve both walks.
  const given = [...inputs]
  totals.counting = true
  const held: (FoundFile | WalkProblem)[] = []
  let found = 0
  for await (const item of collectFiles(given)) {
    if (hooks.cancelled()) break
    count(item, totals, hooks)
    if (held.length < maxHeld) held.push(item)
    found++
    hooks.onCount(false)
  }
  totals.counting = false
  totals.totalKnown = true
  hooks.onCount(true)
  const heldCount = held.length
  const lastHeld = held[heldCount - 1]
  for (let i = 0; i < heldCount; i++) {
    const item = held[i]
    held[i] = lastHeld // let the found item go once handed on
    yield item
  }
  if (found === heldCount || hooks.cancelled()) return
  // The rest, from a second walk: the first heldCount items are those already handed on, unless
  // the folders changed in between, which is then said rather than guessed around.
  let seen = 0
  // Up to the boundary only names are compared: those files need no stat (a walk's stats were
  // half its time, and the 1M-event bench corpus's 24,192 files are past MAX_HELD).
  for await (const item of collectFiles(given, { unstatted: heldCount })) {
    if (hooks.cancelled()) return
    seen++
    if (seen < heldCount) continue
    if (seen === heldCount) {
      if (nameOf(item) !== nameOf(lastHeld)) {
        const problem = { file: given.map((input) => input.displayName ?? input.path).join(', '), reason: `the folders changed while they were being read: files after ${nameOf(lastHeld)} may be missing or read twice (load them again)` }
        count(problem, totals, hooks)
        yield problem
      }
      continue
    }
    // Files that appeared since the count are read too, and counted so the bar ends full.
    if (seen > found) count(item, totals, hooks)
    yield item
  }
}
