import { describe, expect, it } from 'vitest'
import { sortIds } from '../../main/query/sort-ids'
import { facetCounts, histogram, NICE_BUCKETS } from '../../main/query/facets'
import { evaluate } from '../../main/query/evaluate'
import { allIds } from '../../main/query/id-lists'
import { appendClause, facetClause, fieldClause, quoteValue } from '../../common/query/facet-query'
import { tryParseQuery } from '../../common/query/parser'
import { ROW_COLUMNS } from '../../common/event-row'
import { storeOfEvents } from './helpers/make-store'

type Json = Record<string, unknown>

const at = (iso: string | undefined, over: Json = {}): Json => ({ ...(iso ? { eventTime: iso } : {}), ...over })

describe('sortIds', () => {
  const store = storeOfEvents([
    at('2024-03-05T10:00:00Z', { eventName: 'b', readOnly: true, eventID: 'e2', resources: [{ ARN: 'arn:z' }] }), // 0
    at(undefined, { eventName: 'A', eventID: 'e1' }), // 1: no time, no readOnly
    at('2024-03-05T12:00:00Z', { eventName: 'c', readOnly: false, eventID: 'e0', resources: [{ type: 't', ARN: 'arn:a' }] }), // 2
    at('2024-03-05T10:00:00Z', { eventName: '', readOnly: 'true' }), // 3: same time as 0, blank name
    at('2024-03-04T00:00:00Z', { eventName: 'B', readOnly: false, requestParameters: { eventID: 'nested' }, eventID: 'e9' }), // 4
  ])
  const all = allIds(store.size)
  const sort = (column: Parameters<typeof sortIds>[2], direction?: 'asc' | 'desc', ids = all): number[] => [...sortIds(store, ids, column, direction)]

  it('sorts by time, newest first by default, events without a time last either way, ties by id', () => {
    expect(sort('time')).toEqual([2, 0, 3, 4, 1])
    expect(sort('time', 'desc')).toEqual([2, 0, 3, 4, 1])
    expect(sort('time', 'asc')).toEqual([4, 0, 3, 2, 1])
  })

  it('keeps ties in id order even when the input is not in id order', () => {
    expect(sort('time', 'asc', Uint32Array.from([3, 1, 0, 4, 2]))).toEqual([4, 0, 3, 2, 1])
    expect(sort('time', 'desc', Uint32Array.from([3, 0]))).toEqual([0, 3])
  })

  it('sorts strings by value, case-insensitively, blanks last either way', () => {
    expect(sort('eventName')).toEqual([1, 4, 0, 2, 3]) // A, B, b, c, '' (case breaks ties only)
    expect(sort('eventName', 'desc')).toEqual([2, 0, 4, 1, 3])
  })

  it('sorts readOnly false before true, absent last', () => {
    expect(sort('readOnly')).toEqual([2, 4, 0, 3, 1])
    expect(sort('readOnly', 'desc')).toEqual([0, 3, 2, 4, 1])
  })

  it('sorts by eventId and resourceName, read from the bytes (nested keys do not confuse it)', () => {
    expect(sort('eventId')).toEqual([2, 1, 0, 4, 3])
    expect(sort('resourceName')).toEqual([2, 0, 1, 3, 4])
  })

  it('sorts by every list column without throwing, and returns a permutation', () => {
    for (const column of ROW_COLUMNS) {
      const sorted = sort(column)
      expect([...sorted].sort((a, b) => a - b), column).toEqual([...all])
    }
    expect(sort('time', 'asc', new Uint32Array(0))).toEqual([])
  })

  it('does not modify its input', () => {
    const ids = Uint32Array.from([4, 3, 2, 1, 0])
    sortIds(store, ids, 'time')
    expect([...ids]).toEqual([4, 3, 2, 1, 0])
  })
})

describe('facetCounts', () => {
  const names = ['GetObject', 'GetObject', 'GetObject', 'PutObject', 'PutObject', 'ListBuckets', 'DeleteBucket', 'AssumeRole']
  const store = storeOfEvents(
    names.map((eventName, i) => ({ eventName, errorCode: i % 3 === 0 ? 'AccessDenied' : undefined, readOnly: i < 5 ? i % 2 === 0 : undefined, userIdentity: { userName: i < 4 ? 'alice' : 'bob smith' } })),
  )
  const all = allIds(store.size)

  it('counts the top values, most frequent first, ties by value, with distinct and missing counts', () => {
    const [events] = facetCounts(store, all, ['eventName'], 3)
    expect(events).toEqual({
      field: 'eventName',
      values: [
        { value: 'GetObject', count: 3 },
        { value: 'PutObject', count: 2 },
        { value: 'AssumeRole', count: 1 },
      ],
      distinct: 5,
      missing: 0,
    })
  })

  it('counts over the given ids only, and counts events without the field as missing', () => {
    const [errors, readOnly] = facetCounts(store, Uint32Array.from([0, 1, 2, 3]), ['errorCode', 'readOnly'], 10)
    expect(errors).toEqual({ field: 'errorCode', values: [{ value: 'AccessDenied', count: 2 }], distinct: 1, missing: 2 })
    expect(readOnly).toEqual({ field: 'readOnly', values: [{ value: 'true', count: 2 }, { value: 'false', count: 2 }], distinct: 2, missing: 0 })
  })

  it('gives every facet field by default, and nothing for no ids', () => {
    const facets = facetCounts(store, all)
    expect(facets.map((f) => f.field)).toEqual(['eventName', 'eventSource', 'user', 'identityType', 'sourceIp', 'region', 'account', 'errorCode', 'readOnly'])
    expect(facets.find((f) => f.field === 'eventSource')).toEqual({ field: 'eventSource', values: [], distinct: 0, missing: 8 })
    expect(facetCounts(store, new Uint32Array(0), ['user'])).toEqual([{ field: 'user', values: [], distinct: 0, missing: 0 }])
  })

  it('builds clauses that select exactly the counted events', () => {
    for (const facet of facetCounts(store, all, ['eventName', 'user', 'errorCode', 'readOnly'], 10)) {
      for (const { value, count } of facet.values) {
        expect(evaluate(store, facetClause(facet.field, value)).ids.length, `${facet.field}:${value}`).toBe(count)
        expect(evaluate(store, facetClause(facet.field, value, true)).ids.length).toBe(store.size - count)
      }
      expect(evaluate(store, facetClause(facet.field, null)).ids.length, `${facet.field} missing`).toBe(facet.missing)
    }
  })
})

describe('histogram', () => {
  const minute = 60_000
  const base = Date.UTC(2024, 2, 5, 10, 0)
  const store = storeOfEvents([
    { eventTime: new Date(base).toISOString() },
    { eventTime: new Date(base + 30_000).toISOString(), errorCode: 'AccessDenied' },
    { eventTime: new Date(base + 9 * minute + 59_000).toISOString() },
    { eventName: 'no time' },
  ])

  it('picks the smallest nice bucket that fits and counts errors apart', () => {
    // ~10 minutes in at most 100 buckets: 10 s buckets (5 s would need 120).
    const h = histogram(store, allIds(store.size), 100)
    expect(h.bucketMs).toBe(10_000)
    expect(h.start).toBe(base)
    expect(h.errors.length).toBe(60)
    expect(h.successes[0]).toBe(1)
    expect(h.errors[3]).toBe(1)
    expect(h.successes[59]).toBe(1)
    expect(h.errors.reduce((a, b) => a + b) + h.successes.reduce((a, b) => a + b)).toBe(3)
    expect(h.untimed).toBe(1)
  })

  it('aligns buckets to their size and grows them to fit', () => {
    const h = histogram(store, allIds(store.size), 5)
    expect(h.bucketMs).toBe(5 * minute)
    expect(h.start % h.bucketMs).toBe(0)
    expect(h.successes).toEqual([1, 1])
    expect(h.errors).toEqual([1, 0])
  })

  it('handles no timed events, and spans wider than the nicest bucket', () => {
    expect(histogram(store, Uint32Array.from([3]), 100)).toEqual({ start: 0, bucketMs: 60_000, errors: [], successes: [], untimed: 1 })
    const wide = storeOfEvents([{ eventTime: '1970-01-02T00:00:00Z' }, { eventTime: '2999-01-01T00:00:00Z' }])
    const h = histogram(wide, allIds(2), 10)
    expect(h.successes.length).toBeLessThanOrEqual(10)
    expect(h.bucketMs).toBeGreaterThan(NICE_BUCKETS[NICE_BUCKETS.length - 1])
  })
})

describe('query text for facets', () => {
  it('quotes only what needs it, escaping wildcards, quotes and backslashes', () => {
    expect(quoteValue('GetObject')).toBe('GetObject')
    expect(quoteValue('arn:aws:iam::1:user/x')).toBe('arn:aws:iam::1:user/x')
    expect(quoteValue('bob smith')).toBe('"bob smith"')
    expect(quoteValue('a*b?')).toBe('a\\*b\\?')
    expect(quoteValue('say "hi" (now)')).toBe('"say \\"hi\\" (now)"')
    expect(quoteValue('')).toBe('""')
    expect(quoteValue('c:\\temp')).toBe('c:\\\\temp')
  })

  it('builds include, exclude and missing clauses', () => {
    expect(fieldClause('user', 'alice')).toBe('user:alice')
    expect(fieldClause('user', 'alice', true)).toBe('not user:alice')
    expect(fieldClause('error', null)).toBe('not error:*')
    expect(fieldClause('error', null, true)).toBe('error:*')
    expect(facetClause('sourceIp', '10.0.0.1')).toBe('ip:10.0.0.1')
    expect(facetClause('eventName', 'GetObject', true)).toBe('not event:GetObject')
  })

  it('round-trips odd values through the parser', () => {
    for (const value of ['a b', 'x*y', 'q"uote', 'back\\slash', '(paren)', 'not', 'or', '-dash', '']) {
      const parsed = tryParseQuery(fieldClause('user', value))
      expect(parsed.ok && parsed.ast.type === 'match' && parsed.ast.pattern, value).toEqual([{ kind: 'text', text: value }])
    }
  })

  it('appends with and semantics, parenthesising a top-level or', () => {
    expect(appendClause('', 'user:alice')).toBe('user:alice')
    expect(appendClause('  error:* ', 'user:alice')).toBe('error:* user:alice')
    expect(appendClause('a or b', 'user:alice')).toBe('(a or b) user:alice')
    expect(appendClause('(a or b) c', 'user:alice')).toBe('(a or b) c user:alice')
  })
})

describe('an empty store', () => {
  it('matches, counts, buckets and sorts nothing without failing', async () => {
    const { EventStore } = await import('../../main/store/event-store')
    const store = new EventStore()
    const none = new Uint32Array(0)
    for (const query of ['', 'alice', 'user:alice', 'requestParameters.x:*', 'eventTime>2024-01-01']) expect([...evaluate(store, query).ids]).toEqual([])
    expect(facetCounts(store, none, ['eventName', 'readOnly'])).toEqual([
      { field: 'eventName', values: [], distinct: 0, missing: 0 },
      { field: 'readOnly', values: [], distinct: 0, missing: 0 },
    ])
    expect(histogram(store, none).errors).toEqual([])
    expect([...sortIds(store, none, 'eventName')]).toEqual([])
  })
})

describe('facets and histogram of a view in its own order', () => {
  it('count the same as in id order (they read the columns in id order: inIdOrder)', async () => {
    const { syntheticStore } = await import('../../scripts/bench/synthetic-store')
    const { inIdOrder } = await import('../../main/query/id-lists')
    const store = syntheticStore(5000).store
    const ascending = evaluate(store, 'error:* or event:Get*').ids
    expect(ascending.length).toBeGreaterThan(100)
    // The order a view shows (newest first), and a duplicate-free shuffle of it.
    const newestFirst = sortIds(store, ascending, 'time', 'desc')
    const shuffled = Uint32Array.from([...ascending].sort((a, b) => ((a * 2654435761) % 1009) - ((b * 2654435761) % 1009) || a - b))
    for (const order of [newestFirst, shuffled]) {
      expect(Array.from(inIdOrder(order, store.size))).toEqual(Array.from(ascending))
      expect(facetCounts(store, order)).toEqual(facetCounts(store, ascending))
      expect(histogram(store, order, 50)).toEqual(histogram(store, ascending, 50))
    }
    expect(inIdOrder(ascending, store.size)).toBe(ascending)
    // Every event, in the default view's order: counted as every id.
    const everything = sortIds(store, allIds(store.size), 'time', 'desc')
    expect(Array.from(inIdOrder(everything, store.size))).toEqual(Array.from(allIds(store.size)))
    expect(facetCounts(store, everything)).toEqual(facetCounts(store, allIds(store.size)))
    expect(histogram(store, everything)).toEqual(histogram(store, allIds(store.size)))
    store.clear()
  })
})
