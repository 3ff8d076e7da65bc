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
import { checkEventId } from './service-errors'

/**
 * Rows per dossier list sent to the renderer (most frequent first; the panel shows fewer): a
 * principal with a million distinct user agents must not become a message of that size. The CLI
 * prints every row.
 */
export const DOSSIER_ROWS = 1_000

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
    checkEventId(id, this.store.size)
    const { hops, truncated } = chainOfEvent(identityIndexOf(this.store), id)
    return { eventId: id, hops, truncated }
  }

  dossier(principal: PrincipalRef): Dossier {
    const d = dossierOf(this.store, identityIndexOf(this.store), principal)
    const cut = <T>(rows: T[]): T[] => rows.slice(0, DOSSIER_ROWS)
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

  graph(request: { viewId: number; maxNodes: number }): CredentialGraph {
    return credentialGraph(this.store, identityIndexOf(this.store), this.viewIds(request.viewId), request.maxNodes)
  }
}
