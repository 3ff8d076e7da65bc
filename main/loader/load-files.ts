// Loads files and folders into the store: walks the inputs, feeds groups of files to the parse
// workers as soon as they are found, and merges each parsed file into the store on arrival, so
// rows can be shown while the rest is still loading. The main thread only merges typed arrays.

import { isProblem, type FoundFile, type InputSource } from './collect-files'
import { countedFirst } from './count-inputs'
import { WorkerPool } from './worker-pool'
import { isFailure, type ParseJob, type ParseJobResult } from './worker-messages'
import { keepTimeRange } from './time-range'
import { unpackColumns } from './pack-job'
import { InflateBudget } from './inflate-budget'
import { DEFAULT_MAX_FILE_BYTES } from './extract-events'
import type { EventStore } from '../store/event-store'
import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'
import { SpillError } from '../store/text-segments'
import type { FieldPathTally } from './field-paths'
import type { FileReport, LoadProgress } from '../../common/ipc-contract'

/** Per-file limit on a file's JSON (inflated or not): a file over it is a counted problem. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = DEFAULT_MAX_FILE_BYTES
/**
 * JSON bytes all parse workers of a load may hold at once (each file counted twice, see
 * parse-worker.ts): the load's memory ceiling for file contents being parsed, whatever the inputs.
 */
export const DEFAULT_INFLATE_BUDGET_BYTES = 2 * 1024 ** 3

/** Files per job, and compressed bytes per job: small enough to balance, large enough to amortise. */
const JOB_MAX_FILES = 64
const JOB_MAX_BYTES = 4 * 1024 * 1024
const PROGRESS_INTERVAL_MS = 100
/**
 * Jobs queued ahead of the workers: the walk waits beyond this, so a load of a quarter of a
 * million files holds a thousand or so of them at a time, not every path (count-inputs.ts).
 */
const MAX_QUEUED_JOBS = 16
/** Inputs that arrive over time (S3 downloads): a part-filled group goes out after this much quiet. */
const IDLE_FLUSH_MS = 25

export interface LoadOptions {
  loadId?: number
  workerPath?: string
  workers?: number
  signal?: AbortSignal
  /** Per-file limit on a file's JSON, inflated or not (default DEFAULT_MAX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes?: number
  /** What all workers may hold at once (default DEFAULT_INFLATE_BUDGET_BYTES; never below the per-file limit). */
  inflateBudgetBytes?: number
  /** Keep only events with from <= eventTime < to (an S3 date range). */
  timeRange?: { from: number; to: number }
  /** false: no integrity hash per file (benchmark reference only). */
  hashContent?: boolean
  /** Limit on a digest's text (default MAX_DIGEST_TEXT_BYTES, parse-worker.ts): tests only. */
  maxDigestBytes?: number
  /** Distinct values a worker's coder keeps before it starts over (column-coder.ts): tests only. */
  maxCodedValues?: number
}

export interface LoadCallbacks {
  /** Every file, read or not, as it finishes. */
  onFileReport?(report: FileReport): void
  /** Throttled progress, and once more at the end with done = true. */
  onProgress?(progress: LoadProgress): void
  /** Every file read, with its store file id (-1 when it added none) and hash: main/integrity. */
  onTrailFile?(file: FoundFile, fileId: number, result: ParsedBatch | BatchFailure): void
  /** The field catalogue's sample of each worker message (field-paths.ts). */
  onFieldPaths?(tally: FieldPathTally): void
  /** A digest's signature kept beside it (NAME.signature): not a log, not read by the workers. */
  onSignatureFile?(file: FoundFile): void
}

/** x-amz-meta-signature of a digest, kept beside the digest file (main/integrity). */
const SIGNATURE_FILE = /_CloudTrail-Digest_.*\.json(?:\.gz)?\.signature$/

export interface LoadSummary {
  /** Events added to the store by this load (after dedupe). */
  events: number
  files: number
  digests: number
  duplicates: number
  /** Events of this load marked as eventID collisions (kept; see EventStore.isIdCollision). */
  idCollisions: number
  /** Events of this load without a readable eventTime (kept, listed last). */
  noTime: number
  badFiles: { file: string; reason: string }[]
  loadMs: number
  bytes: number
  cancelled: boolean
  /** The most the workers held of the budget at once (bytes, as counted against it). */
  peakBudgetBytes: number
}

export async function loadInto(
  store: EventStore,
  inputs: InputSource,
  options: LoadOptions = {},
  callbacks: LoadCallbacks = {},
): Promise<LoadSummary> {
  const started = performance.now()
  // By file index; an entry is let go once its file is reported (a long load need not hold every path).
  const found: (FoundFile | undefined)[] = []
  const summary: LoadSummary = { events: 0, files: 0, digests: 0, duplicates: 0, idCollisions: 0, noTime: 0, badFiles: [], loadMs: 0, bytes: 0, cancelled: false, peakBudgetBytes: 0 }
  const totals = { filesTotal: 0, bytesTotal: 0, filesDone: 0, bytesDone: 0, counting: false, totalKnown: false }
  let lastProgress = 0

  const progress = (done: boolean): LoadProgress => ({
    loadId: options.loadId ?? 0,
    ...totals,
    events: store.size,
    duplicates: summary.duplicates,
    idCollisions: store.idCollisions,
    noTime: store.noTimeEvents,
    digests: summary.digests,
    errors: summary.badFiles.length,
    done,
    cancelled: summary.cancelled,
    elapsedMs: Math.round(performance.now() - started),
  })
  const maybeProgress = (): void => {
    const now = performance.now()
    if (now - lastProgress < PROGRESS_INTERVAL_MS) return
    lastProgress = now
    callbacks.onProgress?.(progress(false))
  }
  const report = (file: string, events: number, kind: FileReport['kind'], reason: string): void => {
    summary.files++
    totals.filesDone++
    if (kind === 'error') summary.badFiles.push({ file, reason })
    callbacks.onFileReport?.({ file, events, kind, reason })
  }

  // Per worker: the store's code for each code of the worker's running dictionary.
  const remaps = new Map<number, { table: Uint32Array; size: number }>()
  const remapOf = (workerId: number, added: string[], reset: boolean): Uint32Array => {
    let remap = remaps.get(workerId)
    if (!remap) remap = { table: new Uint32Array(1024), size: 1 } // code 0 is '' in both
    if (reset) remap.size = 1
    if (remap.size + added.length > remap.table.length) {
      const grown = new Uint32Array(Math.max(remap.table.length * 2, remap.size + added.length))
      grown.set(remap.table)
      remap.table = grown
    }
    store.internAll(added, remap.table, remap.size)
    remap.size += added.length
    remaps.set(workerId, remap)
    return remap.table
  }

  const onResult = (message: ParseJobResult, workerId: number): void => {
    totals.bytesDone += message.bytesRead
    const remap = remapOf(workerId, message.dictionaryAdded, message.dictionaryReset === true)
    unpackColumns(message.results.filter((result): result is ParsedBatch => !isFailure(result)), message.packed)
    if (message.fieldPaths.sampled > 0) callbacks.onFieldPaths?.(message.fieldPaths)
    for (const result of message.results) {
      const file = found[result.fileIndex]!
      found[result.fileIndex] = undefined
      if (isFailure(result)) {
        callbacks.onTrailFile?.(file, -1, result)
        report(file.displayName, 0, 'error', result.reason)
        continue
      }
      if (result.kind === 'digest') {
        summary.digests++
        callbacks.onTrailFile?.(file, -1, result)
        report(file.displayName, 0, 'digest', '')
        continue
      }
      const batch = options.timeRange ? keepTimeRange(result, options.timeRange) : result
      let added: number, duplicates: number, idCollisions: number, noTime: number
      let fileId: number
      try {
        fileId = store.addFile(file.displayName)
        ;({ added, duplicates, idCollisions, noTime } = store.addBatch(batch, fileId, remap))
      } catch (error) {
        // The text could not be kept (a full disk, a removed temp folder): this file is not
        // loaded, says why, and what was loaded before stays.
        if (!(error instanceof SpillError)) throw error
        report(file.displayName, 0, 'error', error.message)
        continue
      }
      callbacks.onTrailFile?.(file, fileId, result)
      summary.events += added
      summary.duplicates += duplicates
      summary.idCollisions += idCollisions
      summary.noTime += noTime
      report(file.displayName, batch.starts.length, 'events', result.warning)
    }
    maybeProgress()
    settleIfDone()
  }
  const onCrash = (job: ParseJob, reason: string): void => {
    for (const f of job.files) {
      report(found[f.fileIndex]!.displayName, 0, 'error', reason)
      found[f.fileIndex] = undefined
    }
    settleIfDone()
  }

  let walking = true
  let settle: () => void = () => {}
  const finished = new Promise<void>((resolve) => (settle = resolve))
  function settleIfDone(): void {
    if (!walking && pool.busy === 0) settle()
  }
  const abort = (): void => {
    summary.cancelled = true
    settle()
  }
  if (options.signal?.aborted) abort()
  options.signal?.addEventListener('abort', abort, { once: true })

  const pool = new WorkerPool(onResult, onCrash, options.workerPath, options.workers)
  const maxUncompressedBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES
  const budget = InflateBudget.create(Math.max(options.inflateBudgetBytes ?? DEFAULT_INFLATE_BUDGET_BYTES, 2 * maxUncompressedBytes))
  const spillPrefix = store.spillPrefix()
  let group: ParseJob['files'] = []
  let groupBytes = 0
  const flush = (): void => {
    if (group.length === 0) return
    pool.submit({ files: group, maxUncompressedBytes, budget: budget.shared, hashContent: options.hashContent, sampleFields: callbacks.onFieldPaths !== undefined, maxDigestBytes: options.maxDigestBytes, spillPrefix, maxCodedValues: options.maxCodedValues })
    group = []
    groupBytes = 0
  }
  // A group waits for more files only while they keep coming: a stalled source (the next S3
  // object still downloading) must not hold back the files it already gave.
  let lastAdded = 0
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  const flushWhenIdle = (): void => {
    idleTimer = undefined
    if (group.length === 0 || summary.cancelled) return
    const quiet = performance.now() - lastAdded
    if (quiet >= IDLE_FLUSH_MS) flush()
    else idleTimer = setTimeout(flushWhenIdle, IDLE_FLUSH_MS - quiet)
  }
  try {
    const counting = {
      counts: (item: FoundFile) => !(callbacks.onSignatureFile && SIGNATURE_FILE.test(item.displayName)),
      cancelled: () => summary.cancelled,
      // The final count goes out at once: the renderer knows the total before the first file is parsed.
      onCount: (final: boolean) => (final ? callbacks.onProgress?.(progress(false)) : maybeProgress()),
    }
    for await (const item of countedFirst(inputs, totals, counting)) {
      if (summary.cancelled) break
      // countedFirst has counted the item into the totals (whatever the kind of input).
      if (isProblem(item)) {
        report(item.file, 0, 'error', item.reason)
        continue
      }
      if (!counting.counts(item)) {
        callbacks.onSignatureFile?.(item)
        continue
      }
      group.push({ fileIndex: found.length, path: item.path })
      found.push(item)
      groupBytes += item.size
      // The first files go out alone so the first rows show at once; then in groups.
      if (found.length <= 4 || group.length >= JOB_MAX_FILES || groupBytes >= JOB_MAX_BYTES) flush()
      else {
        lastAdded = performance.now()
        idleTimer ??= setTimeout(flushWhenIdle, IDLE_FLUSH_MS)
      }
      if (pool.queued >= MAX_QUEUED_JOBS) await Promise.race([pool.whenQueueBelow(MAX_QUEUED_JOBS), finished])
    }
    if (!summary.cancelled) flush()
    walking = false
    settleIfDone()
    await finished
  } finally {
    clearTimeout(idleTimer)
    options.signal?.removeEventListener('abort', abort)
    await pool.close()
  }
  summary.loadMs = Math.round(performance.now() - started)
  summary.bytes = totals.bytesDone
  summary.peakBudgetBytes = budget.peakBytes
  callbacks.onProgress?.(progress(true))
  return summary
}
