// A principal's dossier: what it did over the loaded set, from the store's columns (APIs,
// addresses, regions, accounts, keys, errors, times), the link table (roles it assumed, who
// assumed it) and one top-level member per event (userAgent, which no column holds; capped),
// read in disk order into one kept buffer (events-in-disk-order.ts): reading each event with
// store.bytes() (a fresh buffer per event) was most of a dossier's time.

import type { Dossier, DossierFlag, PrincipalRef } from '../../common/identity'
import { CodeTally, iso, Tally } from './dossier-tally'
import { classifySourceIp } from '../../common/decode/ip'
import type { EventStore } from '../store/event-store'
import { instanceIdOf, type IssueRecord } from './credential-events'
import { readMembers, str } from './event-members'
import { forEachEventBytes } from './events-in-disk-order'
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
/**
 * Rows per dossier list sent to the renderer (most frequent first; the panel shows fewer): a
 * principal with a million distinct user agents must not become a message of that size. The CLI
 * prints every row.
 */
export const DOSSIER_ROWS = 1_000
const USER_AGENT = ['userAgent']
const DENIED = /AccessDenied|Unauthorized|Forbidden|NotAuthorized/i

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

/** Per dictionary code, a verdict computed once: 0 not yet, 1 yes, 2 no. */
function codeTest(size: number, store: EventStore, test: (value: string) => boolean): (code: number) => boolean {
  const verdicts = new Uint8Array(size)
  return (code) => {
    if (verdicts[code] === 0) verdicts[code] = test(store.value(code)) ? 1 : 2
    return verdicts[code] === 1
  }
}

/** `userAgentLimit`: user agents are read from at most this many of the principal's events (the first loaded); the dossier says how many. */
export function dossierOf(store: EventStore, index: IdentityIndex, principal: PrincipalRef, ids = principalEvents(store, principal), userAgentLimit = MAX_USER_AGENT_EVENTS): Dossier {
  const times = store.times
  const names = store.codes('eventName')
  const sources = store.codes('eventSource')
  const errors = store.codes('errorCode')
  const ips = store.codes('sourceIp')
  const regions = store.codes('region')
  const accounts = store.codes('account')
  const keys = store.codes('accessKey')
  const users = store.codes('user')
  // Everything is counted by dictionary code: strings are looked up once per distinct value.
  const size = store.dictionarySize
  const isDenied = codeTest(size, store, (error) => DENIED.test(error))
  const isIp = codeTest(size, store, isAddress)
  const isPublicIp = codeTest(size, store, isPublic)
  const isInstance = codeTest(size, store, (session) => instanceIdOf(session) !== '')
  const apis = new Map<number, { name: number; source: number; count: number; errors: number; first: number }>()
  const ipTally = new CodeTally()
  const agentTally = new Tally()
  const regionTally = new CodeTally()
  const accountTally = new CodeTally()
  const keyTally = new CodeTally()
  const keyIps = new Map<number, Set<number>>()
  const instanceKeys = new Map<number, Set<number>>()
  const denied: number[] = []
  let first = NaN
  let last = NaN
  let errorCount = 0
  const idSet = new Set<number>()
  ids.forEach((id) => {
    idSet.add(id)
    const t = times[id]
    if (!(t >= first)) first = Number.isNaN(t) ? first : t
    if (!(t <= last)) last = Number.isNaN(t) ? last : t
    const apiKey = names[id] * size + sources[id]
    let api = apis.get(apiKey)
    if (!api) apis.set(apiKey, (api = { name: names[id], source: sources[id], count: 0, errors: 0, first: t }))
    api.count++
    if (t < api.first || Number.isNaN(api.first)) api.first = t
    const error = errors[id]
    if (error !== 0) {
      errorCount++
      api.errors++
      if (isDenied(error) && !Number.isNaN(t)) denied.push(t)
    }
    const ip = ips[id]
    const key = keys[id]
    ipTally.add(ip, t)
    regionTally.add(regions[id], t)
    accountTally.add(accounts[id], t)
    keyTally.add(key, t)
    if (key !== 0 && ip !== 0 && isIp(ip)) {
      let set = keyIps.get(key)
      if (!set) keyIps.set(key, (set = new Set()))
      set.add(ip)
      // Instance-profile credentials (session i-…) used from a public address.
      if (isPublicIp(ip) && isInstance(users[id])) {
        let used = instanceKeys.get(key)
        if (!used) instanceKeys.set(key, (used = new Set()))
        used.add(ip)
      }
    }
  })
  // The first `userAgentLimit` events' user agents (a tally: the order they are read in does not matter).
  forEachEventBytes(store, ids.length > userAgentLimit ? ids.subarray(0, userAgentLimit) : ids, (id, bytes, start, end) => {
    agentTally.add(str(readMembers(bytes.subarray(start, end), USER_AGENT, true)?.userAgent), times[id])
  })

  // Roles this principal's calls assumed, and who issued the keys it used.
  const assumed = new Tally()
  const assumedBy = new Tally()
  const usedKeys = new Set([...keyTally.counts.keys()].map((code) => store.value(code)))
  for (const issue of index.issueList) {
    if (idSet.has(issue.eventId)) assumed.add(issue.roleArn || issue.assumedArn || issue.eventName, issue.time)
    if (usedKeys.has(issue.issuedKey) && index.issues.get(issue.issuedKey) === issue) assumedBy.add(callerLabel(issue), issue.time)
  }

  const flags: DossierFlag[] = []
  const apiList = [...apis.values()]
    .map((api) => ({ ...api, name: store.value(api.name), source: store.value(api.source) }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
  if (last - first >= NEW_API_AFTER_MS) {
    for (const api of apiList) {
      if (api.first - first >= NEW_API_AFTER_MS) flags.push({ kind: 'newApi', subject: `${api.source} ${api.name}`, detail: [String(api.count)], at: iso(api.first) })
    }
  }
  const values = (codes: Set<number>): string[] => [...codes].map((code) => store.value(code)).sort()
  for (const [key, set] of keyIps) {
    if (set.size >= KEY_IPS_FLAG) flags.push({ kind: 'keyManyIps', subject: store.value(key), detail: values(set), at: null })
  }
  // Instance-profile credentials from two or more public addresses: an instance has one public
  // address at a time, so the key was used elsewhere. (AWS's own address ranges are not known
  // offline, so "outside AWS" is judged by the addresses alone.)
  for (const [key, set] of instanceKeys) {
    if (set.size >= 2) flags.push({ kind: 'instanceCredentialsElsewhere', subject: store.value(key), detail: values(set), at: null })
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
    sourceIps: ipTally.list(store),
    userAgents: agentTally.list(),
    userAgentEvents: Math.min(ids.length, userAgentLimit),
    regions: regionTally.list(store),
    accounts: accountTally.list(store),
    accessKeys: keyTally.list(store),
    assumedRoles: assumed.list(),
    assumedBy: assumedBy.list(),
    flags,
  }
}

/** The dossier with each list cut to `rows` (most frequent first), as sent to the renderer. */
export function cutDossier(d: Dossier, rows = DOSSIER_ROWS): Dossier {
  const cut = <T>(list: T[]): T[] => list.slice(0, rows)
  return {
    ...d,
    apis: cut(d.apis),
    sourceIps: cut(d.sourceIps),
    userAgents: cut(d.userAgents),
    regions: cut(d.regions),
    accounts: cut(d.accounts),
    accessKeys: cut(d.accessKeys),
    assumedRoles: cut(d.assumedRoles),
    assumedBy: cut(d.assumedBy),
    flags: cut(d.flags),
  }
}
