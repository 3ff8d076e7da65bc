// Facet counts and the timeline of the view shown, fetched whenever the view changes (a new
// viewId) or the timeline's width asks for another number of buckets. An answer for a view that
// is no longer shown is dropped; while a new one is on its way the old counts stay up.
import { create } from 'zustand'
import type { Facet, Histogram } from '../../common/ipc-contract'
import { isCallError } from '../../common/call-errors'
import { getApi } from '../api/get-api'
import { useView } from './view-store'

/** Values fetched per facet (the panel shows a few, "more" shows the rest). */
export const FACET_LIMIT = 50

interface InsightsState {
  viewId: number
  facets: Facet[] | null
  histogram: Histogram | null
  /** Buckets the timeline has room for. */
  buckets: number
}

export const useInsights = create<InsightsState>()(() => ({ viewId: -1, facets: null, histogram: null, buckets: 120 }))

const set = useInsights.setState

function ignorable(error: unknown): boolean {
  // A view forgotten meanwhile: a newer one is coming.
  return isCallError(error, 'view-expired')
}

function fetchFacets(viewId: number): void {
  getApi()
    .getFacets({ viewId, limit: FACET_LIMIT })
    .then(
      (facets) => {
        if (useView.getState().info?.viewId === viewId) set({ facets, viewId })
      },
      (error: unknown) => {
        if (!ignorable(error)) console.warn('getFacets failed', error)
      },
    )
}

function fetchHistogram(viewId: number): void {
  const buckets = useInsights.getState().buckets
  getApi()
    .getHistogram({ viewId, buckets })
    .then(
      (histogram) => {
        if (useView.getState().info?.viewId === viewId && useInsights.getState().buckets === buckets) set({ histogram, viewId })
      },
      (error: unknown) => {
        if (!ignorable(error)) console.warn('getHistogram failed', error)
      },
    )
}

useView.subscribe((state, previous) => {
  const viewId = state.info?.viewId
  if (viewId === previous.info?.viewId) return
  if (viewId === undefined) {
    set({ viewId: -1, facets: null, histogram: null })
    return
  }
  fetchFacets(viewId)
  fetchHistogram(viewId)
})

/** The timeline was resized: ask for as many buckets as fit. */
export function setHistogramBuckets(buckets: number): void {
  const n = Math.max(10, Math.min(400, Math.round(buckets)))
  if (n === useInsights.getState().buckets) return
  set({ buckets: n })
  const viewId = useView.getState().info?.viewId
  if (viewId !== undefined) fetchHistogram(viewId)
}
