// Integrity: the loaded log files checked against the loaded digest files (main/integrity), and
// the public keys the digests are checked with (part of the contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { answer, arg, call, eventIds, text } from './define-call'
import { S3_LIMITS } from './s3'

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

export const INTEGRITY_LIMITS = {
  /** A list-public-keys file: a few KB per key. */
  publicKeysJson: 10 * 1024 * 1024,
  /** Events asked about at once (a screenful, or a window of rows). */
  eventIds: 10_000,
} as const

export const INTEGRITY_CALLS = {
  /** The loaded files checked against the loaded digests, and the coverage map. */
  integrityReport: call({ args: [], returns: answer<IntegrityInfo>(), scope: 'session', by: 'service' }),
  /** Adds public keys from the JSON `aws cloudtrail list-public-keys` prints; returns how many keys are known. */
  addPublicKeys: call({ args: [arg('json', text(INTEGRITY_LIMITS.publicKeysJson))], returns: answer<{ keys: number }>(), scope: 'session', by: 'service' }),
  /**
   * Asks cloudtrail:ListPublicKeys (with this profile; '' the default chain) for the keys the
   * loaded digests need, per region; they are cached. The keys come from the default CloudTrail
   * endpoint with the server's credentials: the page names only a profile, as for listing profiles.
   */
  fetchPublicKeys: call({ args: [arg('request', v.object({ profile: text(S3_LIMITS.nameLength) }))], returns: answer<{ keys: number }>(), scope: 'session', by: 'service' }),
  /** Which of these events come from a file that is not valid, and its status (for markers in the list and viewer). */
  eventIntegrity: call({ args: [arg('ids', eventIds(INTEGRITY_LIMITS.eventIds))], returns: answer<{ id: number; status: IntegrityLogStatus }[]>(), scope: 'session', by: 'service' }),
}
