// A principal's dossier: what it did over the loaded set, from the store's columns (APIs,
// addresses, regions, accounts, keys, errors, times), the link table (roles it assumed, who
// assumed it) and one top-level member per event (userAgent, which no column holds; capped).

import type { Dossier, DossierApi, DossierFlag, FirstUse, PrincipalRef } from '../../common/identity'
import { classifySourceIp } from '../../common/decode/ip'
import type { EventStore } from '../store/event-store'
import { instanceIdOf, type IssueRecord } from './credential-events'
import { readMembers, str } from './event-members'
import type { IdentityIndex } from './identity-index'
import { principalEvents, principalLabel } from './principal-events'

/** User agents are read from at most this many of the principal's events (no column holds them). */
export const MAX_USER_AGENT_EVENTS = 200_000
/** An API first called this long after the principal was first seen is flagged as new. */
export const NEW_API_AFTER_MS = 24 * 3600_000
/** A key used from this many addresses or more is flagged. */
export const KEY_IPS_FLAG = 3
/** This many access-denied errors within the window make a burst. */
export const DENIED_BURST = 10
export const DENIED_WINDOW_MS = 5 * 60_000
const USER_AGENT = ['userAgent']
const DENIED = /AccessDenied|Unauthorized|Forbidden|NotAuthorized/i

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null)

class Tally {
  private readonly counts = new Map<string, { count: number; first: number }>()

  add(value: string, time: number): void {
    if (!value) return
    const known = this.counts.get(value)
    if (!known) this.counts.set(value, { count: 1, first: time })
    else {
      known.count++
      if (time < known.first || Number.isNaN(known.first)) known.first = time
    }
  }

  list(): FirstUse[] {
    return [...this.counts.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .map(([value, { count, first }]) => ({ value, count, firstSeen: iso(first) }))
  }
}

/** Whether an address is a network address (not a service name such as ec2.amazonaws.com or AWS Internal). */
function isAddress(ip: string): boolean {
  const kind = classifySourceIp(ip).kind
  return kind === 'ipv4' || kind === 'ipv6'
}

function isPublic(ip: string): boolean {
  const c = classifySourceIp(ip)
  return (c.kind === 'ipv4' || c.kind === 'ipv6') && c.range === 'public'
}

/** How an issuing call's caller reads in "assumed by". */
function callerLabel(issue: IssueRecord): string {
  const c = issue.caller
  if (c.type === 'AWSService' || (!c.type && c.invokedBy)) return c.invokedBy
  if (issue.eventName === 'AssumeRoleWithSAML' || issue.eventName === 'AssumeRoleWithWebIdentity') return issue.subject || c.userName
  return c.arn || c.userName || c.principalId
}

export function dossierOf(store: EventStore, index: IdentityIndex, principal: PrincipalRef, ids = principalEvents(store, principal)): Dossier {
  const times = store.times
  const names = store.codes('eventName')
  const sources = store.codes('eventSource')
  const errors = store.codes('errorCode')
  const ips = store.codes('sourceIp')
  const regions = store.codes('region')
  const accounts = store.codes('account')
  const keys = store.codes('accessKey')
  const apis = new Map<string, DossierApi & { first: number }>()
  const ipTally = new Tally()
  const agentTally = new Tally()
  const regionTally = new Tally()
  const accountTally = new Tally()
  const keyTally = new Tally()
  const keyIps = new Map<string, Set<string>>()
  const denied: number[] = []
  let first = NaN
  let last = NaN
  let errorCount = 0
  const idSet = new Set<number>()
  ids.forEach((id, n) => {
    idSet.add(id)
    const t = times[id]
    if (!(t >= first)) first = Number.isNaN(t) ? first : t
    if (!(t <= last)) last = Number.isNaN(t) ? last : t
    const name = store.value(names[id])
    const source = store.value(sources[id])
    const apiKey = `${source}\u0000${name}`
    let api = apis.get(apiKey)
    if (!api) apis.set(apiKey, (api = { name, source, count: 0, errors: 0, first: t }))
    api.count++
    if (t < api.first || Number.isNaN(api.first)) api.first = t
    const error = store.value(errors[id])
    if (error) {
      errorCount++
      api.errors++
      if (DENIED.test(error) && !Number.isNaN(t)) denied.push(t)
    }
    const ip = store.value(ips[id])
    ipTally.add(ip, t)
    regionTally.add(store.value(regions[id]), t)
    accountTally.add(store.value(accounts[id]), t)
    const key = store.value(keys[id])
    keyTally.add(key, t)
    if (key && ip && isAddress(ip)) {
      let set = keyIps.get(key)
      if (!set) keyIps.set(key, (set = new Set()))
      set.add(ip)
    }
    if (n < MAX_USER_AGENT_EVENTS) agentTally.add(str(readMembers(store.bytes(id), USER_AGENT, true)?.userAgent), t)
  })

  // Roles this principal's calls assumed, and who issued the keys it used.
  const assumed = new Tally()
  const assumedBy = new Tally()
  const usedKeys = new Set(keyTally.list().map((k) => k.value))
  for (const issue of index.issueList) {
    if (idSet.has(issue.eventId)) assumed.add(issue.roleArn || issue.assumedArn || issue.eventName, issue.time)
    if (usedKeys.has(issue.issuedKey) && index.issues.get(issue.issuedKey) === issue) assumedBy.add(callerLabel(issue), issue.time)
  }

  const flags: DossierFlag[] = []
  const apiList = [...apis.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
  if (last - first >= NEW_API_AFTER_MS) {
    for (const api of apiList) {
      if (api.first - first >= NEW_API_AFTER_MS) flags.push({ kind: 'newApi', subject: `${api.source} ${api.name}`, detail: [String(api.count)], at: iso(api.first) })
    }
  }
  for (const [key, set] of keyIps) {
    if (set.size >= KEY_IPS_FLAG) flags.push({ kind: 'keyManyIps', subject: key, detail: [...set].sort(), at: null })
  }
  // Instance-profile credentials (session i-…) from two or more public addresses: an instance
  // has one public address at a time, so the key was used elsewhere. (AWS's own address ranges
  // are not known offline, so "outside AWS" is judged by the addresses alone.)
  const instanceKeys = new Map<string, Set<string>>()
  for (const id of ids) {
    const key = store.value(keys[id])
    const ip = store.value(ips[id])
    if (!key || !isPublic(ip)) continue
    const session = store.value(store.codes('user')[id])
    if (!instanceIdOf(session)) continue
    let set = instanceKeys.get(key)
    if (!set) instanceKeys.set(key, (set = new Set()))
    set.add(ip)
  }
  for (const [key, set] of instanceKeys) {
    if (set.size >= 2) flags.push({ kind: 'instanceCredentialsElsewhere', subject: key, detail: [...set].sort(), at: null })
  }
  denied.sort((a, b) => a - b)
  for (let i = 0; i < denied.length; ) {
    let j = i
    while (j + 1 < denied.length && denied[j + 1] - denied[i] <= DENIED_WINDOW_MS) j++
    if (j - i + 1 < DENIED_BURST) {
      i++
      continue
    }
    flags.push({ kind: 'accessDeniedBurst', subject: iso(denied[i]) ?? '', detail: [String(j - i + 1)], at: iso(denied[i]) })
    i = j + 1
  }

  return {
    principal: { ...principal, label: principalLabel(principal) },
    firstSeen: iso(first),
    lastSeen: iso(last),
    events: ids.length,
    errors: errorCount,
    apis: apiList.map(({ name, source, count, errors: e }) => ({ name, source, count, errors: e })),
    sourceIps: ipTally.list(),
    userAgents: agentTally.list(),
    regions: regionTally.list(),
    accounts: accountTally.list(),
    accessKeys: keyTally.list(),
    assumedRoles: assumed.list(),
    assumedBy: assumedBy.list(),
    flags,
  }
}
