// The link table of the loaded set: for every access key seen, who it belongs to (the
// userIdentity of its first event) and its use; for every credential-issuing event, the key it
// issued and the key that asked for it. Tens of bytes per issuing event and per distinct key,
// built from the store's columns (access key, event name, error, time, source IP) plus the
// userIdentity of one event per key and the response of each issuing event.
//
// Incremental: the store only appends between clears (its generation), so update() reads only
// the events added since the last call; a clear starts over. Chains are resolved on demand
// (chain-resolve.ts) and cached until the table changes.

import type { EventStore } from '../store/event-store'
import type { ResolvedChain } from './chain-resolve'
import { ISSUING_EVENTS, identityOfBytes, issueOfBytes, type IdentitySummary, type IssueRecord } from './credential-events'

/** Distinct source IPs counted per key (the rest are counted as one "more"). */
export const MAX_IPS_PER_KEY = 16

export interface KeyInfo {
  /** The store's dictionary code of the key. */
  code: number
  key: string
  /** The event whose userIdentity describes the key (its earliest one seen). */
  firstId: number
  firstTime: number
  lastTime: number
  events: number
  identity: IdentitySummary
  /** Source IP code -> events, for up to MAX_IPS_PER_KEY addresses. */
  ips: Map<number, number>
  moreIps: number
}

const EMPTY_IDENTITY: IdentitySummary = identityOfBytes(new TextEncoder().encode('{}'))!

export class IdentityIndex {
  readonly keys = new Map<number, KeyInfo>()
  /** Issued key -> its issuing event (the earliest, when CloudTrail recorded it in two accounts). */
  readonly issues = new Map<string, IssueRecord>()
  /** Every issuing event, in the order read. */
  readonly issueList: IssueRecord[] = []
  /** Bumped whenever the table changes: resolved chains are cached against it. */
  revision = 0
  private generation = -1
  private done = 0
  private cache = new Map<number, ResolvedChain>()
  private cacheRevision = -1

  constructor(readonly store: EventStore) {}

  /** Reads the events added since the last call. Cheap when nothing changed. */
  update(): void {
    const store = this.store
    if (store.generation !== this.generation) {
      this.keys.clear()
      this.issues.clear()
      this.issueList.length = 0
      this.generation = store.generation
      this.done = 0
      this.revision++
    }
    const end = store.size
    if (this.done >= end) return
    const issuing = new Set<number>()
    for (const name of ISSUING_EVENTS) {
      const code = store.codeOf(name)
      if (code > 0) issuing.add(code)
    }
    const keyCodes = store.codes('accessKey')
    const names = store.codes('eventName')
    const errors = store.codes('errorCode')
    const ips = store.codes('sourceIp')
    const times = store.times
    for (let id = this.done; id < end; id++) {
      const time = times[id]
      const code = keyCodes[id]
      if (code !== 0) {
        let info = this.keys.get(code)
        if (info === undefined) {
          info = {
            code,
            key: store.value(code),
            firstId: id,
            firstTime: time,
            lastTime: time,
            events: 0,
            identity: identityOfBytes(store.bytes(id)) ?? EMPTY_IDENTITY,
            ips: new Map(),
            moreIps: 0,
          }
          this.keys.set(code, info)
        } else if (time < info.firstTime || (Number.isNaN(info.firstTime) && !Number.isNaN(time))) {
          info.firstTime = time
          info.firstId = id
        }
        if (time > info.lastTime || Number.isNaN(info.lastTime)) info.lastTime = time
        info.events++
        const ip = ips[id]
        const seen = info.ips.get(ip)
        if (seen !== undefined) info.ips.set(ip, seen + 1)
        else if (info.ips.size < MAX_IPS_PER_KEY) info.ips.set(ip, 1)
        else info.moreIps++
      }
      if (errors[id] === 0 && issuing.has(names[id])) {
        const issue = issueOfBytes(store.bytes(id), id, time)
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

  /** Resolved chains by key code, valid for the current revision. */
  chainCache(): Map<number, ResolvedChain> {
    if (this.cacheRevision !== this.revision) {
      this.cache = new Map()
      this.cacheRevision = this.revision
    }
    return this.cache
  }

  /** The key info of a key string, if any event used it. */
  keyInfo(key: string): KeyInfo | undefined {
    const code = this.store.codeOf(key)
    return code > 0 ? this.keys.get(code) : undefined
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
