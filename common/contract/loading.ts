// Loading: what a load reports while it runs and when a file fails (part of the contract, see
// common/ipc-contract.ts).

/** A file (or S3 object) that was read, or that failed. */
export interface FileReport {
  /** What the user knows the file as: a path, a dropped file's name, or s3://bucket/key. */
  file: string
  /** Events read from it (after the file's own damage, before dedupe across files). */
  events: number
  /** 'digest' files are recognised and counted, never shown as events. */
  kind: 'events' | 'digest' | 'error'
  /** Why it could not be read, or what was recovered from a damaged file. Empty when all is well. */
  reason: string
}

/** Progress of the running load, pushed at most every ~100 ms and once more when it ends. */
export interface LoadProgress {
  loadId: number
  filesDone: number
  filesTotal: number
  bytesDone: number
  bytesTotal: number
  /** Events in the loaded set so far (all loads, after dedupe). */
  events: number
  /** Exact duplicates dropped so far (same eventID, recipientAccountId and text but for whitespace). */
  duplicates: number
  /** Events in the set sharing eventID and account with a different event (all kept, each marked). */
  idCollisions: number
  /** Events in the set without a readable eventTime (kept, listed last, outside time filters). */
  noTime: number
  digests: number
  errors: number
  /** True once, when the load has finished, failed as a whole or was cancelled. */
  done: boolean
  cancelled: boolean
  /** Wall time of the load so far. */
  elapsedMs: number
}

export interface LoadStarted {
  loadId: number
}
