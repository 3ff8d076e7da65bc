// Facets the user added for any field (access key, user agent, requestParameters.bucketName...),
// kept across sessions (renderer/state/persisted.ts). Their counts come with the others
// (insights-store.ts).
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { isFieldPath } from '../list/columns'
import { kept, legacyJson } from './persisted'

export const FACETS_KEY = 'ashiato.facets'
/** Added facets at most (each one is a query over the result when the view changes). */
export const MAX_EXTRA_FACETS = 8

interface FacetPrefs {
  extra: string[]
  addFacet(field: string): void
  removeFacet(field: string): void
}

function cleanFacets(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string' && isFieldPath(f)).slice(0, MAX_EXTRA_FACETS) : []
}

export const useFacetPrefs = create<FacetPrefs>()(
  persist(
    (set, get) => ({
      extra: [],
      addFacet: (field) => {
        const extra = get().extra
        if (!isFieldPath(field) || extra.includes(field) || extra.length >= MAX_EXTRA_FACETS) return
        set({ extra: [...extra, field] })
      },
      removeFacet: (field) => set({ extra: get().extra.filter((f) => f !== field) }),
    }),
    kept<FacetPrefs, { extra: string[] }>({
      name: FACETS_KEY,
      keep: (s) => ({ extra: s.extra }),
      clean: (stored) => ({ extra: cleanFacets(stored.extra) }),
      // Before persist: the array of field paths itself.
      fromLegacy: (raw) => ({ extra: legacyJson(raw) }),
    }),
  ),
)
