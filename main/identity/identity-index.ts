// The link table of the loaded set: for every credential-issuing event (AssumeRole*,
// GetSessionToken, GetFederationToken, GetRoleCredentials), the key it issued, the key that
// signed it and who that was. Tens of bytes per issuing event; nothing per ordinary event (the
// store's access key column already says which key signed it), so a trail where every event has
// a new key costs no more than one where keys live for hours.
//
// Incremental: the store only appends between clears (its generation), so update() reads only
// the events added since the last call — a typed-array pass over eventName and errorCode, and a
// partial parse of the issuing events. A clear starts over. Chains are resolved on demand
// (chain-resolve.ts) and cached until the table changes.

import type { EventStore } from '../store/event-store'
import type { ResolvedChain } from './chain-resolve'
import { ISSUING_EVENTS, issueOfBytes, type IssueRecord } from './credential-events'

/** Distinct source IPs listed per key in key statistics (the rest are counted). */
export const MAX_IPS_PER_KEY = 16

export interface KeyStats {
  firstId: number
  firstTime: number
  lastTime: number
  events: number
  /** Source IP code -> events, for up to MAX_IPS_PER_KEY addresses. */
  ips: Map<number, number>
}

export class IdentityIndex {
  /** Issued key -> its issuing event (the earliest, when CloudTrail recorded it in two accounts). */
  readonly issues = new Map<string, IssueRecord>()
  /** Every issuing event, in the order read. */
  readonly issueList: IssueRecord[] = []
  /** Bumped whenever the table or the store changes: resolved chains are cached against it. */
  revision = 0
  private generation = -1
  private done = 0
  private cache = new Map<string, ResolvedChain>()
  private cacheRevision = -1
  private firstUses: Map<number, number> | null = null

  constructor(readonly store: EventStore) {}

  /** Reads the events added since the last call. Cheap when nothing changed. */
  update(): void {
    const store = this.store
    if (store.generation !== this.generation) {
      this.issues.clear()
      this.issueList.length = 0
      this.generation = store.generation
      this.done = 0
      this.revision++
    }
    const end = store.size
    if (this.done >= end) return
    const issuing: number[] = []
    for (const name of ISSUING_EVENTS) {
      const code = store.codeOf(name)
      if (code > 0) issuing.push(code)
    }
    if (issuing.length > 0) {
      const names = store.codes('eventName')
      const errors = store.codes('errorCode')
      const times = store.times
      const [a = -1, b = -1, c = -1, ...rest] = issuing
      for (let id = this.done; id < end; id++) {
        const name = names[id]
        // Three compares cover AssumeRole, GetSessionToken and the like in most trails.
        if (name !== a && name !== b && name !== c && (rest.length === 0 || !rest.includes(name))) continue
        if (errors[id] !== 0) continue
        const issue = issueOfBytes(store.bytes(id), id, times[id])
        if (issue) this.addIssue(issue)
      }
    }
    this.done = end
    this.revision++
  }

  private addIssue(issue: IssueRecord): void {
    this.issueList.push(issue)
    const known = this.issues.get(issue.issuedKey)
    // Cross-account AssumeRole is recorded in both accounts with the same response: keep the
    // earliest (then the first read) so that the answer does not depend on load order.
    if (known === undefined || issue.time < known.time || (issue.time === known.time && issue.eventId < known.eventId)) {
      this.issues.set(issue.issuedKey, issue)
    }
  }

  /** Resolved chains by issued key, valid for the current revision. */
  chainCache(): Map<string, ResolvedChain> {
    if (this.cacheRevision !== this.revision) {
      this.cache = new Map()
      this.firstUses = null
      this.cacheRevision = this.revision
    }
    return this.cache
  }

  /** First use (ms) of each issued key that any event used, by key code: one pass, cached per revision. */
  issuedFirstUse(): Map<number, number> {
    this.chainCache()
    if (this.firstUses) return this.firstUses
    const wanted = new Set<number>()
    for (const key of this.issues.keys()) {
      const code = this.store.codeOf(key)
      if (code > 0) wanted.add(code)
    }
    const first = new Map<number, number>()
    const codes = this.store.codes('accessKey')
    const times = this.store.times
    for (let id = 0, n = this.store.size; id < n; id++) {
      const code = codes[id]
      if (code === 0 || !wanted.has(code)) continue
      const t = times[id]
      const known = first.get(code)
      if (known === undefined || t < known) first.set(code, t)
    }
    this.firstUses = first
    return first
  }

  /** Use of the given keys (by code) across the loaded set: one pass over the access key column. */
  keyStats(codes: Iterable<number>): Map<number, KeyStats> {
    const stats = new Map<number, KeyStats>()
    for (const code of codes) if (code > 0) stats.set(code, { firstId: -1, firstTime: NaN, lastTime: NaN, events: 0, ips: new Map() })
    if (stats.size === 0) return stats
    const keys = this.store.codes('accessKey')
    const ips = this.store.codes('sourceIp')
    const times = this.store.times
    for (let id = 0, n = this.store.size; id < n; id++) {
      const s = stats.get(keys[id])
      if (s === undefined) continue
      const t = times[id]
      if (s.firstId < 0 || t < s.firstTime || (Number.isNaN(s.firstTime) && !Number.isNaN(t))) {
        s.firstId = id
        s.firstTime = t
      }
      if (!(t <= s.lastTime)) s.lastTime = Number.isNaN(t) ? s.lastTime : t
      s.events++
      const ip = ips[id]
      const seen = s.ips.get(ip)
      if (seen !== undefined) s.ips.set(ip, seen + 1)
      else if (s.ips.size < MAX_IPS_PER_KEY) s.ips.set(ip, 1)
    }
    return stats
  }
}

const indexes = new WeakMap<EventStore, IdentityIndex>()

/** The store's identity index, brought up to date. */
export function identityIndexOf(store: EventStore): IdentityIndex {
  let index = indexes.get(store)
  if (!index) {
    index = new IdentityIndex(store)
    indexes.set(store, index)
  }
  index.update()
  return index
}
