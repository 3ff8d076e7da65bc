// The query fields `origin:` (the chain's first principal), `chain:` (any principal or key
// anywhere in the chain) and `session:` (the access key of any hop), evaluated per event from
// the store's access key column and the chain table (chain-table.ts, built by the identity
// worker): an event whose key some loaded event issued is decided by its key's resolved chain
// (each distinct string of the table tested once); any other event's chain starts
// at its own principal, so its user, principalId and key columns decide (once per distinct
// value). Nothing is parsed per event.

import type { SpecialField } from '../../common/query/ast'
import { specialFieldsOf } from '../../common/query'
import type { EventStore } from '../store/event-store'
import type { ValueTest } from '../query/value-match'
import { filterIds } from '../query/id-lists'
import { identityOfBytes } from './credential-events'
import { chainTableOf, keyVerdicts, type IdentityField } from './chain-table'

export type { IdentityField } from './chain-table'

/** Relative cost per candidate: a column lookup and a small table. Below the leaf cache's threshold on purpose: a chain can change as issuing events arrive. */
const IDENTITY_COST = 3

export function isIdentityField(special: SpecialField | undefined): special is IdentityField {
  return special === 'origin' || special === 'chain' || special === 'session'
}

/** Whether a query names `origin:`, `chain:` or `session:` (its view must wait for the chain table to catch up). */
export function namesIdentityField(query: string): boolean {
  const named = specialFieldsOf(query)
  return named.has('origin') || named.has('chain') || named.has('session')
}

/**
 * The events among `candidates` whose chain passes `test` in `field`. `arnLike`: the value may
 * be an ARN (it has ':' or '/'), which no column holds: then an unissued key's own principal
 * is read from the userIdentity of one of its events (once per key), and a keyless event's
 * from its own.
 */
export function filterByChain(store: EventStore, candidates: Uint32Array, field: IdentityField, test: ValueTest, arnLike = false): Uint32Array {
  // Keys some loaded event issued, decided on their resolved chain (chain-table.ts).
  const byChain = keyVerdicts(chainTableOf(store), field, test, store.dictionarySize)
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
    const decided = byChain[key]
    if (decided !== 0) return decided === 1
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
