// One CLI run: load the inputs (local paths, then each s3:// trail), filter, order and write.
// Every problem with an input is one line on stderr and makes the exit status 1, but never stops
// the run: the events that could be read are still printed.

import type { Writable } from 'node:stream'
import { EventStore } from '../store/event-store'
import { loadInto, type LoadSummary } from '../loader/load-files'
import { evaluate } from '../query/evaluate'
import { tryParseQuery } from '../../common/query/parser'
import { isS3Url } from '../s3/cli-options'
import { exportEvents, writeEvents } from '../export/write-events'
import { sortIds } from '../query/sort-ids'
import type { CliOptions } from './cli-args'
import type { FileReport } from '../../common/ipc-contract'
import { escapeControls } from '../../common/control-chars'

export const EXIT_OK = 0
export const EXIT_INPUT_PROBLEM = 1
export const EXIT_USAGE = 2
/** 128 + SIGINT, as shells report an interrupted command. */
export const EXIT_INTERRUPTED = 130

export interface CliIo {
  stdout: Writable
  stderr: Writable
  signal?: AbortSignal
  /** The parse worker bundle (default: beside the running bundle). */
  workerPath?: string
}

/** The counts that add up over a run's loads (the local paths, then each s3:// trail). */
const SUMMED_COUNTS = ['files', 'digests', 'duplicates', 'idCollisions', 'noTime'] as const

/**
 * What --stats prints: the loader's own summary fields (their meaning is declared once, on
 * LoadSummary), over all the run's loads, then the query's figures when filtering.
 */
export type CliStats = Pick<LoadSummary, 'events' | (typeof SUMMED_COUNTS)[number] | 'badFiles' | 'loadMs'> & {
  matched?: number
  queryMs?: number
}

// Output order: by eventTime, oldest first (as a log reads, and as `sort` or a diff of two runs
// expects). Ties are broken by file name, then position in the file, because event ids follow
// the order in which parse workers happened to finish, which differs from run to run; the same
// inputs must give the same bytes out.
function sameTime(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b))
}

/**
 * `ids` ordered oldest first (events without a time last), or exactly the reverse with
 * `newestFirst`, so `--newest-first` prints what `tac` would.
 */
export function outputOrder(store: EventStore, ids: Uint32Array, newestFirst = false): Uint32Array {
  const sorted = sortIds(store, ids, 'time', 'asc')
  const times = store.times
  const byFileThenId = (a: number, b: number): number => {
    const fa = store.fileOfEvent(a)
    const fb = store.fileOfEvent(b)
    // Code-unit order, not locale order: the same on every machine.
    return fa < fb ? -1 : fa > fb ? 1 : a - b
  }
  let start = 0
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sameTime(times[sorted[i]], times[sorted[start]])) continue
    if (i - start > 1) sorted.set(Array.from(sorted.subarray(start, i)).sort(byFileThenId), start)
    start = i
  }
  return newestFirst ? sorted.reverse() : sorted
}

function isEpipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EPIPE'
}

export async function runCli(options: CliOptions, io: CliIo): Promise<number> {
  // File names and problem messages carry text from the logs and the file system: control and
  // bidi characters are escaped so each problem stays one honest line on the terminal.
  const say = (line: string): void => void io.stderr.write(`ashiato: ${escapeControls(line)}\n`)
  // A bad query is a usage error: say so before spending minutes loading.
  if (options.query !== undefined) {
    const parsed = tryParseQuery(options.query)
    if (!parsed.ok) {
      say(`--query: ${parsed.error.message} (at character ${parsed.error.position + 1})`)
      return EXIT_USAGE
    }
  }

  const store = new EventStore()
  const stats: CliStats = { events: 0, files: 0, digests: 0, duplicates: 0, idCollisions: 0, noTime: 0, badFiles: [], loadMs: 0 }
  const problem = (file: string, reason: string): void => {
    stats.badFiles.push({ file, reason })
    say(`${file}: ${reason}`)
  }
  // A damaged file that still gave events (a truncated gzip, say) is reported too: data is missing.
  const onFileReport = (report: FileReport): void => {
    if (report.kind === 'error' || report.reason) problem(report.file, report.reason)
  }
  const add = (summary: LoadSummary): void => {
    for (const key of SUMMED_COUNTS) stats[key] += summary[key]
  }

  const loadStarted = performance.now()
  const local = options.inputs.filter((input) => !isS3Url(input)).map((path) => ({ path }))
  const limits = options.maxFileBytes === undefined ? {} : { maxUncompressedBytes: options.maxFileBytes }
  if (local.length > 0) add(await loadInto(store, local, { workerPath: io.workerPath, signal: io.signal, ...limits }, { onFileReport }))
  for (const url of options.inputs.filter(isS3Url)) {
    if (io.signal?.aborted) break
    // Imported here so that local-only runs never load the AWS SDK.
    const { openS3Input } = await import('./cli-s3')
    // Objects are read as they download; a whole-open failure is reported and leaves no inputs.
    const opened = openS3Input(url, { ...options, signal: io.signal, onError: problem })
    add(await loadInto(store, opened.inputs, { workerPath: io.workerPath, signal: io.signal, timeRange: opened.timeRange, ...limits }, { onFileReport }))
    const outcome = await opened.finished
    if (outcome?.notice && !outcome.offline) say(`${url}: ${outcome.notice}`)
  }
  stats.loadMs = Math.round(performance.now() - loadStarted)
  stats.events = store.size
  if (io.signal?.aborted) return EXIT_INTERRUPTED

  const queryStarted = performance.now()
  const filtering = options.query !== undefined || options.from !== undefined || options.to !== undefined
  let ids = filtering ? evaluate(store, options.query ?? '', { from: options.from, to: options.to }).ids : Uint32Array.from({ length: store.size }, (_, i) => i)
  ids = outputOrder(store, ids, options.newestFirst)
  if (filtering) {
    stats.matched = ids.length
    stats.queryMs = Math.round(performance.now() - queryStarted)
  }

  let outputFailed = false
  try {
    if (options.count) {
      io.stdout.write(`${ids.length}\n`)
    } else if (options.out !== undefined) {
      const target = { path: options.out, format: options.format, gzip: /\.gz$/i.test(options.out), extraColumns: options.columns }
      await exportEvents(store, ids, target, { signal: io.signal })
    } else {
      await writeEvents(store, ids, io.stdout, { format: options.format, extraColumns: options.columns, signal: io.signal, end: false })
    }
  } catch (error) {
    if (io.signal?.aborted) return EXIT_INTERRUPTED
    // The reader went away (`ashiato ... | head`): what it wanted, it has. Not an error.
    if (!isEpipe(error)) {
      say(error instanceof Error ? error.message : String(error))
      outputFailed = true
    }
  }
  // Still JSON with the same values: the characters escaped can only sit inside its strings.
  if (options.stats) io.stderr.write(`${escapeControls(JSON.stringify(stats))}\n`)
  return outputFailed || stats.badFiles.length > 0 ? EXIT_INPUT_PROBLEM : EXIT_OK
}
