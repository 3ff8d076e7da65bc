// Results of the expensive terms (byte searches, JSON parsing), kept per store. The same term
// comes back all the time: on each keystroke after it, on each facet click, and every 250 ms
// while a load adds events — so a term's matches among events [0, upTo) are kept and only
// events added since are searched. A term over few candidates (after a cheap `and` sibling) is
// computed on those alone and not kept: that is already fast, and would not fill the cache.

import type { EventStore } from '../store/event-store'
import { idRange, intersect } from './id-lists'
import type { Step } from './leaf-steps'

interface Entry {
  /** Matches among events [0, upTo). */
  ids: Uint32Array
  upTo: number
  /** The store's generation when computed: a clear makes the same ids mean other events. */
  generation: number
}

const MAX_ENTRIES = 32
/** 8M ids = 32 MB at most across a store's entries. */
const MAX_TOTAL_IDS = 8 * 1024 * 1024

const caches = new WeakMap<EventStore, Map<string, Entry>>()

function cacheOf(store: EventStore): Map<string, Entry> {
  let cache = caches.get(store)
  if (!cache) {
    cache = new Map()
    caches.set(store, cache)
  }
  return cache
}

/** Whether an entry still describes the store's first `upTo` events (no clear since). */
function stillValid(store: EventStore, entry: Entry): boolean {
  return entry.generation === store.generation && entry.upTo <= store.size
}

function evict(cache: Map<string, Entry>): void {
  let total = 0
  for (const entry of cache.values()) total += entry.ids.length
  // Map iteration is insertion order, and use re-inserts: the first entries are the oldest.
  for (const [key, entry] of cache) {
    if (cache.size <= MAX_ENTRIES && total <= MAX_TOTAL_IDS) break
    cache.delete(key)
    total -= entry.ids.length
  }
}

/** Wraps a term's step so that its matches over the whole store are remembered under `key`. */
export function cachedStep(store: EventStore, key: string, step: Step): Step {
  return {
    cost: step.cost,
    run(candidates) {
      const cache = cacheOf(store)
      let entry = cache.get(key)
      if (entry && !stillValid(store, entry)) {
        cache.delete(key)
        entry = undefined
      }
      if (!entry && candidates.length * 2 < store.size) return step.run(candidates)
      entry ??= { ids: new Uint32Array(0), upTo: 0, generation: store.generation }
      if (entry.upTo < store.size) {
        const fresh = step.run(idRange(entry.upTo, store.size))
        const ids = new Uint32Array(entry.ids.length + fresh.length)
        ids.set(entry.ids)
        ids.set(fresh, entry.ids.length)
        entry = { ids, upTo: store.size, generation: store.generation }
      }
      cache.delete(key)
      cache.set(key, entry)
      evict(cache)
      return intersect(candidates, entry.ids)
    },
  }
}

/** Forgets what was kept for a store (benchmarks time a term from scratch with it). */
export function forgetCachedResults(store: EventStore): void {
  caches.delete(store)
}
