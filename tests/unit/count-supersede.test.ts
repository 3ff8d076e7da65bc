// When the user types fast, every view asks for its facets and its histogram: a newer view's
// counts drop the older views' counts that have not started (main/query/count-dispatch.ts), so
// the count worker is not kept busy with views nobody shows any more. They reject as an expired
// view, which the renderer ignores (a newer one is coming); the count already running finishes,
// "show all" of an older view (the filter bar's completions) is never dropped. And the histogram's
// detection layer reads the level column from shared memory, copied once per column
// (shared-levels.ts), following a column that detection replaced.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStore } from '../../main/store/event-store'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { facetCounts, histogram } from '../../main/query/facets'
import { facetValues } from '../../main/query/facet-values'
import { CountDispatcher, CountsSupersededError } from '../../main/query/count-dispatch'
import { SharedLevels } from '../../main/query/shared-levels'
import { evaluateView } from '../../main/query/evaluate-view'
import { ViewCache } from '../../main/services/view-cache'
import { setDetectionProvider } from '../../main/detect/detection-column'
import { seededRandom } from '../support/cloudtrail-events'
import { syntheticColumnStore } from '../../scripts/bench/synthetic-columns'

let store: EventStore

beforeAll(() => {
  store = syntheticColumnStore(300_000)
}, 120_000)

afterAll(() => store.clear())

/** Settles a promise into what it gave: 'counted', or the error's code or class. */
const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'counted',
    (error: unknown) => (error as { code?: string }).code ?? (error as Error).constructor.name,
  )

describe('counts of a view superseded by a newer one', () => {
  it('are dropped when they have not started, and the newest view is counted right', async () => {
    const views = new ViewCache(store)
    try {
      const queries = ['', 'region:region-1', 'error:*', 'region:region-2', 'event:GetObject or region:region-3']
      const infos = []
      for (const query of queries) infos.push(await views.set({ query }))
      // Typed fast: each view asks for its counts before the ones before it are answered.
      const asked = infos.slice(0, -1).flatMap((info) => [views.facets(info.viewId, FACET_FIELDS, 10), views.histogram(info.viewId, 100)])
      const newest = infos[infos.length - 1]
      const facets = views.facets(newest.viewId, FACET_FIELDS, 10)
      const timeline = views.histogram(newest.viewId, 100)
      // The first view's facets were already in the worker: they finish; all the rest are dropped.
      expect(await Promise.all(asked.map(outcome))).toEqual(['counted', ...asked.slice(1).map(() => 'view-expired')])
      const ids = evaluateView(store, { query: queries[queries.length - 1] }).ids
      expect(await facets).toEqual(facetCounts(store, ids, FACET_FIELDS, 10))
      expect(await timeline).toEqual(histogram(store, ids, 100))
    } finally {
      views.clear()
    }
  })

  it('are dropped only for older views: the same view asks again (a resized timeline), "show all" of an older view', async () => {
    const counts = new CountDispatcher(store)
    try {
      const every = evaluateView(store, { query: '' }).ids
      const some = evaluateView(store, { query: 'region:region-1' }).ids
      const running = counts.facets(1, every, FACET_FIELDS, 10)
      const dropped = counts.histogram(1, every, 100)
      const values = counts.facetValues(1, every, { viewId: 1, field: 'eventName', limit: 5 })
      const first = counts.histogram(2, some, 100)
      const resized = counts.histogram(2, some, 40)
      await expect(dropped).rejects.toBeInstanceOf(CountsSupersededError)
      expect(await running).toEqual(facetCounts(store, every, FACET_FIELDS, 10))
      expect(await values).toEqual(facetValues(store, every, { viewId: 1, field: 'eventName', limit: 5 }))
      expect(await first).toEqual(histogram(store, some, 100))
      expect(await resized).toEqual(histogram(store, some, 40))
    } finally {
      counts.close()
    }
  })
})

describe('the level column sent with a histogram', () => {
  it('is shared, copied once per column', () => {
    const shared = new SharedLevels()
    const column = Uint8Array.of(0, 1, 0, 5)
    const sent = shared.of(column)!
    expect(sent.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect([...sent]).toEqual([0, 1, 0, 5])
    expect(shared.of(column)).toBe(sent)
    const replaced = Uint8Array.of(0, 2, 0, 5, 3)
    expect([...shared.of(replaced)!]).toEqual([0, 2, 0, 5, 3])
    expect(shared.of(new Uint8Array(0))).toBeUndefined()
    expect(shared.of(undefined)).toBeUndefined()
  })

  it('follows a column that detection replaced, in the worker', async () => {
    const random = seededRandom(17)
    const make = (): Uint8Array => new Uint8Array(store.size).map(() => (random() < 0.02 ? 1 + Math.floor(random() * 5) : 0))
    const counts = new CountDispatcher(store)
    const every = evaluateView(store, { query: '' }).ids
    try {
      for (const levels of [make(), make()]) {
        setDetectionProvider(store, { levels: () => levels, rules: () => [], eventIdsOfRule: () => [] })
        for (let ask = 0; ask < 2; ask++) expect(await counts.histogram(1, every, 50)).toEqual(histogram(store, every, 50))
      }
    } finally {
      setDetectionProvider(store, { levels: () => new Uint8Array(0), rules: () => [], eventIdsOfRule: () => [] })
      counts.close()
    }
  })
})
