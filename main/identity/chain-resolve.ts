// Resolves credential chains by following keys back through the link table: the key that
// signed an event was issued by an event (AssumeRole...), which was signed by another key, and
// so on to a key no loaded event issued. Time is respected (an issuing event later than the
// key's first use does not link) and loops are impossible (a key is visited once per chain,
// and MAX_CHAIN_HOPS bounds the walk whatever the data says). Where the loaded data ends, the
// hop says why (HopOrigin), never a guess.

import { assumedRoleParts, parseArn } from '../../common/decode/arn'
import type { ChainHop, HopKind, HopOrigin } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import {
  identityOfBytes, instanceIdOf, isIdentityCenterRole, isLinkableKey, serviceLinkedService, type IdentitySummary, type IssueRecord,
} from './credential-events'
import type { IdentityIndex, KeyInfo } from './identity-index'

/** Longest chain followed: role chaining is limited to a few hops in practice; this bounds hostile data. */
export const MAX_CHAIN_HOPS = 32
const IPS_SHOWN = 5

export interface ResolvedChain {
  hops: ChainHop[]
  truncated: boolean
}

function lastPart(arn: string): string {
  const parsed = parseArn(arn)
  if (!parsed) return ''
  const slash = parsed.resourceId.lastIndexOf('/')
  return slash >= 0 ? parsed.resourceId.slice(slash + 1) : parsed.resourceId
}

function blankHop(kind: HopKind, name: string, origin: HopOrigin): ChainHop {
  return {
    kind, name, role: '', arn: '', account: '', accessKey: '', origin, issuedBy: null, service: '', instanceId: '', sourceIdentity: '',
    identityCenterUser: '', console: false, firstUse: null, lastUse: null, events: 0, sourceIps: [],
  }
}

const time = (ms: number): number | null => (Number.isNaN(ms) ? null : ms)

/** A hop for the credentials an identity describes (kind, names, account, console, source identity). */
export function hopOfIdentity(identity: IdentitySummary, accessKey: string, origin: HopOrigin): ChainHop {
  const parsed = identity.arn ? parseArn(identity.arn) : null
  const parts = parsed ? assumedRoleParts(parsed) : null
  let kind: HopKind = 'unknown'
  let name = identity.userName || lastPart(identity.arn) || identity.principalId
  let role = ''
  switch (identity.type) {
    case 'IAMUser':
      kind = 'iamUser'
      break
    case 'Root':
      kind = 'root'
      name = identity.accountId || name
      break
    case 'FederatedUser':
      kind = 'federatedUser'
      name = lastPart(identity.arn) || identity.principalId.split(':').pop() || ''
      break
    case 'SAMLUser':
      kind = 'samlUser'
      break
    case 'WebIdentityUser':
      kind = 'webIdentityUser'
      break
    case 'IdentityCenterUser':
      kind = 'identityCenterUser'
      name = identity.onBehalfOf || identity.userName || name
      break
    case 'AWSService':
      kind = 'awsService'
      name = identity.invokedBy || identity.principalId
      break
    default:
      if (identity.type === 'AssumedRole' || identity.type === 'Role' || parts) kind = 'roleSession'
      else if (!identity.type && identity.invokedBy) {
        kind = 'awsService'
        name = identity.invokedBy
      }
  }
  if (kind === 'roleSession') {
    role = identity.issuerName || (parts ? parts.role.split('/').pop()! : '')
    name = parts?.session ?? (identity.principalId.includes(':') ? identity.principalId.slice(identity.principalId.indexOf(':') + 1) : name)
  }
  const hop = blankHop(kind, name, origin)
  hop.role = role
  hop.arn = identity.arn
  hop.account = identity.accountId || parsed?.account || ''
  hop.accessKey = accessKey
  hop.sourceIdentity = identity.sourceIdentity
  hop.console = identity.console
  hop.identityCenterUser = identity.onBehalfOf
  if (kind === 'roleSession') {
    hop.instanceId = instanceIdOf(name)
    if (isIdentityCenterRole(identity.issuerArn, role) && !hop.identityCenterUser) hop.identityCenterUser = name
  }
  return hop
}

function withUse(hop: ChainHop, info: KeyInfo, store: EventStore): ChainHop {
  hop.firstUse = time(info.firstTime)
  hop.lastUse = time(info.lastTime)
  hop.events = info.events
  hop.sourceIps = [...info.ips.entries()].sort((a, b) => b[1] - a[1]).slice(0, IPS_SHOWN).map(([code]) => store.value(code)).filter(Boolean)
  return hop
}

/** Where the credentials of an unissued key came from, as far as its own userIdentity tells: a first hop to put before it, or none. */
function originWithoutIssue(hop: ChainHop, info: KeyInfo): ChainHop | null {
  const identity = info.identity
  if (identity.console) {
    hop.origin = 'console'
    return null
  }
  if (hop.kind === 'roleSession') {
    if (hop.identityCenterUser && isIdentityCenterRole(identity.issuerArn, hop.role)) {
      hop.origin = 'identityCenter'
      const user = blankHop('identityCenterUser', hop.identityCenterUser, 'identityCenter')
      user.account = hop.account
      return user
    }
    const linked = serviceLinkedService(identity.issuerArn)
    const lambda = /exec-env\/AWS_Lambda/.test(identity.userAgent)
    if (hop.instanceId || linked || lambda) {
      hop.origin = 'awsService'
      const service = hop.instanceId ? 'ec2.amazonaws.com' : linked || 'lambda.amazonaws.com'
      hop.service = service
      const by = blankHop('awsService', service, 'awsService')
      by.service = service
      by.instanceId = hop.instanceId
      by.account = hop.account
      return by
    }
  }
  hop.origin = info.key.startsWith('AKIA') || (hop.kind === 'root' && !info.key.startsWith('ASIA')) ? 'longTerm' : 'beforeRange'
  return null
}

/** The hop before an issued one when the issuing call's own key is not followed (a token, a service, a masked key). */
function callerWithoutKey(issue: IssueRecord): ChainHop {
  const caller = issue.caller
  const name = issue.eventName
  if (name === 'AssumeRoleWithSAML' || name === 'AssumeRoleWithWebIdentity') {
    const roleName = lastPart(issue.roleArn)
    const ic = name === 'AssumeRoleWithSAML' && isIdentityCenterRole('', roleName)
    const hop = blankHop(ic ? 'identityCenterUser' : name === 'AssumeRoleWithSAML' ? 'samlUser' : 'webIdentityUser', issue.subject || caller.userName || caller.principalId, 'issued')
    hop.arn = issue.provider
    hop.service = issue.provider
    if (ic) hop.identityCenterUser = hop.name
    return hop
  }
  if (name === 'GetRoleCredentials') {
    const hop = blankHop('identityCenterUser', caller.onBehalfOf || caller.userName || caller.principalId, 'identityCenter')
    hop.identityCenterUser = hop.name
    return hop
  }
  if (caller.type === 'AWSService' || (!caller.type && caller.invokedBy)) {
    const service = caller.invokedBy || caller.principalId
    const hop = blankHop('awsService', service, 'awsService')
    hop.service = service
    hop.instanceId = service === 'ec2.amazonaws.com' ? instanceIdOf(issue.sessionName) : ''
    return hop
  }
  return hopOfIdentity(caller, issue.callerKey, issue.callerKey ? 'masked' : 'noKey')
}

/** The chain of the credentials with key code `code`, origin first. */
export function resolveKey(index: IdentityIndex, code: number, cache = index.chainCache()): ResolvedChain {
  const cached = cache.get(code)
  if (cached) return cached
  const reversed: ChainHop[] = []
  const visited = new Set<number>()
  let truncated = false
  let current: KeyInfo | undefined = index.keys.get(code)
  while (current) {
    if (reversed.length >= MAX_CHAIN_HOPS || visited.has(current.code)) {
      truncated = true
      break
    }
    visited.add(current.code)
    const info: KeyInfo = current
    current = undefined
    const hop = withUse(hopOfIdentity(info.identity, info.key, 'beforeRange'), info, index.store)
    reversed.push(hop)
    if (!isLinkableKey(info.key)) {
      hop.origin = 'masked'
      break
    }
    const issue = index.issues.get(info.key)
    if (!issue) {
      const before = originWithoutIssue(hop, info)
      if (before) reversed.push(before)
      break
    }
    // A key is used only after it was issued (the same second counts: eventTime has seconds).
    if (!Number.isNaN(issue.time) && !Number.isNaN(info.firstTime) && issue.time > info.firstTime) {
      hop.origin = 'issuedAfterUse'
      break
    }
    hop.origin = 'issued'
    hop.issuedBy = { eventId: issue.eventId, eventName: issue.eventName, time: time(issue.time), sourceIp: issue.sourceIp, account: issue.account }
    if (issue.eventName === 'GetSessionToken') hop.kind = 'sessionToken'
    if (!hop.sourceIdentity) hop.sourceIdentity = issue.sourceIdentity
    const callerCode = issue.callerKey && isLinkableKey(issue.callerKey) ? index.store.codeOf(issue.callerKey) : -1
    const caller = callerCode > 0 ? index.keys.get(callerCode) : undefined
    if (caller) current = caller
    else reversed.push(callerWithoutKey(issue))
  }
  const resolved = { hops: reversed.reverse(), truncated }
  cache.set(code, resolved)
  return resolved
}

/** The chain of one event: its key's chain with the last hop re-read from the event itself, or one hop when it has no linkable key. */
export function chainOfEvent(index: IdentityIndex, id: number, cache = index.chainCache()): ResolvedChain {
  const store = index.store
  const code = store.codes('accessKey')[id]
  const own = identityOfBytes(store.bytes(id))
  const key = code > 0 ? store.value(code) : ''
  if (code > 0 && isLinkableKey(key) && index.keys.has(code)) {
    const resolved = resolveKey(index, code, cache)
    if (!own || resolved.hops.length === 0) return resolved
    const last = resolved.hops[resolved.hops.length - 1]
    const mine = hopOfIdentity(own, key, last.origin)
    // The key's facts (issuer, use, origin) stay; the names are this event's own (they agree unless the log was edited).
    const hop: ChainHop = { ...last, kind: last.kind === 'sessionToken' ? last.kind : mine.kind, name: mine.name || last.name, arn: mine.arn || last.arn, sourceIdentity: mine.sourceIdentity || last.sourceIdentity }
    return { hops: [...resolved.hops.slice(0, -1), hop], truncated: resolved.truncated }
  }
  if (!own) return { hops: [], truncated: false }
  const hop = hopOfIdentity(own, key, key ? 'masked' : 'noKey')
  if (hop.kind === 'awsService') hop.service = hop.name
  return { hops: [hop], truncated: false }
}
