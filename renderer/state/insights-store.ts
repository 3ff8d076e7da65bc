// Facet counts and the timeline of the view shown, fetched whenever the view changes (a new
// viewId: follow-session.ts calls showInsightsOf) or the timeline's width asks for another number
// of buckets. An answer for a view that is no longer shown is dropped; while a new one is on its
// way the old counts stay up.
import { create } from 'zustand'
import type { Facet, FacetValuesRequest, FacetValuesResult, Histogram } from '../../common/ipc-contract'
import { getApi } from '../api/get-api'
import { countsOfShownView } from '../session/counts-of-shown-view'

/** Values fetched per facet (the panel shows a few, "more" shows the rest). */
export const FACET_LIMIT = 50

interface InsightsState {
  /** The view the counts are of. */
  viewId: number
  /** The view shown, whose counts are wanted (-1: none). */
  wanted: number
  facets: Facet[] | null
  histogram: Histogram | null
  /** Buckets the timeline has room for. */
  buckets: number
}

export const useInsights = create<InsightsState>()(() => ({ viewId: -1, wanted: -1, facets: null, histogram: null, buckets: 120 }))

const set = useInsights.setState

// A view forgotten meanwhile is no error: a newer one is coming. A view still shown whose counts
// main dropped is asked again (counts-of-shown-view.ts).
const stillWanted = (viewId: number) => useInsights.getState().wanted === viewId

function fetchFacets(viewId: number): void {
  countsOfShownView(() => getApi().getFacets({ viewId, limit: FACET_LIMIT }), () => stillWanted(viewId)).then(
    (facets) => {
      if (facets !== undefined && stillWanted(viewId)) set({ facets, viewId })
    },
    (error: unknown) => console.warn('getFacets failed', error),
  )
}

function fetchHistogram(viewId: number): void {
  const buckets = useInsights.getState().buckets
  const current = () => stillWanted(viewId) && useInsights.getState().buckets === buckets
  countsOfShownView(() => getApi().getHistogram({ viewId, buckets }), current).then(
    (histogram) => {
      if (histogram !== undefined && current()) set({ histogram, viewId })
    },
    (error: unknown) => console.warn('getHistogram failed', error),
  )
}

/** The view shown changed (undefined: none): fetch its counts. */
export function showInsightsOf(viewId: number | undefined): void {
  if (viewId === undefined) {
    set({ viewId: -1, wanted: -1, facets: null, histogram: null })
    return
  }
  set({ wanted: viewId })
  fetchFacets(viewId)
  fetchHistogram(viewId)
}

/** The timeline was resized: ask for as many buckets as fit. */
export function setHistogramBuckets(buckets: number): void {
  const n = Math.max(10, Math.min(400, Math.round(buckets)))
  if (n === useInsights.getState().buckets) return
  set({ buckets: n })
  const viewId = useInsights.getState().wanted
  if (viewId >= 0) fetchHistogram(viewId)
}

/** One facet in full (every value, searchable, most frequent or rarest first), for "show all". */
export function fetchFacetValues(request: FacetValuesRequest): Promise<FacetValuesResult> {
  return getApi().getFacetValues(request)
}

/** Detection went further: the timeline's detections band is asked for again (the bars are unchanged). */
export function refreshHistogram(): void {
  const viewId = useInsights.getState().wanted
  if (viewId >= 0) fetchHistogram(viewId)
}
