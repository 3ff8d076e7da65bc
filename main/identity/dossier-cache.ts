// Dossiers kept per principal while the loaded set does not change: a responder goes back and
// forth between the dossiers of a chain's hops, and each is a pass over the principal's events
// (and a read of their user agents). Kept against the store's version (a load or a clear
// changes it), a few at a time.

import type { Dossier, PrincipalRef } from '../../common/identity'
import type { EventStore } from '../store/event-store'
import { dossierOf } from './dossier'
import type { IdentityIndex } from './identity-index'

/** Dossiers kept: the hops of a long chain and a few more. */
export const KEPT_DOSSIERS = 32

const caches = new WeakMap<EventStore, { version: number; dossiers: Map<string, Dossier> }>()

/** The principal's dossier, computed once per version of the store. */
export function dossierOfPrincipal(store: EventStore, index: IdentityIndex, principal: PrincipalRef): Dossier {
  let cache = caches.get(store)
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, dossiers: new Map() }
    caches.set(store, cache)
  }
  const key = `${principal.kind}\u0000${principal.id}`
  let dossier = cache.dossiers.get(key)
  if (dossier) {
    // Most recently used last: the first entry is the one to forget.
    cache.dossiers.delete(key)
  } else {
    dossier = dossierOf(store, index, principal)
    if (cache.dossiers.size >= KEPT_DOSSIERS) cache.dossiers.delete(cache.dossiers.keys().next().value as string)
  }
  cache.dossiers.set(key, dossier)
  return dossier
}
