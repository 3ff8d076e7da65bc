// Loading: the calls that load and forget files, what a load reports while it runs, and what a
// file that failed says (part of the contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { answer, arg, boundedList, call, wholeNumber } from './define-call'

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
  /** True while a local load's inputs are walked and counted, before any file is parsed. */
  counting: boolean
  /**
   * True once filesTotal and bytesTotal are final (a local load, after counting): the fraction
   * done never goes back. False for inputs that arrive over time (S3 downloads).
   */
  totalKnown: boolean
}

export interface LoadStarted {
  loadId: number
}

/**
 * One loaded source: a drop, a folder or files opened, the server's command-line paths, an S3
 * range. Loads run one after another, so a source's events are one run of ids in the store.
 */
export interface SourceInfo {
  sourceId: number
  /** 'paths': files or folders on the machine running the services; 'upload': sent by a web page; 's3': an S3 range. */
  kind: 'paths' | 'upload' | 's3'
  /** The first input's name (a path, a file name, s3://bucket/prefix). */
  label: string
  /** Inputs given (files and folders dropped together); the label names the first. */
  inputs: number
  files: number
  /** Events this source added (after dropping exact duplicates). */
  events: number
  duplicates: number
  idCollisions: number
  /** Files that failed or were read only in part. */
  problems: number
  loading: boolean
  /** Its events are left out of every view (setSourceHidden). */
  hidden: boolean
  /** Can be read again from where it came (paths, an S3 range from the cache); a web page's uploads are not kept. */
  reloadable: boolean
}

export const SourceHiddenSchema = v.object({ sourceId: wholeNumber(), hidden: v.boolean() })

export const LOADING_LIMITS = {
  /** Paths in one loadPaths (a folder counts as one). */
  paths: 100_000,
  /** Characters in one path (Windows' long-path limit). */
  pathLength: 32_768,
} as const

/** A file or folder path on the machine running the services. */
export const PathSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LOADING_LIMITS.pathLength),
  // A NUL byte would truncate the path in the OS call: refuse rather than open something else.
  v.check((path) => !path.includes('\0'), 'contains a NUL character'),
)

export const LOADING_CALLS = {
  /** Load files or folders on the machine running the services (drop, command line, recent). */
  loadPaths: call({ args: [arg('paths', boundedList(PathSchema, LOADING_LIMITS.paths))], returns: answer<LoadStarted>(), scope: 'server-path', by: 'service' }),
  /**
   * Electron: the native Open dialog for log files or folders; the paths picked, null when
   * cancelled (and always in web mode, where the page has its own pickers). The page then loads
   * them (loadPaths), asking first whether they join the loaded events or start anew.
   */
  chooseLogPaths: call({ args: [arg('kind', v.picklist(['files', 'folders']))], returns: answer<string[] | null>(), scope: 'session', by: 'shell' }),
  /** Stop the running load; what was read so far stays loaded. */
  cancelLoad: call({ args: [], returns: answer(), scope: 'session', by: 'service' }),
  /** Forget every loaded event and file. */
  clearAll: call({ args: [], returns: answer(), scope: 'session', by: 'service' }),
  /** The loaded sources, in the order they were loaded (also pushed as sourcesChanged). */
  listSources: call({ args: [], returns: answer<SourceInfo[]>(), scope: 'session', by: 'service' }),
  /** Leaves a source's events out of every view, or shows them again; views are asked again (eventsChanged). */
  setSourceHidden: call({ args: [arg('request', SourceHiddenSchema)], returns: answer(), scope: 'session', by: 'service' }),
  /**
   * A new investigation without this source: clears everything, then reads the other sources
   * again from where they came (removing events from the columnar store in place would renumber
   * every side table). Refused, changing nothing, when another source cannot be read again.
   */
  startWithout: call({ args: [arg('sourceId', wholeNumber())], returns: answer(), scope: 'session', by: 'service' }),
  /** Every file read or failed so far, in the order they finished. */
  fileReports: call({ args: [], returns: answer<FileReport[]>(), scope: 'session', by: 'service' }),
}
