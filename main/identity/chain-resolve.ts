// Resolves credential chains by following keys back through the link table: the key that
// signed an event was issued by an event (AssumeRole...), which was signed by another key, and
// so on to a key no loaded event issued. Time is respected (an issuing event later than the
// key's first use does not link) and loops are impossible (a key is visited once per chain,
// and MAX_CHAIN_HOPS bounds the walk whatever the data says). Where the loaded data ends, the
// hop says why (HopOrigin), never a guess.

import { assumedRoleParts, parseArn as parseArnText, type Arn } from '../../common/decode/arn'
import type { ChainHop, HopKind, HopOrigin } from '../../common/identity'
import {
  identityOfBytes, instanceIdOf, isIdentityCenterRole, isLinkableKey, serviceLinkedService, type IdentitySummary, type IssueRecord,
} from './credential-events'
import type { IdentityIndex } from './identity-index'

/** Longest chain followed: role chaining is limited to a few hops in practice; this bounds hostile data. */
export const MAX_CHAIN_HOPS = 32
const IPS_SHOWN = 5

export interface ResolvedChain {
  hops: ChainHop[]
  truncated: boolean
}

/**
 * ARNs parsed once: the chain table resolves every issued key's chain, and the same callers'
 * and roles' ARNs recur in thousands of them. The parts are only read. Bounded: forgotten
 * whole past ARN_CACHE_SIZE distinct ARNs (hostile logs can name as many as they like).
 */
const ARN_CACHE_SIZE = 100_000
const arnCache = new Map<string, Arn | null>()

function parseArn(text: string): Arn | null {
  let parsed = arnCache.get(text)
  if (parsed === undefined) {
    if (arnCache.size >= ARN_CACHE_SIZE) arnCache.clear()
    arnCache.set(text, (parsed = parseArnText(text)))
  }
  return parsed
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

/** Where the credentials of an unissued key came from, as far as its own userIdentity tells: a first hop to put before it, or none. */
function originWithoutIssue(hop: ChainHop, identity: IdentitySummary, key: string): ChainHop | null {
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
  hop.origin = key.startsWith('AKIA') || (hop.kind === 'root' && !key.startsWith('ASIA')) ? 'longTerm' : 'beforeRange'
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

/**
 * Each issuing event's hop, made once: a chain goes through the hops of all the issues before
 * it, so the chain table (every issued key's chain) made each one again for every chain through
 * it, and parsing their ARNs was a third of the table's time on the realistic 1M corpus (15,313
 * chains). Issue records do not change; each caller gets its own copy of the hop.
 */
const issueHops = new WeakMap<IssueRecord, ChainHop>()

function madeHopOfIssue(issue: IssueRecord): ChainHop {
  let made = issueHops.get(issue)
  if (!made) issueHops.set(issue, (made = makeHopOfIssue(issue)))
  return made
}

function hopOfIssue(issue: IssueRecord): ChainHop {
  const made = madeHopOfIssue(issue)
  return { ...made, sourceIps: [], issuedBy: made.issuedBy && { ...made.issuedBy } }
}

/**
 * Makes the hops of issues as they are read (identity-index.ts), while the load runs on the
 * other threads: the chain table a query waits for once the load ends then only puts them
 * together (its first build after a load made them all, a third of its time).
 */
export function prepareIssueHops(issues: readonly IssueRecord[]): void {
  for (const issue of issues) madeHopOfIssue(issue)
}

/** The hop of the credentials an issuing event issued, from its request and response alone. */
function makeHopOfIssue(issue: IssueRecord): ChainHop {
  const caller = issue.caller
  let hop: ChainHop
  if (issue.eventName === 'GetSessionToken') {
    // The same user (or root) with temporary keys.
    hop = hopOfIdentity(caller, issue.issuedKey, 'issued')
    hop.kind = 'sessionToken'
  } else if (issue.eventName === 'GetFederationToken') {
    hop = blankHop('federatedUser', issue.subject, 'issued')
    hop.arn = issue.assumedArn
    hop.account = parseArn(issue.assumedArn)?.account || caller.accountId
  } else {
    hop = blankHop('roleSession', issue.sessionName, 'issued')
    hop.role = lastPart(issue.roleArn)
    hop.arn = issue.assumedArn
    hop.account = parseArn(issue.roleArn)?.account || parseArn(issue.assumedArn)?.account || issue.account
    hop.instanceId = caller.invokedBy === 'ec2.amazonaws.com' ? instanceIdOf(issue.sessionName) : ''
    if (isIdentityCenterRole(issue.roleArn, hop.role)) hop.identityCenterUser = issue.sessionName
    if (caller.type === 'AWSService' || (!caller.type && caller.invokedBy)) hop.service = caller.invokedBy
  }
  hop.accessKey = issue.issuedKey
  hop.origin = 'issued'
  hop.sourceIdentity = issue.sourceIdentity || hop.sourceIdentity
  hop.issuedBy = { eventId: issue.eventId, eventName: issue.eventName, time: time(issue.time), sourceIp: issue.sourceIp, account: issue.account }
  return hop
}

/** Whether a key's issuing event may have issued it: a key is used only after it was issued (the same second counts: eventTime has seconds). */
function issuedInTime(index: IdentityIndex, issue: IssueRecord, key: string): boolean {
  const firstUse = index.issuedFirstUse().get(index.store.codeOf(key))
  return firstUse === undefined || Number.isNaN(firstUse) || Number.isNaN(issue.time) || issue.time <= firstUse
}

/**
 * The chain of the credentials `key`, origin first. `identity` is the userIdentity of an event
 * signed by the key (it names the last hop when no loaded event issued the key).
 */
export function resolveKey(index: IdentityIndex, key: string, identity: IdentitySummary): ResolvedChain {
  const cache = index.chainCache()
  const cached = cache.get(key)
  if (cached) return cached
  const reversed: ChainHop[] = []
  const visited = new Set<string>()
  let truncated = false
  let k = key
  let who = identity
  for (;;) {
    if (reversed.length >= MAX_CHAIN_HOPS || visited.has(k)) {
      truncated = true
      break
    }
    visited.add(k)
    if (!isLinkableKey(k)) {
      reversed.push(hopOfIdentity(who, k, 'masked'))
      break
    }
    const issue = index.issues.get(k)
    if (!issue || !issuedInTime(index, issue, k)) {
      const hop = hopOfIdentity(who, k, issue ? 'issuedAfterUse' : 'beforeRange')
      reversed.push(hop)
      const before = issue ? null : originWithoutIssue(hop, who, k)
      if (before) reversed.push(before)
      break
    }
    reversed.push(hopOfIssue(issue))
    if (issue.callerKey && isLinkableKey(issue.callerKey)) {
      k = issue.callerKey
      who = issue.caller
      continue
    }
    reversed.push(callerWithoutKey(issue))
    break
  }
  const resolved = { hops: reversed.reverse(), truncated }
  // Only chains that went through the link table are worth keeping (and only they are the same for every event of the key).
  if (index.issues.has(key)) cache.set(key, resolved)
  return resolved
}

/** Adds each hop's use of its key in the loaded set (events, first and last use, source IPs). */
function withUse(index: IdentityIndex, hops: ChainHop[]): ChainHop[] {
  const store = index.store
  const codes = hops.map((hop) => (hop.accessKey ? store.codeOf(hop.accessKey) : -1))
  const stats = index.keyStats(codes.filter((code) => code > 0))
  return hops.map((hop, i) => {
    const s = stats.get(codes[i])
    if (!s || hop.origin === 'masked') return hop
    const ips = [...s.ips.entries()].sort((a, b) => b[1] - a[1]).slice(0, IPS_SHOWN).map(([code]) => store.value(code)).filter(Boolean)
    return { ...hop, firstUse: time(s.firstTime), lastUse: time(s.lastTime), events: s.events, sourceIps: ips }
  })
}

/** The chain of one event, with each hop's use of its key. */
export function chainOfEvent(index: IdentityIndex, id: number): ResolvedChain {
  const store = index.store
  const code = store.codes('accessKey')[id]
  const own = identityOfBytes(store.bytes(id))
  if (!own) return { hops: [], truncated: false }
  const key = code > 0 ? store.value(code) : ''
  if (!key) {
    const hop = hopOfIdentity(own, '', 'noKey')
    if (hop.kind === 'awsService') hop.service = hop.name
    return { hops: [hop], truncated: false }
  }
  const resolved = resolveKey(index, key, own)
  const hops = resolved.hops.slice()
  const last = hops[hops.length - 1]
  if (last && last.accessKey === key && last.origin === 'issued') {
    // The issuing response named the session; the event's own userIdentity says the same unless the log was edited.
    const mine = hopOfIdentity(own, key, 'issued')
    hops[hops.length - 1] = { ...last, name: last.name || mine.name, arn: last.arn || mine.arn, sourceIdentity: mine.sourceIdentity || last.sourceIdentity, console: mine.console }
  }
  return { hops: withUse(index, hops), truncated: resolved.truncated }
}
