// The identity calls (credentialChain, principalDossier, credentialGraph) over one service's
// store, answered by the identity worker (identity-host.ts): the link table follows the load
// there, so by the time a load ends the table is built, and a chain, a dossier or a graph over a
// million events never holds up this thread's other calls (getRows, getEvent, views).

import type { CredentialChain, CredentialGraph, Dossier, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { IdentityHost } from './identity-host'
import { checkEventId } from './service-errors'

/** Rows per dossier list sent to the renderer (dossier.ts says why). */
export { DOSSIER_ROWS } from '../identity/dossier'

export class IdentityService {
  private readonly host: IdentityHost

  constructor(
    private readonly store: EventStore,
    private readonly viewIds: (viewId: number) => Uint32Array,
    workerPath?: string,
  ) {
    this.host = new IdentityHost(store, workerPath)
  }

  /** Reads what arrived since the last call into the link table (called as events arrive). */
  follow(): void {
    this.host.follow()
  }

  /** Resolves when `origin:`, `chain:` and `session:` see every event loaded so far. */
  caughtUp(): Promise<void> {
    return this.host.caughtUp()
  }

  chain(id: number): Promise<CredentialChain> {
    checkEventId(id, this.store.size)
    return this.host.request({ kind: 'chain', id })
  }

  dossier(principal: PrincipalRef): Promise<Dossier> {
    return this.host.request({ kind: 'dossier', principal })
  }

  graph(request: { viewId: number; maxNodes: number }): Promise<CredentialGraph> {
    // A copy: its buffer moves to the worker, the view keeps its own.
    const ids = this.viewIds(request.viewId).slice()
    return this.host.request({ kind: 'graph', ids, maxNodes: request.maxNodes })
  }

  close(): Promise<void> {
    return this.host.close()
  }
}
