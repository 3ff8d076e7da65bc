// Which loaded events a principal made: an access key, a source IP, an IAM user, a role, a role
// session, an Identity Center user, or a bare name. Column tests where a column says it (keys,
// addresses, user names, sessions); where only the userIdentity says it (a role's name), a
// byte prefilter on the role's ARN and a partial parse of the events it leaves, read in disk
// order (events-in-disk-order.ts).

import { assumedRoleParts, parseArn } from '../../common/decode/arn'
import { classifySourceIp } from '../../common/decode/ip'
import type { PrincipalKind, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { filterBytes, literalNeedle } from '../query/byte-search'
import { allIds, filterIds } from '../query/id-lists'
import { identityOfBytes, isIdentityCenterRole } from './credential-events'
import { filterEventBytes } from './events-in-disk-order'

const KINDS: readonly PrincipalKind[] = ['iamUser', 'role', 'roleSession', 'identityCenterUser', 'accessKey', 'sourceIp', 'name']

/**
 * A principal as typed (CLI, query): `kind:value` with one of KINDS, an access key, an
 * address, an IAM user / role / assumed-role ARN, else a name (user, session or Identity
 * Center user).
 */
export function parsePrincipal(text: string): PrincipalRef {
  const colon = text.indexOf(':')
  if (colon > 0 && !text.startsWith('arn:')) {
    const kind = KINDS.find((k) => k.toLowerCase() === text.slice(0, colon).toLowerCase())
    if (kind) return { kind, id: text.slice(colon + 1) }
  }
  if (/^A(KIA|SIA)[A-Z0-9]{12,124}$/.test(text)) return { kind: 'accessKey', id: text }
  const ip = classifySourceIp(text)
  if (ip.kind === 'ipv4' || ip.kind === 'ipv6') return { kind: 'sourceIp', id: text }
  const arn = parseArn(text)
  if (arn?.service === 'iam' && arn.resourceType === 'user') return { kind: 'iamUser', id: text }
  if (arn?.service === 'iam' && arn.resourceType === 'role') return { kind: 'role', id: text }
  if (arn && assumedRoleParts(arn)) return { kind: 'roleSession', id: text }
  return { kind: 'name', id: text }
}

const lastSegment = (text: string): string => text.slice(text.lastIndexOf('/') + 1)

/** Ids (ascending) whose column `column` holds exactly `value`, among `candidates`. */
function withValue(store: EventStore, candidates: Uint32Array, column: Parameters<EventStore['codes']>[0], value: string): Uint32Array {
  const code = store.codeOf(value)
  if (code <= 0) return new Uint32Array(0)
  const codes = store.codes(column)
  return filterIds(candidates, (id) => codes[id] === code)
}

/** Role sessions of role `name` (and account, when given), found by ARN bytes then checked on the parsed userIdentity. */
function roleEvents(store: EventStore, name: string, account: string): Uint32Array {
  const types = store.codes('identityType')
  const assumed = store.codeOf('AssumedRole')
  const candidates = filterIds(allIds(store.size), (id) => types[id] === assumed)
  const hits = filterBytes(store, candidates, literalNeedle(`:assumed-role/${name}/`))
  return filterEventBytes(store, hits, (bytes, start, end) => {
    const identity = identityOfBytes(bytes.subarray(start, end))
    if (!identity) return false
    const arn = parseArn(identity.arn)
    const parts = arn ? assumedRoleParts(arn) : null
    return parts !== null && lastSegment(parts.role) === name && (!account || arn?.account === account)
  })
}

/** Ids of the events the principal made, ascending. */
export function principalEvents(store: EventStore, principal: PrincipalRef): Uint32Array {
  const all = allIds(store.size)
  const id = principal.id
  switch (principal.kind) {
    case 'accessKey':
      return withValue(store, all, 'accessKey', id)
    case 'sourceIp':
      return withValue(store, all, 'sourceIp', id)
    case 'iamUser': {
      const arn = parseArn(id)
      const name = arn ? lastSegment(arn.resourceId) : id
      const types = store.codes('identityType')
      const iamUser = store.codeOf('IAMUser')
      const users = filterIds(withValue(store, all, 'user', name), (e) => types[e] === iamUser)
      return arn ? filterEventBytes(store, users, (bytes, start, end) => identityOfBytes(bytes.subarray(start, end))?.arn === id) : users
    }
    case 'role': {
      const arn = parseArn(id)
      return roleEvents(store, arn ? lastSegment(arn.resourceId) : id, arn?.account ?? '')
    }
    case 'roleSession': {
      const arn = parseArn(id)
      const parts = arn ? assumedRoleParts(arn) : null
      if (!arn || !parts) return new Uint32Array(0)
      const sessions = withValue(store, roleEvents(store, lastSegment(parts.role), arn.account), 'user', parts.session)
      return sessions
    }
    case 'identityCenterUser':
      // Its AWSReservedSSO role sessions (named after the user) and the calls made on its behalf.
      return filterEventBytes(store, withValue(store, all, 'user', id), (bytes, start, end) => {
        const identity = identityOfBytes(bytes.subarray(start, end))
        return identity !== null && (identity.onBehalfOf === id || (identity.type === 'IdentityCenterUser' && identity.userName === id) ||
          (isIdentityCenterRole(identity.issuerArn, identity.issuerName) && identity.arn.endsWith(`/${id}`)))
      })
    case 'name':
      return withValue(store, all, 'user', id)
  }
}

/** How a principal reads in a dossier's title. */
export function principalLabel(principal: PrincipalRef): string {
  const arn = parseArn(principal.id)
  if (!arn) return principal.id
  const parts = assumedRoleParts(arn)
  return parts ? `${lastSegment(parts.role)}/${parts.session}` : lastSegment(arn.resourceId)
}
