// Query figures for `npm run bench`: a column query, a mixed one, free text (found and not
// found), a JSON-path query, facets, the histogram and sorts, timed on the given store. The
// values queried are taken from the store itself so every query has something to find.

import type { EventStore } from '../store/event-store'
import { evaluate } from './evaluate'
import { facetCounts, histogram } from './facets'
import { allIds } from './id-lists'
import { forgetCachedResults } from './leaf-cache'
import { sortIds } from './sort-ids'
import { fieldClause } from '../../common/query/facet-query'
import { REGION } from './segment-scan'

export interface QueryFigure {
  label: string
  /** The query text, for the query figures. */
  query?: string
  /** The first run (includes JIT warm-up). */
  firstMs: number
  /** A second run, from scratch (nothing kept from the first). */
  ms: number
  /** Queries only: a third run, reusing the results the second one kept (see leaf-cache.ts). */
  repeatMs?: number
  /** Events matched (queries), ids counted (facets, histogram) or sorted; bytes read (the reference pass). */
  count: number
}

const round = (ms: number): number => Math.round(ms * 10) / 10

function timed(run: () => number): { ms: number; count: number } {
  const started = performance.now()
  const count = run()
  return { ms: round(performance.now() - started), count }
}

function time(label: string, run: () => number): QueryFigure {
  const first = timed(run)
  const second = timed(run)
  return { label, firstMs: first.ms, ms: second.ms, count: second.count }
}

function timeQuery(store: EventStore, label: string, query: string): QueryFigure {
  const run = (): number => evaluate(store, query).ids.length
  forgetCachedResults(store)
  const first = timed(run)
  forgetCachedResults(store)
  const second = timed(run)
  const repeat = timed(run)
  return { label, query, firstMs: first.ms, ms: second.ms, repeatMs: repeat.ms, count: second.count }
}

/** Times the query engine on `store`; returns one figure per operation. */
export function benchQueries(store: EventStore): QueryFigure[] {
  const everything = allIds(store.size)
  const [events, users] = facetCounts(store, everything, ['eventName', 'user'], 1)
  const topEvent = events.values[0]?.value ?? 'GetObject'
  const topUser = users.values[0]?.value ?? 'alice'
  const queries: [string, string][] = [
    ['field on a column', fieldClause('event', topEvent)],
    ['wildcards, or, not', 'event:Describe* or error:* -source:s3.amazonaws.com'],
    ['user (column, then the JSON)', fieldClause('user', topUser)],
    ['free text, found', /^[\w-]+$/.test(topUser) ? topUser : 'alice'],
    ['free text, nowhere', '"no such text in any event"'],
    ['JSON path', 'requestParameters.bucketName:logs-*'],
    ['JSON path after a column', `${fieldClause('event', topEvent)} requestParameters.bucketName:logs-*`],
    ['time range', 'eventTime>=2024-03-05 eventTime<2024-03-06'],
  ]
  // The scans' reference, measured beside them: every event's bytes read once, in order.
  const figures = [time('read all event bytes, 1 thread (ref.)', () => readAllBytes(store))]
  figures.push(...queries.map(([label, query]) => timeQuery(store, label, query)))
  figures.push(time('facets (9 fields)', () => (facetCounts(store, everything, undefined, 10), everything.length)))
  figures.push(time('histogram', () => (histogram(store, everything, 100), everything.length)))
  figures.push(time('sort by time', () => sortIds(store, everything, 'time').length))
  figures.push(time('sort by eventName', () => sortIds(store, everything, 'eventName').length))
  figures.push(openOneEvent(store))
  return figures
}

/**
 * A bare pass over the segment files: what a first free-text or JSON-path query cannot beat on
 * one thread (the scans split their bytes with a helper thread). Returns the bytes read.
 */
function readAllBytes(store: EventStore): number {
  const { segmentOf, offsets, lengths, readInto } = store.textLayout()
  const extent: number[] = []
  for (let id = 0; id < store.size; id++) extent[segmentOf[id]] = Math.max(extent[segmentOf[id]] ?? 0, offsets[id] + lengths[id])
  const chunk = Buffer.allocUnsafeSlow(REGION)
  let total = 0
  extent.forEach((end, segment) => {
    for (let at = 0; at < end; at += REGION) readInto(segment, at, Math.min(REGION, end - at), chunk)
    total += end
  })
  return total
}

/**
 * What the viewer waits for: one event's JSON text read back from the segment files, for 200
 * events spread over the set (each far from the last, so none is in the block cache). The
 * figure is the slowest of them; `ms` the median.
 */
function openOneEvent(store: EventStore): QueryFigure {
  const times: number[] = []
  const step = Math.max(1, Math.floor(store.size / 200))
  let bytes = 0
  for (let id = step >> 1; id < store.size && times.length < 200; id += step) {
    const started = performance.now()
    bytes += store.text(id).length
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { label: 'open one event (slowest / median)', firstMs: round(times[times.length - 1] ?? 0), ms: round(times[times.length >> 1] ?? 0), count: bytes > 0 ? times.length : 0 }
}
