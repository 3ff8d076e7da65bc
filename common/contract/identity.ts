// Identity: who is behind an event (its credential chain), what a principal did, and the graph of
// principals, roles and keys of a view (part of the contract, see common/ipc-contract.ts; the
// answers' types are in common/identity.ts).

import * as v from 'valibot'
import type { CredentialChain, CredentialGraph, Dossier, PrincipalKind } from '../identity'
import { answer, arg, call, wholeNumber } from './define-call'
import { ViewIdSchema } from './views'

export const IDENTITY_LIMITS = {
  /** ARNs are at most 2,048 characters; a principal id longer than that names nothing. */
  principalLength: 2_048,
  /** Graph nodes drawn at most: the view stays usable at this size (measured, see the graph component). */
  graphNodes: 20_000,
} as const

const PRINCIPAL_KINDS = ['iamUser', 'role', 'roleSession', 'identityCenterUser', 'accessKey', 'sourceIp', 'name'] as const satisfies readonly PrincipalKind[]
type Assert<T extends true> = T
/** Fails to compile when common/identity.ts adds a PrincipalKind that the list above lacks. */
export type EveryPrincipalKind = Assert<[Exclude<PrincipalKind, (typeof PRINCIPAL_KINDS)[number]>] extends [never] ? true : false>

export const PrincipalRefSchema = v.object({
  kind: v.picklist(PRINCIPAL_KINDS),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(IDENTITY_LIMITS.principalLength)),
})

export const IDENTITY_CALLS = {
  /** Who is behind an event: its credential chain from the origin to the call (common/identity.ts). */
  credentialChain: call({ args: [arg('id', wholeNumber())], returns: answer<CredentialChain>(), scope: 'session', by: 'service' }),
  /** What a principal did over the loaded set. */
  principalDossier: call({ args: [arg('principal', PrincipalRefSchema)], returns: answer<Dossier>(), scope: 'session', by: 'service' }),
  /** Principals, roles, keys and accounts of a view's events, and the issuance links between them (at most maxNodes nodes). */
  credentialGraph: call({
    args: [arg('request', v.object({ viewId: ViewIdSchema, maxNodes: v.pipe(wholeNumber(IDENTITY_LIMITS.graphNodes), v.minValue(1)) }))],
    returns: answer<CredentialGraph>(),
    scope: 'session',
    by: 'service',
  }),
}
