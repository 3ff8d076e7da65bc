// Facets and the histogram count in id order into arrays indexed by dictionary code (facet-count.ts)
// and pick the top values with heaps (facets.ts): the answers must be those of the plainest
// possible count (a Map per field, every value sorted), whatever the view's order, for a subset,
// an empty view, events without the field and more ties at the cut than any sort would take.
import { describe, expect, it } from 'vitest'
import type { Facet, FacetField, Histogram } from '../../common/query/facet-query'
import { FACET_FIELDS } from '../../common/query/facet-query'
import type { EventStore } from '../../main/store/event-store'
import { facetCounts, histogram } from '../../main/query/facets'
import { allIds, withoutRuns } from '../../main/query/id-lists'
import { sortIds } from '../../main/query/sort-ids'
import { evaluate } from '../../main/query/evaluate'
import { syntheticStore } from '../../scripts/bench/synthetic-store'
import { storeOfEvents } from './helpers/make-store'

/** The plainest count: a Map of values per field, all sorted by count then value. */
function naiveFacets(store: EventStore, ids: Uint32Array, fields: readonly FacetField[], limit: number): Facet[] {
  return fields.map((field) => {
    const counts = new Map<string, number>()
    let missing = 0
    for (const id of ids) {
      const value = field === 'readOnly' ? ['', 'true', 'false'][store.readOnly[id]] : store.value(store.codes(field)[id])
      if (value === '') missing++
      else counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    const sorted = [...counts].map(([value, count]) => ({ value, count }))
    if (field === 'readOnly') sorted.sort((a, b) => b.count - a.count || (a.value === 'true' ? -1 : 1))
    else sorted.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    // readOnly has two values, always both shown.
    return { field, values: field === 'readOnly' ? sorted : sorted.slice(0, limit), distinct: counts.size, missing }
  })
}

/** The plainest histogram for a bucket size and start the tested one chose. */
function naiveBuckets(store: EventStore, ids: Uint32Array, h: Histogram): { errors: number[]; successes: number[]; untimed: number } {
  const errors = h.errors.map(() => 0)
  const successes = h.successes.map(() => 0)
  let untimed = 0
  for (const id of ids) {
    const t = store.times[id]
    if (Number.isNaN(t)) untimed++
    else (store.value(store.codes('errorCode')[id]) === '' ? successes : errors)[Math.floor((t - h.start) / h.bucketMs)]++
  }
  return { errors, successes, untimed }
}

describe('facets and the histogram over their counting paths', () => {
  const store = syntheticStore(6000, 'indexed').store
  const every = allIds(store.size)
  const newestFirst = sortIds(store, every, 'time', 'desc')
  const subset = sortIds(store, evaluate(store, 'error:* or event:GetObject').ids, 'eventName', 'asc')
  // A hidden source's run left out, as ViewCache does: fewer ids than events, in the view's order.
  const hidden = withoutRuns(newestFirst, [[1000, 2500]])

  it('count every view the same as the plainest count: all ids, the view\'s order, a subset, a hidden run, none', () => {
    expect(subset.length).toBeGreaterThan(100)
    expect(subset.length).toBeLessThan(store.size)
    for (const [name, ids] of Object.entries({ every, newestFirst, subset, hidden, none: new Uint32Array(0) })) {
      for (const limit of [1, 10, 1000]) expect(facetCounts(store, ids, FACET_FIELDS, limit), `${name} ${limit}`).toEqual(naiveFacets(store, ids, FACET_FIELDS, limit))
      const h = histogram(store, ids, 100)
      expect({ errors: h.errors, successes: h.successes, untimed: h.untimed }, name).toEqual(naiveBuckets(store, ids, h))
      // The buckets span the view's own times, whatever order its ids come in.
      if (ids.length > 0) expect(h, name).toEqual(histogram(store, Uint32Array.from(ids).sort(), 100))
    }
  })

  it('counts events without the field (code 0) as missing, not as a value', () => {
    const small = storeOfEvents([{ eventName: 'A', eventTime: '2024-03-05T10:00:00Z' }, { eventName: 'A' }, { sourceIPAddress: '10.0.0.1' }, {}])
    const facets = facetCounts(small, Uint32Array.from([3, 1, 0, 2]), ['eventName', 'sourceIp', 'errorCode', 'readOnly'], 10)
    expect(facets).toEqual(naiveFacets(small, allIds(4), ['eventName', 'sourceIp', 'errorCode', 'readOnly'], 10))
    expect(facets[0]).toEqual({ field: 'eventName', values: [{ value: 'A', count: 2 }], distinct: 1, missing: 2 })
    expect(histogram(small, Uint32Array.from([3, 2, 1, 0]))).toMatchObject({ successes: [1], errors: [0], untimed: 3 })
  })

  it('orders ties at the cut by value even when there are many more than it used to sort (10,000)', () => {
    // 12,000 addresses seen once each, the smallest values last in id order: a count that sorted
    // only the first 10,000 ties it met would miss them.
    const ips = Array.from({ length: 12_000 }, (_, i) => `10.${Math.floor((11_999 - i) / 250)}.${(11_999 - i) % 250}.1`)
    const many = storeOfEvents(ips.map((sourceIPAddress) => ({ sourceIPAddress })))
    const [facet] = facetCounts(many, allIds(many.size), ['sourceIp'], 10)
    expect(facet).toEqual(naiveFacets(many, allIds(many.size), ['sourceIp'], 10)[0])
    expect(facet.values[0]).toEqual({ value: '10.0.0.1', count: 1 })
  })
})
