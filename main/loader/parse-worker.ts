// A parse worker: reads, gunzips and parses whole files off the main event loop, and hands back
// each file's events as a ParsedBatch whose buffers are transferred, not copied.

import { parentPort } from 'node:worker_threads'
import { readFileSync, statSync } from 'node:fs'
import { extractEvents } from './extract-events'
import { InflateBudget } from './inflate-budget'
import { gunzipCapped, inflatedSizeHint, isGzip, overLimitReason, type Inflated } from './formats/gzip'
import { isFailure, type ParseJob, type ParseJobResult } from './worker-messages'
import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'the file no longer exists'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder'
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'file too large to read at once (over 2 GiB)'
  return error instanceof Error ? error.message : String(error)
}

/**
 * Buffers to move to the main thread. Small Buffers may live in Node's shared allocation pool,
 * which must not be transferred (that would detach the pool): those are copied, which costs
 * little since only small ones are pooled.
 */
function ownBuffer(view: Uint8Array): Uint8Array {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view
  return new Uint8Array(view)
}

function transferables(result: ParsedBatch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const view of [result.text, result.starts, result.ends, result.times, result.readOnly, result.idHashes, ...result.columns]) {
    buffers.add(view.buffer as ArrayBuffer)
  }
  return [...buffers]
}

/**
 * A file's JSON counts twice against the budget: zlib's output chunks are joined into one buffer
 * at the end, and the batch builder may copy the events out of a file that is mostly something
 * else. Over-counting costs only parallelism on huge files; under-counting would break the ceiling.
 */
const HELD_PER_BYTE = 2

/** Gunzip that keeps to the budget: reserves a guess, and a larger one after each overflow. */
function budgetedInflate(budget: InflateBudget, held: { reserved: number }) {
  return (data: Uint8Array, cap: number): Inflated => {
    let limit = Math.min(cap, inflatedSizeHint(data) + 1)
    for (;;) {
      held.reserved += budget.reserve(limit * HELD_PER_BYTE)
      const inflated = gunzipCapped(data, limit)
      if (inflated.ok || !inflated.tooLarge || limit >= cap) return inflated
      // Never wait for more while holding some: give the failed attempt back first.
      budget.release(held.reserved)
      held.reserved = 0
      limit = Math.min(cap, limit * 4)
    }
  }
}

function parseFile(path: string, fileIndex: number, maxFileBytes: number, budget: InflateBudget, held: { reserved: number }): { result: ParsedBatch | BatchFailure; bytes: number } {
  let bytes: Buffer
  try {
    // A plain file is its JSON: refused before it is read when over the limit, else reserved.
    const size = statSync(path).size
    if (size > maxFileBytes) return { result: { fileIndex, reason: overLimitReason(maxFileBytes, false) }, bytes: size }
    held.reserved += budget.reserve(size * HELD_PER_BYTE)
    bytes = readFileSync(path)
  } catch (error) {
    return { result: { fileIndex, reason: readReason(error) }, bytes: 0 }
  }
  try {
    // Past the first bytes, a gzip's compressed text is not needed: its reservation goes too.
    if (isGzip(bytes)) {
      const inflate = budgetedInflate(budget, held)
      return { result: extractEvents(bytes, fileIndex, { maxUncompressedBytes: maxFileBytes, inflate }), bytes: bytes.length }
    }
    return { result: extractEvents(bytes, fileIndex, { maxUncompressedBytes: maxFileBytes }), bytes: bytes.length }
  } catch (error) {
    // extractEvents reports bad input as a BatchFailure; reaching here is a bug, but one file's
    // bug must still not cost the others.
    return { result: { fileIndex, reason: `internal error: ${readReason(error)}` }, bytes: bytes.length }
  }
}

/** This worker's running dictionary: code 0 is '' as in every batch. */
const dictionary = new Map<string, number>([['', 0]])

/** Moves a batch's columns onto the running dictionary; returns the strings it added. */
function useRunningDictionary(batch: ParsedBatch, added: string[]): void {
  const codes = new Uint32Array(batch.dictionary.length)
  for (let i = 0; i < batch.dictionary.length; i++) {
    const value = batch.dictionary[i]
    let code = dictionary.get(value)
    if (code === undefined) {
      code = dictionary.size
      dictionary.set(value, code)
      added.push(value)
    }
    codes[i] = code
  }
  for (const column of batch.columns) for (let i = 0; i < column.length; i++) column[i] = codes[column[i]]
  batch.dictionary = []
}

// Each file's batch is posted as soon as it is parsed, and its budget released: once transferred
// its memory is the main thread's loaded set, and a job's files must not add up in the worker.
parentPort?.on('message', (job: ParseJob) => {
  const budget = new InflateBudget(job.budget)
  job.files.forEach((file, k) => {
    const held = { reserved: 0 }
    try {
      const { result, bytes } = parseFile(file.path, file.fileIndex, job.maxUncompressedBytes, budget, held)
      const transfer: ArrayBuffer[] = []
      const dictionaryAdded: string[] = []
      if (!isFailure(result)) {
        result.text = ownBuffer(result.text)
        useRunningDictionary(result, dictionaryAdded)
        transfer.push(...transferables(result))
      }
      const message: ParseJobResult = { jobId: job.jobId, last: k === job.files.length - 1, results: [result], dictionaryAdded, bytesRead: bytes }
      parentPort?.postMessage(message, [...new Set(transfer)])
    } finally {
      budget.release(held.reserved)
    }
  })
})
