// The credential graph of a view: principals (IAM users, roles, services), their keys and
// sessions, and accounts as nodes; "uses", "in account" and issuance (AssumeRole...) as edges;
// each node sized by the view's events. Keys are taken most active first until the node budget
// is spent, and what is left out is counted, never silently dropped.

import { assumedRoleParts, parseArn } from '../../common/decode/arn'
import type { CredentialGraph, GraphEdge, GraphNode, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { identityOfBytes, isLinkableKey, type IdentitySummary } from './credential-events'
import type { IdentityIndex } from './identity-index'

interface Principal {
  id: string
  node: Omit<GraphNode, 'events'>
}

const lastSegment = (text: string): string => text.slice(text.lastIndexOf('/') + 1)

function principalOf(identity: IdentitySummary, fallback: string): Principal {
  const arn = parseArn(identity.arn)
  const parts = arn ? assumedRoleParts(arn) : null
  if (identity.type === 'AssumedRole' || parts) {
    const role = identity.issuerName || (parts ? lastSegment(parts.role) : fallback)
    const roleArn = identity.issuerArn || (arn && parts ? `arn:${arn.partition}:iam::${arn.account}:role/${parts.role}` : '')
    const id = `role:${roleArn || role}`
    return { id, node: { id, kind: 'role', label: role, principal: roleArn ? { kind: 'role', id: roleArn } : { kind: 'name', id: role } } }
  }
  if (identity.type === 'IAMUser' || identity.type === 'Root') {
    const name = identity.type === 'Root' ? `root ${identity.accountId}` : identity.userName || lastSegment(identity.arn)
    const id = `user:${identity.arn || name}`
    return { id, node: { id, kind: 'user', label: name, principal: identity.type === 'Root' ? null : { kind: 'iamUser', id: identity.arn || name } } }
  }
  if (identity.type === 'FederatedUser' || identity.type === 'SAMLUser' || identity.type === 'WebIdentityUser') {
    const name = identity.userName || lastSegment(identity.arn) || identity.principalId
    const id = `federated:${identity.arn || name}`
    return { id, node: { id, kind: 'federated', label: name, principal: { kind: 'name', id: name } } }
  }
  const name = identity.invokedBy || identity.userName || lastSegment(identity.arn) || identity.principalId || fallback
  const service = identity.type === 'AWSService' || (!identity.type && identity.invokedBy !== '')
  const id = `${service ? 'service' : 'principal'}:${name}`
  return { id, node: { id, kind: service ? 'service' : 'user', label: name, principal: name ? { kind: 'name', id: name } : null } }
}

export function credentialGraph(store: EventStore, index: IdentityIndex, ids: Uint32Array, maxNodes: number): CredentialGraph {
  const keys = store.codes('accessKey')
  const users = store.codes('user')
  const accounts = store.codes('account')
  // Per key (code): events and one event to read its userIdentity from; keyless events by user.
  const byKey = new Map<number, { events: number; sample: number; accounts: Map<number, number> }>()
  const keyless = new Map<number, { events: number; sample: number; accounts: Map<number, number> }>()
  for (const id of ids) {
    const key = keys[id]
    const group = key !== 0 && isLinkableKey(store.value(key)) ? byKey : keyless
    const code = group === byKey ? key : users[id]
    let entry = group.get(code)
    if (!entry) group.set(code, (entry = { events: 0, sample: id, accounts: new Map() }))
    entry.events++
    entry.accounts.set(accounts[id], (entry.accounts.get(accounts[id]) ?? 0) + 1)
  }

  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  let omitted = 0
  const addNode = (node: Omit<GraphNode, 'events'>, events: number): boolean => {
    const known = nodes.get(node.id)
    if (known) {
      known.events += events
      return true
    }
    if (nodes.size >= maxNodes) return false
    nodes.set(node.id, { ...node, events })
    return true
  }
  const addEdge = (source: string, target: string, kind: GraphEdge['kind'], count: number): void => {
    if (!nodes.has(source) || !nodes.has(target)) return
    const id = `${kind}\u0000${source}\u0000${target}`
    const known = edges.get(id)
    if (known) known.count += count
    else edges.set(id, { source, target, kind, count })
  }
  const addAccounts = (from: string, counts: Map<number, number>): void => {
    for (const [code, count] of counts) {
      const account = store.value(code)
      if (!account) continue
      const id = `account:${account}`
      if (addNode({ id, kind: 'account', label: account, principal: null }, count)) addEdge(from, id, 'inAccount', count)
    }
  }
  const keyNodeOf = (key: string, identity: IdentitySummary | null): Omit<GraphNode, 'events'> => {
    const session = identity && identity.type === 'AssumedRole' ? lastSegment(identity.arn) : ''
    const principal: PrincipalRef = { kind: 'accessKey', id: key }
    return { id: `key:${key}`, kind: session ? 'session' : 'key', label: session ? `${session} (${key})` : key, principal }
  }

  // Most active first, so a budget keeps what matters.
  const sortedKeys = [...byKey.entries()].sort((a, b) => b[1].events - a[1].events)
  for (const [code, entry] of sortedKeys) {
    const key = store.value(code)
    const identity = identityOfBytes(store.bytes(entry.sample))
    const principal = principalOf(identity ?? identityOfBytes(new Uint8Array([0x7b, 0x7d]))!, key)
    const keyNode = keyNodeOf(key, identity)
    if (!addNode(principal.node, entry.events) || !addNode(keyNode, entry.events)) {
      omitted++
      continue
    }
    addEdge(principal.id, keyNode.id, 'uses', entry.events)
    addAccounts(principal.id, entry.accounts)
  }
  for (const [code, entry] of [...keyless.entries()].sort((a, b) => b[1].events - a[1].events)) {
    const identity = identityOfBytes(store.bytes(entry.sample))
    const principal = principalOf(identity ?? identityOfBytes(new Uint8Array([0x7b, 0x7d]))!, store.value(code))
    if (!addNode(principal.node, entry.events)) {
      omitted++
      continue
    }
    addAccounts(principal.id, entry.accounts)
  }
  // Issuance: the caller's key -> the key it was issued (both drawn already, or not at all).
  for (const issue of index.issues.values()) {
    if (!issue.callerKey) continue
    addEdge(`key:${issue.callerKey}`, `key:${issue.issuedKey}`, issue.eventName.startsWith('AssumeRole') ? 'assumed' : 'issued', 1)
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], omittedNodes: omitted }
}
