// The per-event integrity column the `integrity:` query field reads: one status code per event
// id (the status of the file the event came from), computed by whoever validates the store's
// files (services/integrity-service.ts) and looked up here by store, so main/query needs no
// knowledge of digests. The provider keys its column on the store's generation and size.

import type { EventStore } from '../store/event-store'

/** Statuses an event can have, by code. not-covered: no loaded digest vouches for its file. */
export const EVENT_INTEGRITY = ['not-covered', 'valid', 'modified', 'not-in-digest'] as const
export type EventIntegrity = (typeof EVENT_INTEGRITY)[number]

export interface IntegrityColumnProvider {
  /** Codes into EVENT_INTEGRITY for events [0, store.size). */
  column(): Uint8Array
}

const providers = new WeakMap<EventStore, IntegrityColumnProvider>()

export function setIntegrityProvider(store: EventStore, provider: IntegrityColumnProvider): void {
  providers.set(store, provider)
}

/** The store's column; all not-covered when nothing validates this store (the CLI's plain runs). */
export function integrityColumn(store: EventStore): Uint8Array {
  return providers.get(store)?.column() ?? new Uint8Array(store.size)
}
