// Messages between the load orchestrator and its parse workers.

import type { BatchFailure, ParsedBatch } from '../store/parsed-batch'
import type { FieldPathTally } from './field-paths'
import type { PackedColumns } from './pack-job'

export interface ParseJob {
  jobId: number
  files: { fileIndex: number; path: string }[]
  /** Per-file limit on a file's JSON, inflated or not. */
  maxUncompressedBytes: number
  /** The load's InflateBudget (shared by every worker of the load). */
  budget: SharedArrayBuffer
  /** false: skip the integrity hash (the benchmark's reference run). */
  hashContent?: boolean
  /** true: take the field catalogue's sample (field-paths.ts); only a load whose catalogue is read asks (not the CLI, validate or bench). */
  sampleFields?: boolean
  /** Limit on a digest's text (default MAX_DIGEST_TEXT_BYTES, parse-worker.ts); tests set a small one. */
  maxDigestBytes?: number
  /** Where to write the events' text (the store's segment prefix); absent: send it back in memory. */
  spillPrefix?: string
  /** Distinct values the worker's coder keeps before it starts over (column-coder.ts); tests set a small one. */
  maxCodedValues?: number
}

/** One message per file of the job, as soon as it is parsed (so its memory is let go at once). */
export interface ParseJobResult {
  jobId: number
  /** True on the job's last message. */
  last: boolean
  /**
   * The batches' columns hold codes of the worker's own running dictionary (its coder's thread
   * codes), not their per-file ones: `dictionaryAdded` are the strings it learnt since its
   * previous message, whose codes follow on from the ones sent before (code 0 is ''). So each distinct string crosses threads and is
   * interned by the main thread once per worker, not once per file.
   */
  results: (ParsedBatch | BatchFailure)[]
  /** The batches' arrays, packed (pack-job.ts): the batches (the results that are not failures, in order) arrive without them. */
  packed: PackedColumns
  dictionaryAdded: string[]
  /** The worker's table started over (column-coder.ts): `dictionaryAdded` are its codes 1, 2, ... afresh. */
  dictionaryReset?: boolean
  /** Bytes read from disk (compressed size), for progress. */
  bytesRead: number
  /** The field catalogue's sample from this message's events (field-paths.ts). */
  fieldPaths: FieldPathTally
}

export function isFailure(result: ParsedBatch | BatchFailure): result is BatchFailure {
  return 'reason' in result
}
