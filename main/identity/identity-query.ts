// The query fields `origin:` (the chain's first principal), `chain:` (any principal or key
// anywhere in the chain) and `session:` (the access key of any hop), evaluated per event from
// the store's access key column and the link table: an event whose key some loaded event
// issued is decided by its key's resolved chain (once per key); any other event's chain starts
// at its own principal, so its user, principalId and key columns decide (once per distinct
// value). Nothing is parsed per event.

import type { SpecialField } from '../../common/query/ast'
import type { ChainHop } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import type { ValueTest } from '../query/value-match'
import { filterIds } from '../query/id-lists'
import { identityOf, identityOfBytes } from './credential-events'
import { identityIndexOf } from './identity-index'
import { resolveKey } from './chain-resolve'

export type IdentityField = 'origin' | 'chain' | 'session'

/** Relative cost per candidate: a column lookup and a small table. Below the leaf cache's threshold on purpose: a chain can change as issuing events arrive. */
const IDENTITY_COST = 3

const NO_IDENTITY = identityOf({}, '')

export function isIdentityField(special: SpecialField | undefined): special is IdentityField {
  return special === 'origin' || special === 'chain' || special === 'session'
}

function hopStrings(hop: ChainHop, field: IdentityField): string[] {
  if (field === 'session') return [hop.accessKey]
  const names = [hop.name, hop.arn, hop.identityCenterUser]
  if (field === 'origin') return hop.kind === 'roleSession' ? [...names, hop.role] : names
  return [...names, hop.role, hop.accessKey, hop.sourceIdentity, hop.instanceId, hop.service]
}

/**
 * The events among `candidates` whose chain passes `test` in `field`. `arnLike`: the value may
 * be an ARN (it has ':' or '/'), which no column holds: then an unissued key's own principal
 * is read from the userIdentity of one of its events (once per key), and a keyless event's
 * from its own.
 */
export function filterByChain(store: EventStore, candidates: Uint32Array, field: IdentityField, test: ValueTest, arnLike = false): Uint32Array {
  const index = identityIndexOf(store)
  // Keys some loaded event issued, decided on their resolved chain.
  const byChain = new Map<number, boolean>()
  for (const key of index.issues.keys()) {
    const code = store.codeOf(key)
    if (code <= 0) continue
    const { hops } = resolveKey(index, key, NO_IDENTITY)
    if (hops.length === 0 || hops[hops.length - 1].origin !== 'issued') continue
    const chosen = field === 'origin' ? hops.slice(0, 1) : hops
    byChain.set(code, chosen.some((hop) => hopStrings(hop, field).some((value) => value !== '' && test(value))))
  }
  const keys = store.codes('accessKey')
  const users = store.codes('user')
  const principals = store.codes('principalId')
  // Per dictionary code: 0 not yet tested, 1 passes, 2 does not.
  const verdicts = new Uint8Array(store.dictionarySize)
  const byKey = new Map<number, boolean>()
  const passes = (code: number): boolean => {
    if (code === 0) return false
    if (verdicts[code] === 0) verdicts[code] = test(store.value(code)) ? 1 : 2
    return verdicts[code] === 1
  }
  return filterIds(candidates, (id) => {
    const key = keys[id]
    const decided = key === 0 ? undefined : byChain.get(key)
    if (decided !== undefined) return decided
    if (field === 'session') return passes(key)
    if (passes(users[id]) || passes(principals[id]) || (field === 'chain' && passes(key))) return true
    if (!arnLike) return false
    let verdict = key === 0 ? undefined : byKey.get(key)
    if (verdict === undefined) {
      const identity = identityOfBytes(store.bytes(id))
      verdict = identity !== null && [identity.arn, identity.issuerArn].some((value) => value !== '' && test(value))
      if (key !== 0) byKey.set(key, verdict)
    }
    return verdict
  })
}

export function identityStep(store: EventStore, field: IdentityField, test: ValueTest, value = ''): { cost: number; run(candidates: Uint32Array): Uint32Array } {
  const arnLike = /[:/]/.test(value)
  return { cost: IDENTITY_COST, run: (candidates) => filterByChain(store, candidates, field, test, arnLike) }
}
