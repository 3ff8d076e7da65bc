// Sets of event ids as ascending Uint32Arrays: 4 bytes an event, merged in one linear pass, and
// cheap to hand to the next predicate as its candidates.

import type { EventStore } from '../store/event-store'

export function allIds(count: number): Uint32Array {
  return idRange(0, count)
}

/** from, from+1, ..., to-1. */
export function idRange(from: number, to: number): Uint32Array {
  const ids = new Uint32Array(Math.max(0, to - from))
  for (let i = 0; i < ids.length; i++) ids[i] = from + i
  return ids
}

/** Events with from <= eventTime < to; either bound may be null (open). */
export function idsInTimeRange(store: EventStore, from: number | null, to: number | null): Uint32Array {
  const times = store.times
  const lo = from ?? -Infinity
  const hi = to ?? Infinity
  const out = new Uint32Array(store.size)
  let n = 0
  // NaN fails both comparisons: an event without a time is outside any range.
  for (let i = 0; i < store.size; i++) if (times[i] >= lo && times[i] < hi) out[n++] = i
  return out.slice(0, n)
}

/** a ∪ b. */
export function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]
    const y = b[j]
    if (x < y) {
      out[n++] = x
      i++
    } else if (y < x) {
      out[n++] = y
      j++
    } else {
      out[n++] = x
      i++
      j++
    }
  }
  while (i < a.length) out[n++] = a[i++]
  while (j < b.length) out[n++] = b[j++]
  return out.slice(0, n)
}

/** a ∩ b. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]
    const y = b[j]
    if (x < y) i++
    else if (y < x) j++
    else {
      out[n++] = x
      i++
      j++
    }
  }
  return out.slice(0, n)
}

/** a \ b. */
export function difference(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a
  const out = new Uint32Array(a.length)
  let j = 0
  let n = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    while (j < b.length && b[j] < x) j++
    if (j < b.length && b[j] === x) continue
    out[n++] = x
  }
  return out.slice(0, n)
}

/** The candidates that pass a per-id test, in order. */
export function filterIds(candidates: Uint32Array, keep: (id: number) => boolean): Uint32Array {
  const out = new Uint32Array(candidates.length)
  let n = 0
  for (let k = 0; k < candidates.length; k++) {
    const id = candidates[k]
    if (keep(id)) out[n++] = id
  }
  return out.slice(0, n)
}

/**
 * The same ids in ascending order (`ids` itself when it already is), for passes whose result
 * does not depend on order (facets, the histogram): reading the columns in id order instead of
 * a view's order (newest first) is what makes them fast, as a view's order jumps across
 * megabytes of columns at every id. Measured on 10M events: 15 s of cache misses for the
 * facets of a time-sorted view, 1 s in id order. The ids must be distinct (a view's are).
 * Nothing is kept between calls: a module-level list of every id held 40 MB at 10M events for
 * the process's life, Clear or not (idSpan below avoids the list for a view of every event).
 * `shared`: a new list is made in a SharedArrayBuffer (for a helper thread to read).
 */
export function inIdOrder(ids: Uint32Array, size: number, shared = false): Uint32Array {
  // Distinct ids as many as the events are every event (the unfiltered view, 10M at most often).
  if (ids.length === size && size > 0) return allIds(size)
  let ascending = true
  for (let k = 1; k < ids.length && ascending; k++) ascending = ids[k - 1] < ids[k]
  if (ascending) return ids
  // A bitset of the ids (1.25 MB for 10M: the writes stay in cache), then its bits in order.
  const bits = new Uint32Array((size + 31) >>> 5)
  for (let k = 0; k < ids.length; k++) bits[ids[k] >>> 5] |= 1 << (ids[k] & 31)
  const out = new Uint32Array(shared ? new SharedArrayBuffer(4 * ids.length) : new ArrayBuffer(4 * ids.length))
  let n = 0
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]
    while (word !== 0) {
      const low = word & -word
      out[n++] = (w << 5) + 31 - Math.clz32(low)
      word ^= low
    }
  }
  return out
}

/**
 * The ids a count reads, ascending: `ids` null means every id in [0, every), which a pass reads
 * straight from the columns (no 40 MB list at 10M events, and no list to read beside them).
 */
export interface IdSpan {
  ids: Uint32Array | null
  every: number
}

/** A view's distinct ids as a span to count in id order (`shared`: see inIdOrder). */
export function idSpan(ids: Uint32Array, size: number, shared = false): IdSpan {
  if (ids.length === size) return { ids: null, every: size }
  return { ids: inIdOrder(ids, size, shared), every: 0 }
}

/** How many ids a span holds. */
export function spanLength(span: IdSpan): number {
  return span.ids ? span.ids.length : span.every
}

/** The same ids in a SharedArrayBuffer, so worker threads read them where they are (no copy per call). */
export function toShared(ids: Uint32Array): Uint32Array {
  if (ids.buffer instanceof SharedArrayBuffer) return ids
  const shared = new Uint32Array(new SharedArrayBuffer(ids.length * 4))
  shared.set(ids)
  return shared
}

/** The ids outside every run [first, end): one pass, a hidden source's events are one run each. */
export function withoutRuns(ids: Uint32Array, runs: readonly (readonly [number, number])[]): Uint32Array {
  if (runs.length === 0) return ids
  const kept = new Uint32Array(ids.length)
  let n = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    let hidden = false
    for (const [first, end] of runs) if (id >= first && id < end) hidden = true
    if (!hidden) kept[n++] = id
  }
  return kept.slice(0, n)
}
