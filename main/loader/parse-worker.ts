// A parse worker: reads, gunzips and parses whole files off the main event loop, and hands back
// each file's events as a ParsedBatch whose buffers are transferred, not copied.

import { parentPort } from 'node:worker_threads'
import { createHash } from 'node:crypto'
import { extractEvents } from './extract-events'
import { readInput } from './read-input'
import { InflateBudget } from './inflate-budget'
import { formatBytes, gunzipCapped, inflatedSizeHint, isGzip, overLimitReason, type Inflated } from './formats/gzip'
import { isFailure, type ParseJob, type ParseJobResult } from './worker-messages'
import type { BatchFailure, FileIntegrity, ParsedBatch } from '../store/parsed-batch'
import { SegmentWriter } from '../store/segment-writer'
import { JobPacker } from './pack-job'
import { threadCoder } from './column-coder'
import { FieldPathSampler } from './field-paths'
import { parseDigest } from '../../common/cloudtrail-digest'

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'the file no longer exists'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder'
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'file too large to read at once (over 2 GiB)'
  return error instanceof Error ? error.message : String(error)
}

/**
 * A file's JSON counts twice against the budget: zlib's output chunks are joined into one buffer
 * at the end, and the batch builder may copy the events out of a file that is mostly something
 * else. Over-counting costs only parallelism on huge files; under-counting would break the ceiling.
 */
const HELD_PER_BYTE = 2
/** Parsed files are sent on before the job ends once they hold this much of the budget. */
const FLUSH_HELD_BYTES = 32 * 1024 * 1024

/**
 * What the worker holds of the budget: the file being parsed, and the parsed files not yet sent.
 * Before it waits for the budget it sends those and releases all it can, so no worker waits
 * while holding what another worker waits for (a wait always ends).
 */
class Holdings {
  file = 0
  constructor(
    private readonly budget: InflateBudget,
    private readonly sendPending: () => void,
  ) {}

  /** Reserves `bytes` more for the file being parsed. */
  take(bytes: number): void {
    this.file += this.budget.reserve(bytes, this.sendPending)
  }

  /** Releases what the file being parsed holds (a failed attempt, or an unread file). */
  dropFile(): void {
    this.budget.release(this.file)
    this.file = 0
  }
}

/** Gunzip that keeps to the budget: reserves a guess, and a larger one after each overflow. */
function budgetedInflate(holdings: Holdings, compressedBytes: number) {
  return (data: Uint8Array, cap: number): Inflated => {
    let limit = Math.min(cap, inflatedSizeHint(data) + 1)
    for (;;) {
      // The compressed text counts too while it is being inflated.
      holdings.dropFile()
      holdings.take(compressedBytes + limit * HELD_PER_BYTE)
      const inflated = gunzipCapped(data, limit)
      if (inflated.ok || !inflated.tooLarge || limit >= cap) return inflated
      limit = Math.min(cap, limit * 4)
    }
  }
}

function parseFile(path: string, fileIndex: number, maxFileBytes: number, holdings: Holdings, hashContent = true, maxDigestBytes = MAX_DIGEST_TEXT_BYTES): { result: ParsedBatch | BatchFailure; bytes: number } {
  let bytes: Buffer
  try {
    // A file is refused before it is read when over the limit (a plain file is its JSON).
    const read = readInput(path, maxFileBytes, (size) => holdings.take(size * HELD_PER_BYTE))
    if (!read.ok) return { result: { fileIndex, reason: overLimitReason(maxFileBytes, false) }, bytes: read.size }
    bytes = read.bytes
  } catch (error) {
    return { result: { fileIndex, reason: readReason(error) }, bytes: 0 }
  }
  try {
    const inflate = isGzip(bytes) ? budgetedInflate(holdings, bytes.length) : gunzipCapped
    // The integrity hash is taken over the inflated bytes as they pass (no second read).
    let inflated: Buffer | undefined
    const result: ParsedBatch | BatchFailure = extractEvents(bytes, fileIndex, { maxUncompressedBytes: maxFileBytes, inflate, onInflated: (data) => (inflated = data), scratch: true })
    if (inflated && hashContent) result.integrity = integrityOf(inflated, !isFailure(result) && result.kind === 'digest', maxDigestBytes)
    return { result, bytes: bytes.length }
  } catch (error) {
    // extractEvents reports bad input as a BatchFailure; reaching here is a bug, but one file's
    // bug must still not cost the others.
    return { result: { fileIndex, reason: `internal error: ${readReason(error)}` }, bytes: bytes.length }
  }
}

/** Digests list an hour of files: a few MB at most for an organisation; larger is not one. */
const MAX_DIGEST_TEXT_BYTES = 64 * 1024 * 1024

/**
 * Only the parse crosses to the main thread, never the digest's text (up to the limit: 64 MB
 * per digest kept for the load's life). Over the limit, the parse says so by name, so
 * validation reports the limit rather than a bare "could not be read".
 */
function integrityOf(data: Buffer, isDigest: boolean, maxDigestBytes: number): FileIntegrity {
  const sha256 = createHash('sha256').update(data).digest('hex')
  if (!isDigest) return { sha256 }
  if (data.length > maxDigestBytes) {
    return { sha256, parsedDigest: { ok: false, reason: `larger than the ${formatBytes(maxDigestBytes)} limit for a digest file (MAX_DIGEST_TEXT_BYTES); not read as a digest` } }
  }
  // Parsed and checked here, not on the main thread when integrity is first asked for.
  return { sha256, parsedDigest: parseDigest(data.toString('utf8')) }
}

/** This worker's share of the field catalogue's sample (field-paths.ts). */
const fieldPaths = new FieldPathSampler()
/** Batches go out in thread codes (column-coder.ts): the main thread knows codes 1 .. sentValues. */
const packer = new JobPacker()
let sentValues = 0
/** The coder's table started over since the last message: the main thread must forget its codes. */
let codesReset = false
threadCoder.holdResets()

// Parsed files go to the main thread in groups (one message per file would cost much on many
// small files), and a group is sent early once it holds FLUSH_HELD_BYTES of the budget or before
// the worker waits for budget: once transferred, their memory is the main thread's loaded set.
// Their text goes to the store's segment file here, off the main thread, and is not sent.
parentPort?.on('message', (job: ParseJob) => {
  const budget = new InflateBudget(job.budget)
  if (job.maxCodedValues) threadCoder.limitEntries(job.maxCodedValues)
  let results: (ParsedBatch | BatchFailure)[] = []
  let bytesRead = 0
  let held = 0
  let writer: SegmentWriter | Error | null = null
  const send = (last: boolean): void => {
    if (results.length > 0 || last) {
      const { packed, transfer } = packer.take()
      const dictionaryAdded = threadCoder.valuesFrom(sentValues)
      sentValues = threadCoder.size
      const message: ParseJobResult = { jobId: job.jobId, last, results, packed, dictionaryAdded, dictionaryReset: codesReset, bytesRead, fieldPaths: fieldPaths.take() }
      codesReset = false
      parentPort?.postMessage(message, transfer)
    }
    budget.release(held)
    results = []
    bytesRead = 0
    held = 0
  }
  const holdings = new Holdings(budget, () => send(false))
  for (const file of job.files) {
    // The table starts over only here, between files, once what used its codes has gone out.
    if (threadCoder.full) {
      send(false)
      threadCoder.reset()
      sentValues = 0
      codesReset = true
    }
    try {
      const parsed = parseFile(file.path, file.fileIndex, job.maxUncompressedBytes, holdings, job.hashContent, job.maxDigestBytes)
      let result = parsed.result
      bytesRead += parsed.bytes
      if (job.sampleFields && !isFailure(result)) fieldPaths.add(result.text, result.starts, result.ends)
      if (job.spillPrefix && !isFailure(result) && result.starts.length > 0) {
        try {
          writer ??= new SegmentWriter(job.spillPrefix)
          if (writer instanceof Error) throw writer
          result.spill = writer.append(result.text)
          result.text = new Uint8Array(0)
        } catch (error) {
          if (writer === null) writer = error as Error
          result = { fileIndex: file.fileIndex, reason: readReason(error), integrity: result.integrity }
        }
      }
      if (!isFailure(result)) {
        // The batch is built on the thread's scratch arrays: copied out before the next file.
        const codes = threadCoder.threadCodes(result.dictionary)
        if (codes) packer.add(result, codes)
        else result = { fileIndex: file.fileIndex, reason: 'internal error: the batch is not the coder\'s latest', integrity: result.integrity }
      }
      results.push(result)
    } finally {
      held += holdings.file
      holdings.file = 0
    }
    if (held * 1024 >= FLUSH_HELD_BYTES) send(false)
  }
  if (writer instanceof SegmentWriter) writer.close()
  send(true)
})
