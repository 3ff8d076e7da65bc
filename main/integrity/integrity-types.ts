// What validation reads and what it reports. Plain data: the CLI prints it, the app sends it
// to the renderer (common/ipc-contract.ts re-states the reported shapes).

import type { DigestParse } from '../../common/cloudtrail-digest'

export type LogStatus = 'valid' | 'modified' | 'missing' | 'not-in-digest' | 'not-covered'
export type DigestStatus = 'valid' | 'invalid-signature' | 'key-unknown' | 'signature-unavailable' | 'chain-break' | 'missing'

/** One loaded file as the loader saw it. */
export interface LoadedTrailFile {
  /** The name it was loaded under: s3://bucket/key, a path, or an uploaded file's relative name. */
  name: string
  kind: 'log' | 'digest'
  /** Hex SHA-256 of the uncompressed content ('' when it could not be read at all). */
  sha256: string
  /** A digest's text parsed and checked by the parse worker that read it (the text is not kept). */
  parsedDigest?: DigestParse
  /** Events read from a log file (the coverage map's counts). */
  events?: number
}

export interface IntegrityEntry {
  kind: 'digest' | 'log'
  path: string
  account: string
  region: string
  status: LogStatus | DigestStatus
  detail: string
}

export interface IntegritySummary {
  digests: number
  digestsValid: number
  logs: number
  logsValid: number
  /** Entries per status, digests and logs apart: {"log:modified": 1, "digest:missing": 1}. */
  counts: Record<string, number>
  /** Anything modified, missing, inserted or invalid (CLI exit 1). */
  failed: boolean
  /** Time range of the digests checked, ISO ('' when none). */
  from: string
  to: string
}

export interface IntegrityReport {
  entries: IntegrityEntry[]
  summary: IntegritySummary
}

/** Statuses that mean tampering or loss, as opposed to "could not be checked". */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(['modified', 'missing', 'not-in-digest', 'invalid-signature', 'chain-break'])
