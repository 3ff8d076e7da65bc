// Integrity: the loaded log files checked against the loaded digest files (main/integrity).

export type IntegrityLogStatus = 'valid' | 'modified' | 'missing' | 'not-in-digest' | 'not-covered'
export type IntegrityDigestStatus = 'valid' | 'invalid-signature' | 'key-unknown' | 'signature-unavailable' | 'chain-break' | 'missing'

/** One digest or log file's verdict; `detail` says why (attacker-influenced text: shown as data). */
export interface IntegrityEntryInfo {
  kind: 'digest' | 'log'
  path: string
  account: string
  region: string
  status: IntegrityLogStatus | IntegrityDigestStatus
  detail: string
}

/** Files and events delivered per hour for one account and region, and which hours a digest covers. */
export interface CoverageRow {
  account: string
  region: string
  /** Per hour from CoverageInfo.from: log files delivered, events in them, and whether a loaded digest covers it. */
  files: number[]
  events: number[]
  digested: boolean[]
}

/** An event that can hide or stop logging (StopLogging, DeleteTrail, a policy change on the trail bucket...). */
export interface TamperingMark {
  eventId: number
  eventName: string
  account: string
  region: string
  /** Hour index from CoverageInfo.from. */
  hour: number
}

export interface CoverageInfo {
  /** ms, a whole hour; 0 hours when nothing is loaded. */
  from: number
  hours: number
  rows: CoverageRow[]
  tampering: TamperingMark[]
  /** Hours were cut to this many (a longer range shows its first part). */
  truncated: boolean
}

export interface IntegrityInfo {
  /** Digest files among the loaded files. */
  digests: number
  /** Public keys known (given as files, or cached). */
  keys: number
  summary: { digests: number; digestsValid: number; logs: number; logsValid: number; counts: Record<string, number>; failed: boolean; from: string; to: string; line: string }
  /** Not-valid entries first; at most INTEGRITY_ENTRY_LIMIT. */
  entries: IntegrityEntryInfo[]
  entriesTotal: number
  coverage: CoverageInfo
}

export const INTEGRITY_ENTRY_LIMIT = 5_000
