// What a parse worker hands back for one input file: the events' original bytes plus the few
// fields the list, filters and facets need, dictionary-encoded so that crossing threads costs
// typed-array transfers and one small string array, not a million objects.

import type { DigestParse } from '../../common/cloudtrail-digest'

/** Fields kept as dictionary-encoded columns, in this order in ParsedBatch.columns. */
export const STRING_COLUMNS = [
  'eventName',
  'eventSource',
  'user',
  'identityType',
  'region',
  'sourceIp',
  'errorCode',
  'account',
  'accessKey',
  'principalId',
  'eventType',
  'resourceType',
] as const

export type StringColumn = (typeof STRING_COLUMNS)[number]

export interface ParsedBatch {
  /** Index of the input file in the load (as given to the worker). */
  fileIndex: number
  /**
   * Bytes holding every event's JSON text; an event is text[starts[i], ends[i]). Empty when a
   * parse worker already wrote them to a segment file: see `spill`.
   */
  text: Uint8Array
  /** Where a parse worker wrote `text` (text-segments.ts): the event is at offset + starts[i]. */
  spill?: { path: string; offset: number }
  starts: Uint32Array
  ends: Uint32Array
  /** eventTime in ms since the epoch; NaN when absent or unreadable. */
  times: Float64Array
  /** 0 absent, 1 true, 2 false. */
  readOnly: Uint8Array
  /**
   * A 52-bit hash of eventID + recipientAccountId, exact in a double; NaN when the event has no
   * eventID (such events are never deduplicated). Collisions are settled by comparing the texts.
   */
  idHashes: Float64Array
  /** Local dictionary: code 0 is always '' (field absent). */
  dictionary: string[]
  /** One Uint32Array of codes per STRING_COLUMNS entry, same order. */
  columns: Uint32Array[]
  /** 'events' normally; 'digest' for CloudTrail digest files (no events). */
  kind: 'events' | 'digest'
  /** Non-empty when the file was damaged or partly unreadable: says what and how much was kept. */
  warning: string
  /** SHA-256 of the uncompressed content, and a digest's parse (main/integrity). */
  integrity?: FileIntegrity
}

export interface FileIntegrity {
  sha256: string
  /** A digest's text parsed and checked by the parse worker (off the main thread); its text stays there. */
  parsedDigest?: DigestParse
}

/** A file the worker could not read at all. */
export interface BatchFailure {
  fileIndex: number
  reason: string
  integrity?: FileIntegrity
}
