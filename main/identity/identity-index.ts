// The link table of the loaded set: for every credential-issuing event (AssumeRole*,
// GetSessionToken, GetFederationToken, GetRoleCredentials), the key it issued, the key that
// signed it and who that was. Tens of bytes per issuing event; nothing per ordinary event (the
// store's access key column already says which key signed it), so a trail where every event has
// a new key costs no more than one where keys live for hours.
//
// Incremental: the store only appends between clears (its generation), so update() reads only
// the events added since the last call — typed-array passes over eventName, errorCode and
// accessKey (each key's first use, kept per key code), and a partial parse of the issuing
// events, read in disk order (events-in-disk-order.ts). A clear starts over. Chains are
// resolved on demand (chain-resolve.ts) and cached until the revision changes: new issuing
// events, or new events signed by an issued key (its first use decides whether its issuing
// event may link). Other events leave resolved chains, and the chain table the worker sends
// (identity-worker.ts), as they were: a load's follows cost their new events, not the set.

import type { EventStore } from '../store/event-store'
import { ISSUING_EVENTS, issueOfBytes, type IssueRecord } from './credential-events'
import { prepareIssueHops, type ResolvedChain } from './chain-resolve'
import { forEachEventBytes } from './events-in-disk-order'

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
  /** Bumped when resolved chains may change (see above): they are cached against it. */
  revision = 0
  private generation = -1
  private done = 0
  private cache = new Map<string, ResolvedChain>()
  private cacheRevision = -1
  private firstUses: Map<number, number> | null = null
  /** Per access key code: 1 when some event used it, and its first use (ms; NaN when none of its events has a time). */
  private used = new Uint8Array(0)
  private firstUse = new Float64Array(0)
  /**
   * Per access key code: 1 when some issuing event issued it. Kept as issues and keys arrive (an
   * issue marks its key's code if the key is known, a key seen first marks itself if issued), so
   * that a follow costs its new events: looking up every issued key's code at each follow cost
   * 25,612 Map lookups per follow on the realistic 1M corpus, the worker's second cost.
   */
  private issuedCodes = new Uint8Array(0)
  /** keyEvents' grouping of the access key column, for the store size it was made at. */
  private groups: { size: number; order: Uint32Array; starts: Uint32Array } | null = null

  constructor(readonly store: EventStore) {}

  /** Reads the events added since the last call. Cheap when nothing changed. */
  update(): void {
    const store = this.store
    if (store.generation !== this.generation) {
      this.issues.clear()
      this.issueList.length = 0
      this.generation = store.generation
      this.done = 0
      this.used = new Uint8Array(0)
      this.firstUse = new Float64Array(0)
      this.issuedCodes = new Uint8Array(0)
      this.groups = null
      this.revision++
    }
    const end = store.size
    if (this.done >= end) return
    let changed = this.readIssues(end)
    if (this.followFirstUses(end)) changed = true
    this.done = end
    if (changed) this.revision++
  }

  /** Adds the issuing events among the new ones; whether there were any. */
  private readIssues(end: number): boolean {
    const store = this.store
    const issuing: number[] = []
    for (const name of ISSUING_EVENTS) {
      const code = store.codeOf(name)
      if (code > 0) issuing.push(code)
    }
    if (issuing.length === 0) return false
    const names = store.codes('eventName')
    const errors = store.codes('errorCode')
    const times = store.times
    const [a = -1, b = -1, c = -1, ...rest] = issuing
    const candidates: number[] = []
    for (let id = this.done; id < end; id++) {
      const name = names[id]
      // Three compares cover AssumeRole, GetSessionToken and the like in most trails.
      if (name !== a && name !== b && name !== c && (rest.length === 0 || !rest.includes(name))) continue
      if (errors[id] === 0) candidates.push(id)
    }
    // Their bytes in disk order into one kept buffer, then added in id order (issueList's order).
    const found: IssueRecord[] = []
    forEachEventBytes(store, Uint32Array.from(candidates), (id, bytes, start, stop) => {
      const issue = issueOfBytes(bytes.subarray(start, stop), id, times[id])
      if (issue) found.push(issue)
    })
    found.sort((x, y) => x.eventId - y.eventId)
    for (const issue of found) this.addIssue(issue)
    prepareIssueHops(found)
    return found.length > 0
  }

  /** Keeps each key's first use over the new events; whether an issued key was among them. */
  private followFirstUses(end: number): boolean {
    const store = this.store
    const size = store.dictionarySize
    this.growKeyArrays(size)
    const keys = store.codes('accessKey')
    const times = store.times
    const { used, firstUse, issuedCodes, issues } = this
    let touched = false
    for (let id = this.done; id < end; id++) {
      const code = keys[id]
      if (code === 0) continue
      const t = times[id]
      if (used[code] === 0) {
        used[code] = 1
        firstUse[code] = t
        // A key first seen: issued already (its issue read before any use of it, so not marked by addIssue)?
        if (issues.has(store.value(code))) issuedCodes[code] = 1
      } else if (t < firstUse[code] || Number.isNaN(firstUse[code])) firstUse[code] = t
      if (issuedCodes[code] === 1) touched = true
    }
    return touched
  }

  /** Makes the per-key-code arrays cover `size` codes (half as many again, so that growth is rare). */
  private growKeyArrays(size: number): void {
    if (this.used.length >= size) return
    const capacity = size + (size >> 1)
    const used = new Uint8Array(capacity)
    used.set(this.used)
    const first = new Float64Array(capacity)
    first.set(this.firstUse)
    const issued = new Uint8Array(capacity)
    issued.set(this.issuedCodes)
    this.used = used
    this.firstUse = first
    this.issuedCodes = issued
  }

  private addIssue(issue: IssueRecord): void {
    const code = this.store.codeOf(issue.issuedKey)
    if (code > 0) {
      this.growKeyArrays(this.store.dictionarySize)
      this.issuedCodes[code] = 1
    }
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

  /**
   * The events of one access key (by code), ascending: a counting sort of the access key
   * column, made once per store size (two passes over it), so a chain's statistics cost the
   * key's own events, not a pass over the whole set.
   */
  keyEvents(code: number): Uint32Array {
    const n = this.store.size
    if (!this.groups || this.groups.size !== n) {
      const codes = this.store.codes('accessKey')
      const starts = new Uint32Array(this.store.dictionarySize + 1)
      for (let id = 0; id < n; id++) starts[codes[id] + 1]++
      for (let c = 1; c < starts.length; c++) starts[c] += starts[c - 1]
      const next = starts.slice(0, -1)
      const order = new Uint32Array(n)
      for (let id = 0; id < n; id++) order[next[codes[id]]++] = id
      this.groups = { size: n, order, starts }
    }
    const { order, starts } = this.groups
    return code > 0 && code + 1 < starts.length ? order.subarray(starts[code], starts[code + 1]) : new Uint32Array(0)
  }

  /** First use (ms) of each issued key that any event used, by key code: cached per revision. */
  issuedFirstUse(): Map<number, number> {
    this.chainCache()
    if (this.firstUses) return this.firstUses
    const first = new Map<number, number>()
    for (const key of this.issues.keys()) {
      const code = this.store.codeOf(key)
      if (code > 0 && this.used[code] === 1) first.set(code, this.firstUse[code])
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
