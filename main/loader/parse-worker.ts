// A parse worker: reads, gunzips and parses whole files off the main event loop, and hands back
// each file's events as a ParsedBatch whose buffers are transferred, not copied.

import { parentPort } from 'node:worker_threads'
import { readFileSync } from 'node:fs'
import { extractEvents } from './extract-events'
import { isFailure, type ParseJob, type ParseJobResult } from './worker-messages'
import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'
import { SegmentWriter } from '../store/segment-writer'
import { packResults } from './pack-job'

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'the file no longer exists'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a folder'
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'file too large to read at once (over 2 GiB)'
  return error instanceof Error ? error.message : String(error)
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

parentPort?.on('message', (job: ParseJob) => {
  const results: (ParsedBatch | BatchFailure)[] = []
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
    results.push(result)
  }
  if (writer instanceof SegmentWriter) writer.close()
  const transfer = packResults(results, dictionary, dictionaryAdded)
  const message: ParseJobResult = { jobId: job.jobId, results, dictionaryAdded, bytesRead }
  parentPort?.postMessage(message, transfer)
})
