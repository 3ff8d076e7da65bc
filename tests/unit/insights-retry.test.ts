// One service answers every window and web tab (main/services/ashiato-service.ts), and a newer
// view's counts drop the older views' queued counts (main/query/count-dispatch.ts), answered as
// 'view-expired'. For the tab that typed, the dropped view is no longer shown; for another tab
// showing an older view, it still is: its facets and timeline must come anyway. The renderer asks
// again while the view is still the one shown (renderer/session/counts-of-shown-view.ts, used by
// renderer/state/insights-store.ts). Without that, the other tab's counts never came.

import { afterAll, beforeAll, expect, it } from 'vitest'
import type { EventStore } from '../../main/store/event-store'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { facetCounts, histogram } from '../../main/query/facets'
import { evaluateView } from '../../main/query/evaluate-view'
import { ViewCache } from '../../main/services/view-cache'
import { syntheticColumnStore } from '../../scripts/bench/synthetic-columns'
import { countsOfShownView } from '../../renderer/session/counts-of-shown-view'

let store: EventStore
let views: ViewCache

beforeAll(() => {
  store = syntheticColumnStore(300_000)
  views = new ViewCache(store)
}, 120_000)

afterAll(() => {
  views.clear()
  store.clear()
})

it("a view still shown gets its counts though another tab's newer view dropped them", async () => {
  const busy = await views.set({ query: '' })
  const shown = await views.set({ query: 'region:region-1' })
  const other = await views.set({ query: 'error:*' })
  // The worker is counting something; this tab's counts queue behind it...
  const running = views.facets(busy.viewId, FACET_FIELDS, 10)
  let asked = 0
  const facets = countsOfShownView(() => (asked++, views.facets(shown.viewId, FACET_FIELDS, 50)), () => true)
  const timeline = countsOfShownView(() => views.histogram(shown.viewId, 120), () => true)
  // ...and another tab's newer view asks for its own, which drops this tab's queued ones.
  const elsewhere = [views.facets(other.viewId, FACET_FIELDS, 10), views.histogram(other.viewId, 100)]
  await Promise.all([running, ...elsewhere])
  const ids = evaluateView(store, { query: 'region:region-1' }).ids
  expect(await facets).toEqual(facetCounts(store, ids, FACET_FIELDS, 50))
  expect(await timeline).toEqual(histogram(store, ids, 120))
  expect(asked).toBe(2) // dropped once, asked again
}, 60_000)

it('a dropped view no longer shown, or one that stays expired, gives up without an error', async () => {
  const busy = await views.set({ query: '' })
  const old = await views.set({ query: 'region:region-2' })
  const running = views.facets(busy.viewId, FACET_FIELDS, 10)
  let asked = 0
  const gone = countsOfShownView(() => (asked++, views.facets(old.viewId, FACET_FIELDS, 10)), () => false)
  const newer = await views.set({ query: 'region:region-3' })
  await Promise.all([running, views.facets(newer.viewId, FACET_FIELDS, 10)])
  expect(await gone).toBeUndefined()
  expect(asked).toBe(1)
  views.clear() // every view forgotten: each ask is view-expired
  let tries = 0
  expect(await countsOfShownView(() => (tries++, views.facets(old.viewId, FACET_FIELDS, 10)), () => true)).toBeUndefined()
  expect(tries).toBe(4)
}, 60_000)
