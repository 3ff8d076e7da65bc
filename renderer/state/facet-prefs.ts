// Facets the user added for any field (access key, user agent, requestParameters.bucketName...),
// kept across sessions, and how one facet in full is fetched (every value, searchable, most
// frequent or rarest first).
import { create } from 'zustand'
import type { FacetValuesRequest, FacetValuesResult } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { isFieldPath } from '../list/columns'

const STORAGE_KEY = 'ashiato.facets'
/** Added facets at most (each one is a query over the result when the view changes). */
export const MAX_EXTRA_FACETS = 8

interface FacetPrefs {
  extra: string[]
  addFacet(field: string): void
  removeFacet(field: string): void
}

function stored(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string' && isFieldPath(f)).slice(0, MAX_EXTRA_FACETS) : []
  } catch {
    return []
  }
}

export const useFacetPrefs = create<FacetPrefs>()((set, get) => ({
  extra: stored(),
  addFacet: (field) => {
    const extra = get().extra
    if (!isFieldPath(field) || extra.includes(field) || extra.length >= MAX_EXTRA_FACETS) return
    set({ extra: [...extra, field] })
  },
  removeFacet: (field) => set({ extra: get().extra.filter((f) => f !== field) }),
}))

useFacetPrefs.subscribe((state, previous) => {
  if (state.extra === previous.extra) return
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state.extra))
  } catch {
    // kept for this session only
  }
})

export function fetchFacetValues(request: FacetValuesRequest): Promise<FacetValuesResult> {
  return getApi().getFacetValues(request)
}
