// Issue #12 §3: cancelView stops the query running in the worker; its setView fails with the
// 'query-cancelled' code the renderer recognises, the views kept stay, and the next query runs.
import { describe, expect, it } from 'vitest'
import { ViewCache } from '../../main/services/view-cache'
import { isCallError } from '../../common/call-errors'
import { syntheticFileStore } from './helpers/synthetic-file-store'

const store = syntheticFileStore(10_000)

describe('cancelView', () => {
  it('stops the running query; the kept views stay and the next query runs', async () => {
    const views = new ViewCache(store())
    const first = await views.set({ query: '' })
    expect(views.cancel()).toBe(false) // nothing running
    const slow = views.set({ query: '"no such text in any event at all"' })
    const outcome = slow.then(() => 'finished', (error: unknown) => (isCallError(error, 'query-cancelled') ? 'cancelled' : String(error)))
    expect(views.cancel()).toBe(true)
    expect(await outcome).toBe('cancelled')
    // The view shown before is still there to page through.
    expect(views.rows({ viewId: first.viewId, start: 0, count: 10 }).rows).toHaveLength(10)
    const next = await views.set({ query: 'event:GetObject' })
    expect(next.matched).toBeGreaterThan(0)
    expect(next.matched).toBeLessThan(first.matched)
    views.clear()
  })
})
