// One identity request answered over a store: a chain, a dossier (cut for the renderer), or the
// graph of a view's events. The identity worker runs it over its mirror; the host runs it in its
// own thread only when no built worker exists (a run from sources).

import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { chainOfEvent } from './chain-resolve'
import { credentialGraph } from './credential-graph'
import { cutDossier } from './dossier'
import { dossierOfPrincipal } from './dossier-cache'
import { identityIndexOf } from './identity-index'

export type IdentityRequest =
  | { kind: 'chain'; id: number }
  | { kind: 'dossier'; principal: PrincipalRef }
  | { kind: 'graph'; ids: Uint32Array; maxNodes: number }

export interface IdentityAnswers {
  chain: CredentialChain
  dossier: Dossier
  graph: CredentialGraph
}

export function answerIdentity(store: EventStore, request: IdentityRequest): IdentityAnswers[IdentityRequest['kind']] {
  const index = identityIndexOf(store)
  switch (request.kind) {
    case 'chain': {
      const { hops, truncated } = chainOfEvent(index, request.id)
      return { eventId: request.id, hops, truncated }
    }
    case 'dossier':
      return cutDossier(dossierOfPrincipal(store, index, request.principal))
    case 'graph':
      return credentialGraph(store, index, request.ids, request.maxNodes)
  }
}
