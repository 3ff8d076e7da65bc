// The facets and the histogram of one view both count its ids in id order (main/query/id-lists.ts
// inIdOrder): the view keeper sorts them once per view, not once per call on main's event loop.
import { describe, expect, it } from 'vitest'
import { ViewCache } from '../../main/services/view-cache'
import { useLoadedService } from './helpers/loaded-service'
import { makeEvent, seededRandom } from '../support/cloudtrail-events'

const random = seededRandom(5)
const service = useLoadedService('view-id-order', () => ({
  'a.json': Array.from({ length: 300 }, (_, i) => makeEvent(random, { time: new Date(Date.UTC(2024, 2, 1, 0, 0, i)) })),
}))

describe('a view in id order', () => {
  it('is made once per view, ascending, with the view ids', async () => {
    const store = service().store
    const views = new ViewCache(store)
    try {
      const view = await views.set({ query: '', sort: { column: 'time', direction: 'desc' } })
      const ids = views.ids(view.viewId)!
      expect(ids[0]).toBeGreaterThan(ids[ids.length - 1])
      const ordered = views.idsInIdOrder(view.viewId)!
      expect(views.idsInIdOrder(view.viewId)).toBe(ordered)
      expect(Array.from(ordered)).toEqual(Array.from(ids).sort((a, b) => a - b))
      expect(views.idsInIdOrder(view.viewId + 1000)).toBeUndefined()
    } finally {
      views.clear()
    }
  })
})
