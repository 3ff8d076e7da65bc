// Preferences kept across sessions, through zustand's `persist` middleware over localStorage.
// Every kept store names its key (the same keys as before persist, so saved settings survive),
// what it keeps (`keep`), and how a stored value is checked (`clean`: localStorage is edited by
// hand or by older versions, so nothing read from it is trusted).
//
// Before persist, each store wrote its own format under its key (a bare "ja", a JSON object or
// array). Those values are read once as version 0, turned into the store's shape by `fromLegacy`,
// and written back in persist's { state, version } form.
import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware'

/** The version of the stored shape; values written before persist count as 0. */
export const KEPT_VERSION = 1

function isPersistEnvelope(raw: string): boolean {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && 'state' in value && typeof (value as { version?: unknown }).version === 'number'
  } catch {
    return false
  }
}

/** What is used of the Web Storage API (localStorage). */
export interface PageStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** localStorage, with values from before persist wrapped as version 0, and failures not fatal. */
function legacyAwareStorage(storage: PageStorage): StateStorage<void> {
  return {
    getItem(name) {
      let raw: string | null
      try {
        raw = storage.getItem(name)
      } catch {
        return null // storage can be unavailable (privacy settings); then the defaults apply
      }
      if (raw === null || isPersistEnvelope(raw)) return raw
      return JSON.stringify({ state: { legacy: raw }, version: 0 })
    },
    setItem(name, value) {
      try {
        storage.setItem(name, value)
      } catch {
        // not kept (storage full or refused); the choice still holds for this session
      }
    },
    removeItem(name) {
      try {
        storage.removeItem(name)
      } catch {
        // nothing kept to remove
      }
    },
  }
}

/** The page's localStorage (looked up by name, so this module also loads under Node in tests). */
function pageStorage(): PageStorage {
  const storage = (globalThis as { localStorage?: PageStorage }).localStorage
  if (!storage) throw new Error('no localStorage') // persist then keeps choices for this session only
  return storage
}

interface KeptOptions<S, P> {
  /** The localStorage key. */
  name: string
  /** The part of the state that is kept. */
  keep: (state: S) => P
  /** The store's fields from a stored value (anything: check every field); `current` is the state before. */
  clean: (stored: Record<string, unknown>, current: S) => Partial<S>
  /** The kept shape from the text a version before persist stored under the key. */
  fromLegacy: (raw: string) => unknown
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** `persist` options for a kept preference store. */
export function kept<S, P>({ name, keep, clean, fromLegacy }: KeptOptions<S, P>): PersistOptions<S, P> {
  return {
    name,
    version: KEPT_VERSION,
    storage: createJSONStorage<P>(() => legacyAwareStorage(pageStorage())),
    partialize: keep,
    migrate: (stored, version) => {
      if (version !== 0) return stored as P
      const legacy = record(stored).legacy
      if (typeof legacy !== 'string') return {} as P
      try {
        return fromLegacy(legacy) as P
      } catch {
        return {} as P // unreadable: the defaults apply
      }
    },
    merge: (stored, current) => ({ ...current, ...clean(record(stored), current) }),
  }
}

/** A legacy value that was JSON. */
export function legacyJson(raw: string): unknown {
  return JSON.parse(raw)
}
