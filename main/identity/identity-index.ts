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
  private groups: { order: Uint32Array; starts: Uint32Array } | null = null

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
      this.groups = null
      this.cacheRevision = this.revision
    }
    return this.cache
  }

  /**
   * The events of one access key (by code), ascending: a counting sort of the access key
   * column, made once per revision (two passes over it), so a chain's statistics cost the
   * key's own events, not a pass over the whole set.
   */
  keyEvents(code: number): Uint32Array {
    this.chainCache()
    if (!this.groups) {
      const codes = this.store.codes('accessKey')
      const n = this.store.size
      const starts = new Uint32Array(this.store.dictionarySize + 1)
      for (let id = 0; id < n; id++) starts[codes[id] + 1]++
      for (let c = 1; c < starts.length; c++) starts[c] += starts[c - 1]
      const next = starts.slice(0, -1)
      const order = new Uint32Array(n)
      for (let id = 0; id < n; id++) order[next[codes[id]]++] = id
      this.groups = { order, starts }
    }
    const { order, starts } = this.groups
    return code > 0 && code + 1 < starts.length ? order.subarray(starts[code], starts[code + 1]) : new Uint32Array(0)
  }

  /** First use (ms) of each issued key that any event used, by key code: cached per revision. */
  issuedFirstUse(): Map<number, number> {
    this.chainCache()
    if (this.firstUses) return this.firstUses
    const first = new Map<number, number>()
    const times = this.store.times
    for (const key of this.issues.keys()) {
      const code = this.store.codeOf(key)
      if (code <= 0) continue
      let min = NaN
      for (const id of this.keyEvents(code)) if (times[id] < min || Number.isNaN(min)) min = times[id]
      if (this.keyEvents(code).length > 0) first.set(code, min)
    }
    this.firstUses = first
    return first
  }

  /** Use of the given keys (by code) across the loaded set. */
  keyStats(codes: Iterable<number>): Map<number, KeyStats> {
    const stats = new Map<number, KeyStats>()
    const ips = this.store.codes('sourceIp')
    const times = this.store.times
    for (const code of codes) {
      if (code <= 0 || stats.has(code)) continue
      const s: KeyStats = { firstId: -1, firstTime: NaN, lastTime: NaN, events: 0, ips: new Map() }
      for (const id of this.keyEvents(code)) {
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
      stats.set(code, s)
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
