// The identity calls (credentialChain, principalDossier, credentialGraph) over one service's
// store. The link table follows the load: each eventsChanged push reads only the events added
// since the previous one (identity-index.ts), so by the time a load ends the table is built and
// a chain costs one typed-array pass over the access key column.

import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { chainOfEvent } from '../identity/chain-resolve'
import { credentialGraph } from '../identity/credential-graph'
import { dossierOf } from '../identity/dossier'
import { identityIndexOf } from '../identity/identity-index'

export class IdentityService {
  constructor(
    private readonly store: EventStore,
    private readonly viewIds: (viewId: number) => Uint32Array,
  ) {}

  /** Reads what arrived since the last call into the link table (called as events arrive). */
  follow(): void {
    identityIndexOf(this.store)
  }

  chain(id: number): CredentialChain {
    if (!Number.isInteger(id) || id < 0 || id >= this.store.size) throw new Error(`No event ${id} is loaded.`)
    const { hops, truncated } = chainOfEvent(identityIndexOf(this.store), id)
    return { eventId: id, hops, truncated }
  }

  dossier(principal: PrincipalRef): Dossier {
    return dossierOf(this.store, identityIndexOf(this.store), principal)
  }

  graph(request: { viewId: number; maxNodes: number }): CredentialGraph {
    return credentialGraph(this.store, identityIndexOf(this.store), this.viewIds(request.viewId), request.maxNodes)
  }
}
