// A view's facets and histogram are counted in the count worker (main/query/count-dispatch.ts,
// count-jobs.ts) over the shared columns and the view's shared ids, half of a large view on its
// helper thread: the answers are those counted on this thread, in any view order, with hidden
// sources left out, for an empty view and for a view big enough to be split; the main thread's
// event loop answers a row request while they are counted; Clear frees the worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStore } from '../../main/store/event-store'
import { FACET_FIELDS } from '../../common/query/facet-query'
import { facetCounts, histogram } from '../../main/query/facets'
import { facetValues } from '../../main/query/facet-values'
import { CountDispatcher } from '../../main/query/count-dispatch'
import { SPLIT_MIN_IDS } from '../../main/query/count-jobs'
import { CountHelper } from '../../main/query/count-helper'
import { defaultQueryWorkerPath } from '../../main/query/query-dispatch'
import { evaluateView } from '../../main/query/evaluate-view'
import { withoutRuns } from '../../main/query/id-lists'
import { ViewCache } from '../../main/services/view-cache'
import { setDetectionProvider } from '../../main/detect/detection-column'
import { eventText, seededRandom } from '../support/cloudtrail-events'
import { syntheticStore } from '../../scripts/bench/synthetic-store'
import { batchOfTexts } from './helpers/make-store'
import { syntheticColumnStore } from '../../scripts/bench/synthetic-columns'

let store: EventStore

beforeAll(() => {
  // Large enough to be split with the helper (SPLIT_MIN_IDS) and to take a while to count.
  store = syntheticColumnStore(600_000)
}, 120_000)

afterAll(() => store.clear())

describe('facets and the histogram of a view', () => {
  it('are counted in the worker as on this thread: every order, a subset, a hidden source, none', async () => {
    const views = new ViewCache(store)
    views.hiddenRuns = () => []
    try {
      const specs = [
        { query: '', sort: { column: 'time' as const, direction: 'desc' as const } },
        { query: '', sort: { column: 'eventName' as const, direction: 'asc' as const } },
        { query: 'error:* or region:region-1' },
        { query: 'event:no-such-event' },
      ]
      for (const spec of specs) {
        const info = await views.set(spec)
        const ids = evaluateView(store, spec).ids
        expect(info.matched, spec.query).toBe(ids.length)
        expect(await views.facets(info.viewId, FACET_FIELDS, 10), spec.query).toEqual(facetCounts(store, ids, FACET_FIELDS, 10))
        expect(await views.histogram(info.viewId, 100), spec.query).toEqual(histogram(store, ids, 100))
      }
      // A hidden source's run: the view's ids leave it out, and so do its counts.
      views.hiddenRuns = () => [[100_000, 250_000]]
      const info = await views.set({ query: '' })
      const ids = withoutRuns(evaluateView(store, { query: '' }).ids, [[100_000, 250_000]])
      expect(ids.length).toBeGreaterThan(SPLIT_MIN_IDS)
      expect(info.matched).toBe(store.size - 150_000)
      expect(await views.facets(info.viewId, ['sourceIp', 'readOnly', 'errorCode'], 5)).toEqual(facetCounts(store, ids, ['sourceIp', 'readOnly', 'errorCode'], 5))
      expect(await views.histogram(info.viewId, 24)).toEqual(histogram(store, ids, 24))
    } finally {
      views.clear()
    }
  })

  it('are split with the helper once it runs, and still add up', async () => {
    const counts = new CountDispatcher(store)
    expect(counts.inWorker).toBe(true)
    const every = evaluateView(store, { query: '' }).ids
    const expected = facetCounts(store, every, FACET_FIELDS, 10)
    // The first large count starts the helper; by the later ones it counts its half.
    for (let i = 0; i < 4; i++) expect(await counts.facets(1, every, FACET_FIELDS, 10)).toEqual(expected)
    expect(await counts.histogram(1, every, 100)).toEqual(histogram(store, every, 100))
    counts.close()
  })

  it('follow a store that grows (new values, a larger dictionary) and is cleared', async () => {
    const small = syntheticStore(3000, 'indexed').store
    const counts = new CountDispatcher(small)
    const random = seededRandom(7)
    const every = (): Uint32Array => evaluateView(small, { query: '' }).ids
    try {
      expect(await counts.facets(1, every(), FACET_FIELDS, 10)).toEqual(facetCounts(small, every(), FACET_FIELDS, 10))
      const more = Array.from({ length: 4000 }, (_, i) => eventText(random, { account: `9999999${String(i % 50).padStart(5, '0')}`, region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 9)) }))
      small.addBatch(batchOfTexts(more), small.addFile('more.json'))
      for (const viewId of [2, 3]) {
        const [account] = await counts.facets(viewId, every(), ['account'], 60)
        expect(account.distinct).toBeGreaterThanOrEqual(50)
        expect([account]).toEqual(facetCounts(small, every(), ['account'], 60))
      }
      small.clear()
      expect(await counts.facets(4, every(), ['account', 'readOnly'], 10)).toEqual(facetCounts(small, every(), ['account', 'readOnly'], 10))
      small.addBatch(batchOfTexts([eventText(random, { account: '888888888888', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 9)) })]), small.addFile('one.json'))
      expect((await counts.facets(5, every(), ['account'], 10))[0].values).toEqual([{ value: '888888888888', count: 1 }])
    } finally {
      counts.close()
      small.clear()
    }
  })

  it('in full ("show all") are counted in the worker as on this thread: a column, a search, rarest first, a JSON field', async () => {
    const small = syntheticStore(3000, 'indexed').store
    const views = new ViewCache(small)
    try {
      const info = await views.set({ query: 'error:* or event:GetObject', sort: { column: 'time', direction: 'desc' } })
      const ids = evaluateView(small, { query: 'error:* or event:GetObject', sort: { column: 'time', direction: 'desc' } }).ids
      for (const request of [
        { viewId: info.viewId, field: 'sourceIp' },
        { viewId: info.viewId, field: 'eventName', search: 'object', order: 'rarest' as const, limit: 3 },
        { viewId: info.viewId, field: 'errorCode' },
        { viewId: info.viewId, field: 'requestParameters.bucketName' },
      ]) {
        const inWorker = await views.facetValues(request)
        expect(inWorker.values.length, request.field).toBeGreaterThan(0)
        expect(inWorker, request.field).toEqual(facetValues(small, ids, request))
      }
    } finally {
      views.clear()
      small.clear()
    }
  })

  it('carry the detections layer: the level column is read in the worker as on this thread', async () => {
    const random = seededRandom(13)
    const levels = new Uint8Array(store.size).map(() => (random() < 0.01 ? 1 + Math.floor(random() * 5) : 0))
    const counts = new CountDispatcher(store)
    try {
      setDetectionProvider(store, { levels: () => levels, rules: () => [], eventIdsOfRule: () => [] })
      const every = evaluateView(store, { query: '' }).ids
      const some = evaluateView(store, { query: 'region:region-2' }).ids
      for (const [viewId, ids] of [[1, every], [2, some]] as const) {
        const inWorker = await counts.histogram(viewId, ids, 50)
        expect(inWorker.levels?.flat().reduce((a, b) => a + b)).toBeGreaterThan(0)
        expect(inWorker).toEqual(histogram(store, ids, 50))
      }
      setDetectionProvider(store, { levels: () => new Uint8Array(0), rules: () => [], eventIdsOfRule: () => [] })
      expect((await counts.histogram(1, every, 50)).levels).toBeUndefined()
    } finally {
      setDetectionProvider(store, { levels: () => new Uint8Array(0), rules: () => [], eventIdsOfRule: () => [] })
      counts.close()
    }
  })

  it('have their second half counted by the helper thread once it has started, never twice', async () => {
    const helper = new CountHelper(defaultQueryWorkerPath())
    const column = store.codes('eventName')
    const n = store.size
    const whole = new Int32Array(store.dictionarySize)
    for (let id = 0; id < n; id++) whole[column[id]]++
    let helped = 0
    for (let round = 0; round < 40 && helped < 2; round++) {
      const mine = new Int32Array(store.dictionarySize)
      const theirs = new Int32Array(new SharedArrayBuffer(4 * store.dictionarySize))
      const byHelper = helper.split(() => {
        for (let id = 0; id < n >> 1; id++) mine[column[id]]++
      }, { kind: 'codes', columns: [column], counts: [theirs], ids: null, from: n >> 1, to: n })
      if (byHelper) helped++
      for (let code = 0; code < mine.length; code++) mine[code] += theirs[code]
      expect(Array.from(mine)).toEqual(Array.from(whole))
      // Let the helper start (its first half was taken back while it was starting up).
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    helper.close()
    expect(helped).toBe(2)
  })

  /** The order in which a view's facets and a row request asked on the next turn answer. */
  async function answerOrder(views: ViewCache): Promise<string[]> {
    try {
      const info = await views.set({ query: '' })
      const order: string[] = []
      const facets = views.facets(info.viewId, FACET_FIELDS, 10).then(() => order.push('facets'))
      // On this thread's next turn: were the facets counted here, they would already be done.
      await new Promise((resolve) => setImmediate(resolve))
      order.push(`rows:${views.rows({ viewId: info.viewId, start: 0, count: 50 }).rows.length}`)
      await facets
      return order
    } finally {
      views.clear()
    }
  }

  it('leave the event loop free: a row request answers while the facets of every event are counted', async () => {
    expect(await answerOrder(new ViewCache(store))).toEqual(['rows:50', 'facets'])
  })

  it('(the same sequence counted on this thread answers the rows only after the facets)', async () => {
    const onThisThread = new ViewCache(store, undefined, new CountDispatcher(store, undefined, '/no/such/query-worker.cjs'))
    expect(await answerOrder(onThisThread)).toEqual(['facets', 'rows:50'])
  })

  it('of a view cleared away are refused as an expired view, and Clear stops the worker', async () => {
    const views = new ViewCache(store)
    const info = await views.set({ query: '' })
    const pending = views.facets(info.viewId, FACET_FIELDS, 10)
    views.clear()
    await expect(pending).rejects.toMatchObject({ code: 'view-expired' })
    await expect(views.histogram(info.viewId, 100)).rejects.toMatchObject({ code: 'view-expired' })
  })

  it('of every event follow the store as it grows (the time span already read is kept), and of an older view too', async () => {
    const counts = new CountDispatcher(store)
    try {
      const before = evaluateView(store, { query: '' }).ids
      expect(before.length).toBeGreaterThan(SPLIT_MIN_IDS)
      expect(await counts.histogram(1, before, 100)).toEqual(histogram(store, before, 100))
      const random = seededRandom(11)
      const later = Array.from({ length: 1000 }, (_, i) => eventText(random, { account: '777777777777', region: 'us-east-1', time: new Date(Date.UTC(2024, 5, 1, 0, i)) }))
      store.addBatch(batchOfTexts(later), store.addFile('later.json'))
      const after = evaluateView(store, { query: '' }).ids
      const grown = await counts.histogram(2, after, 100)
      expect(grown).toEqual(histogram(store, after, 100))
      expect(grown.start + grown.bucketMs * grown.errors.length).toBeGreaterThan(Date.UTC(2024, 5, 1))
      // The view from before the batch: fewer events than the worker has read the times of.
      expect(await counts.histogram(1, before, 100)).toEqual(histogram(store, before, 100))
    } finally {
      counts.close()
    }
  })
})
