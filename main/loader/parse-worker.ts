// A parse worker: reads, gunzips and parses whole files off the main event loop, and hands back
// each file's events as a ParsedBatch whose buffers are transferred, not copied.

import { parentPort } from 'node:worker_threads'
import { readFileSync } from 'node:fs'
import { extractEvents } from './extract-events'
import { isFailure, type ParseJob, type ParseJobResult } from './worker-messages'
import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'
import { SegmentWriter } from '../store/segment-writer'

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
  for (const view of [...(result.text.length > 0 ? [result.text] : []), result.starts, result.ends, result.times, result.readOnly, result.idHashes, ...result.columns]) {
    buffers.add(view.buffer as ArrayBuffer)
  }
  return [...buffers]
}

function parseFile(path: string, fileIndex: number, maxUncompressedBytes: number): { result: ParsedBatch | BatchFailure; bytes: number } {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    return { result: { fileIndex, reason: readReason(error) }, bytes: 0 }
  }
  try {
    return { result: extractEvents(bytes, fileIndex, { maxUncompressedBytes }), bytes: bytes.length }
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

parentPort?.on('message', (job: ParseJob) => {
  const results: (ParsedBatch | BatchFailure)[] = []
  const transfer: ArrayBuffer[] = []
  const dictionaryAdded: string[] = []
  let bytesRead = 0
  let writer: SegmentWriter | Error | null = null
  for (const file of job.files) {
    const parsed = parseFile(file.path, file.fileIndex, job.maxUncompressedBytes)
    let result = parsed.result
    const bytes = parsed.bytes
    bytesRead += bytes
    // The text goes to the store's segment file here, off the main thread, and is not sent.
    if (job.spillPrefix && !isFailure(result) && result.starts.length > 0) {
      try {
        writer ??= new SegmentWriter(job.spillPrefix)
        if (writer instanceof Error) throw writer
        result.spill = writer.append(result.text)
        result.text = new Uint8Array(0)
      } catch (error) {
        if (writer === null) writer = error as Error
        result = { fileIndex: file.fileIndex, reason: readReason(error) }
      }
    }
    if (!isFailure(result)) {
      result.text = ownBuffer(result.text)
      useRunningDictionary(result, dictionaryAdded)
      transfer.push(...transferables(result))
    }
    results.push(result)
  }
  if (writer instanceof SegmentWriter) writer.close()
  const message: ParseJobResult = { jobId: job.jobId, results, dictionaryAdded, bytesRead }
  parentPort?.postMessage(message, [...new Set(transfer)])
})
