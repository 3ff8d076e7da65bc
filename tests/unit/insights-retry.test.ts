// One service answers every window and web tab (main/services/ashiato-service.ts), and a newer
// view's counts drop the older views' queued counts (main/query/count-dispatch.ts), answered as
// 'view-expired'. For the one client that typed, the dropped view is no longer shown; for another
// tab showing an older view, it still is: its facets and timeline must come anyway. The renderer's
// insights store asks again while the view is still the one shown (renderer/state/insights-store.ts).
// Without that, the other tab's counts never came.

import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AshiatoApi } from '../../common/ipc-contract'
import type { EventStore } from '../../main/store/event-store'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { facetCounts, histogram } from '../../main/query/facets'
import { evaluateView } from '../../main/query/evaluate-view'
import { ViewCache } from '../../main/services/view-cache'
import { syntheticColumnStore } from '../../scripts/bench/synthetic-columns'
import { FACET_LIMIT, showInsightsOf, useInsights } from '../../renderer/state/insights-store'

let store: EventStore
let views: ViewCache

beforeAll(() => {
  store = syntheticColumnStore(300_000)
  views = new ViewCache(store)
  // This tab's API: the service's two count calls, as ashiato-service.ts answers them.
  const api: Partial<AshiatoApi> = {
    getFacets: (request) => views.facets(request.viewId, request.fields ?? FACET_FIELDS, request.limit ?? 10),
    getHistogram: (request) => views.histogram(request.viewId, request.buckets ?? 100),
  }
  ;(globalThis as { window?: unknown }).window = { ashiato: api }
}, 120_000)

afterAll(() => {
  views.clear()
  store.clear()
  delete (globalThis as { window?: unknown }).window
})

it("a view still shown gets its counts though another tab's newer view dropped them", async () => {
  const busy = await views.set({ query: '' })
  const shown = await views.set({ query: 'region:region-1' })
  const other = await views.set({ query: 'error:*' })
  // The worker is counting something; this tab's counts queue behind it...
  const running = views.facets(busy.viewId, FACET_FIELDS, 10)
  showInsightsOf(shown.viewId)
  // ...and another tab's newer view asks for its own, which drops this tab's queued ones.
  const elsewhere = [views.facets(other.viewId, FACET_FIELDS, 10), views.histogram(other.viewId, 100)]
  await running
  await Promise.all(elsewhere)
  const ids = evaluateView(store, { query: 'region:region-1' }).ids
  const expectedFacets = facetCounts(store, ids, FACET_FIELDS, FACET_LIMIT)
  const buckets = useInsights.getState().buckets
  for (let waited = 0; waited < 200 && useInsights.getState().histogram === null; waited++) await new Promise((r) => setTimeout(r, 50))
  for (let waited = 0; waited < 200 && useInsights.getState().facets === null; waited++) await new Promise((r) => setTimeout(r, 50))
  expect(useInsights.getState().viewId).toBe(shown.viewId)
  expect(useInsights.getState().facets).toEqual(expectedFacets)
  expect(useInsights.getState().histogram).toEqual(histogram(store, ids, buckets))
}, 60_000)
