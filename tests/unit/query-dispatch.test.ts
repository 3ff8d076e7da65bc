// Views are evaluated in the built query worker over a shared copy of the store: the results
// are the same as evaluating on this thread, a slow query leaves the event loop free to answer
// row requests, and a newer query cancels an older one.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { evaluateView } from '../../main/query/evaluate-view'
import { QueryDispatcher, SupersededError } from '../../main/query/query-dispatch'
import { ViewCache } from '../../main/services/view-cache'
import { syntheticStore } from '../../scripts/bench/synthetic-store'
import { batchOfTexts } from './helpers/make-store'
import { syntheticFileStore } from './helpers/synthetic-file-store'
import { eventText, seededRandom } from '../support/cloudtrail-events'

// ~1.5 KB events: 30,000 of them are ~45 MB of text, a free-text scan of tens of ms or more.
const store = syntheticFileStore(30_000)

describe('query dispatch', () => {
  it('gives the same ids as evaluating on this thread, also as events arrive and after a clear', async () => {
    const dispatcher = new QueryDispatcher(store())
    expect(dispatcher.inWorker).toBe(true)
    for (const spec of [{ query: '' }, { query: 'event:GetObject or error:*' }, { query: 'alice', sort: { column: 'eventName' as const, direction: 'asc' as const } }, { query: 'requestParameters.bucketName:logs-*' }, { query: 'event:(' }]) {
      const inWorker = await dispatcher.evaluateView(spec)
      const here = evaluateView(store(), spec)
      // Two empty lists would agree whatever the worker did: every valid spec here matches.
      if (!here.error) expect(here.ids.length, spec.query).toBeGreaterThan(0)
      expect(Array.from(inWorker.ids)).toEqual(Array.from(here.ids))
      expect(inWorker.error).toEqual(here.error)
    }
    dispatcher.close()
  })

  it('follows a store that grows and is cleared', async () => {
    const small = syntheticStore(3000, 'indexed').store
    const dispatcher = new QueryDispatcher(small)
    expect((await dispatcher.evaluateView({ query: '' })).ids.length).toBe(3000)
    const random = seededRandom(5)
    small.addBatch(batchOfTexts(Array.from({ length: 5000 }, () => eventText(random, { account: '999999999999', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 9)) }))), small.addFile('more.json'))
    expect((await dispatcher.evaluateView({ query: 'account:999999999999' })).ids.length).toBe(5000)
    expect((await dispatcher.evaluateView({ query: '' })).ids.length).toBe(8000)
    small.clear()
    expect((await dispatcher.evaluateView({ query: '' })).ids.length).toBe(0)
    small.addBatch(batchOfTexts([eventText(random, { account: '888888888888', region: 'us-east-1', time: new Date(Date.UTC(2024, 2, 9)) })]), small.addFile('one.json'))
    const after = await dispatcher.evaluateView({ query: 'account:888888888888' })
    expect(Array.from(after.ids)).toEqual([0])
    dispatcher.close()
    small.clear()
  })

  it('answers a row request while a slow free-text query is still running', async () => {
    const views = new ViewCache(store())
    const first = await views.set({ query: '' })
    const order: string[] = []
    // Free text that is nowhere: every event's bytes are read and searched.
    const slow = views.set({ query: '"no such text in any event at all"' }).then((info) => order.push(`query:${info.matched}`))
    // On this thread's next turn: were the query evaluated here, it would already have finished.
    await new Promise((resolve) => setImmediate(resolve))
    const rows = views.rows({ viewId: first.viewId, start: 0, count: 50 })
    order.push(`rows:${rows.rows.length}`)
    await slow
    expect(order).toEqual(['rows:50', 'query:0'])
    views.clear()
  })

  it('(the same sequence with views evaluated on this thread answers the rows only after the query)', async () => {
    const views = new ViewCache(store(), new QueryDispatcher(store(), '/no/such/query-worker.cjs'))
    const first = await views.set({ query: '' })
    const order: string[] = []
    const slow = views.set({ query: '"no such text in any event at all"' }).then((info) => order.push(`query:${info.matched}`))
    await new Promise((resolve) => setImmediate(resolve))
    order.push(`rows:${views.rows({ viewId: first.viewId, start: 0, count: 50 }).rows.length}`)
    await slow
    expect(order).toEqual(['query:0', 'rows:50'])
  })

  it('a newer query cancels an older one', async () => {
    const dispatcher = new QueryDispatcher(store())
    const older = dispatcher.evaluateView({ query: '"nothing like this anywhere either"' })
    const newer = dispatcher.evaluateView({ query: 'event:GetObject' })
    await expect(older).rejects.toBeInstanceOf(SupersededError)
    expect(Array.from((await newer).ids)).toEqual(Array.from(evaluateView(store(), { query: 'event:GetObject' }).ids))
    dispatcher.close()
  })

  it('stopping a worker mid-query leaks no descriptor (it reads through the store\'s own)', async () => {
    const openFds = (): number => readdirSync('/proc/self/fd').length
    const dispatcher = new QueryDispatcher(store())
    await dispatcher.evaluateView({ query: '' })
    const before = openFds()
    for (let i = 0; i < 6; i++) {
      const older = dispatcher.evaluateView({ query: `"nowhere ${i}"` })
      // Let the worker start reading segments before it is stopped.
      await new Promise((resolve) => setTimeout(resolve, 20))
      void dispatcher.evaluateView({ query: '' }).catch(() => {})
      await older.catch(() => {})
    }
    await dispatcher.evaluateView({ query: '' })
    dispatcher.close()
    // Stopped workers release their own loop's descriptors asynchronously: wait for that.
    for (let wait = 0; wait < 40 && openFds() > before + 2; wait++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(openFds()).toBeLessThanOrEqual(before + 2)
  })
})
