// Messages between the load orchestrator and its parse workers.

import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'

export interface ParseJob {
  jobId: number
  files: { fileIndex: number; path: string }[]
  maxUncompressedBytes: number
}

export interface ParseJobResult {
  jobId: number
  results: (ParsedBatch | BatchFailure)[]
  /** Bytes read from disk (compressed size), for progress. */
  bytesRead: number
}

export function isFailure(result: ParsedBatch | BatchFailure): result is BatchFailure {
  return 'reason' in result
}
