// What the `detection:` and `level:` query fields read: the per-event level column (0 none, else
// 1 + the level's rank) and the rules with their events, kept by whoever runs detection over the
// store (services/detections-host.ts) and looked up here by store, so main/query needs no
// knowledge of the engine.

import type { EventStore } from '../store/event-store'

export interface DetectionColumnProvider {
  /** Per event id: 0 no rule matched, else 1 + the highest level rank (1 informational .. 5 critical). */
  levels(): Uint8Array
  /** The rules with at least one hit. */
  rules(): readonly { ruleId: string; title: string }[]
  /** A rule's events, ascending ids. */
  eventIdsOfRule(ruleId: string): number[]
}

const providers = new WeakMap<EventStore, DetectionColumnProvider>()

export function setDetectionProvider(store: EventStore, provider: DetectionColumnProvider): void {
  providers.set(store, provider)
}

/** The store's provider, or null when nothing detects over it (the CLI's plain runs): no event matched. */
export function detectionProvider(store: EventStore): DetectionColumnProvider | null {
  return providers.get(store) ?? null
}
