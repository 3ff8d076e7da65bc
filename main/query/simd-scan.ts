// The byte scan of ASCII needles: each region of candidates' bytes (segment-scan.ts regionLast)
// is read by one pread straight into the SIMD scanner's memory and searched there whole, one
// needle form at a time; each match is mapped to the candidate whose bytes hold it by walking
// the region's candidates in step (they are in disk order). No latin1 copy, no string, no
// regexp: profiled on 1M realistic events, those copies and V8's regexp were most of a scan.
//
// An event larger than a region is read in windows of REGION bytes that overlap by the longest
// needle's length less one, so that a match across two windows lies whole in the second; the
// scanner's memory never grows past one region, whatever the largest event.

import type { TextLayout } from '../store/text-segments'
import { isSimdNeedle, needleRegExp, type Needle } from './needle'
import { LITERAL_HIT, markEvents, NEEDLE_HIT, REGION, regionLast } from './segment-scan'
import { simdFinder, type SimdFinder } from './simd-find'

let simdAllowed = true

/** For tests and the bench: search every needle by the regexp path (false), or as usual (true). */
export function useSimdScan(on: boolean): void {
  simdAllowed = on
}

/** Whether scans on this thread take the SIMD path when they can (the scan helper is told). */
export function simdScanAllowed(): boolean {
  return simdAllowed
}

/**
 * For each position k of `order`, sets in flags[order[k]] NEEDLE_HIT when its event's bytes hold
 * the needle and LITERAL_HIT when they hold one of `literals` (latin1 strings, matched exactly),
 * by the SIMD scan when the needle is ASCII, else by segment-scan.ts's regexp over latin1 text.
 */
export function scanEvents(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needle: Needle | null, literals: readonly string[], flags: Uint8Array, simd = simdAllowed): void {
  const finder = simd && (needle === null || isSimdNeedle(needle)) && literals.every((literal) => literal.length > 0) ? simdFinder() : null
  if (finder) markEventsSimd(finder, layout, candidates, order, needle, literals, flags)
  else markEvents(layout, candidates, order, needle && needleRegExp(needle), literals, flags)
}

/** Matches of one text in a region: the first at or after `from`, or -1. */
type Finder = (from: number) => number

/**
 * Sets `bit` in flags[order[k]] for each candidate k in [first, last] holding a match of length
 * `length` whole inside its bytes [starts[k], ends[k]). A match across two candidates, or in the
 * bytes between them, counts for none.
 */
function markMatches(find: Finder, length: number, first: number, last: number, starts: Float64Array, ends: Float64Array, order: Uint32Array, flags: Uint8Array, bit: number): void {
  let k = first
  let from = starts[first]
  while (k <= last) {
    const at = find(from)
    if (at < 0) return
    while (k <= last && ends[k] <= at) k++
    if (k > last) return
    if (at < starts[k]) from = starts[k]
    else if (at + length <= ends[k]) {
      flags[order[k]] |= bit
      from = ends[k]
      k++
    } else from = at + 1
  }
}

/** Same result as segment-scan.ts markEvents, for needles whose forms are all ASCII (isSimdNeedle). */
function markEventsSimd(finder: SimdFinder, layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needle: Needle | null, literals: readonly string[], flags: Uint8Array): void {
  const { segmentOf, offsets, lengths } = layout
  const forms = needle?.forms ?? []
  const literalBytes = literals.map((literal) => Buffer.from(literal, 'latin1'))
  const longest = Math.max(1, ...forms.map((form) => form.length), ...literals.map((literal) => literal.length))
  const n = order.length
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  let k = 0
  while (k < n) {
    const last = regionLast(layout, candidates, order, k)
    const firstId = candidates[order[k]]
    const regionStart = offsets[firstId]
    const size = offsets[candidates[order[last]]] + lengths[candidates[order[last]]] - regionStart
    if (size > REGION) {
      flags[order[k]] |= searchLarge(finder, layout, firstId, forms, literalBytes, longest)
      k = last + 1
      continue
    }
    const data = finder.data(size)
    layout.readInto(segmentOf[firstId], regionStart, size, data)
    for (let i = k; i <= last; i++) {
      const at = candidates[order[i]]
      starts[i] = offsets[at] - regionStart
      ends[i] = starts[i] + lengths[at]
    }
    for (const form of forms) {
      finder.setNeedle(form, true)
      markMatches((from) => finder.find(from, size), form.length, k, last, starts, ends, order, flags, NEEDLE_HIT)
    }
    for (const literal of literalBytes) {
      markMatches((from) => data.indexOf(literal, from), literal.length, k, last, starts, ends, order, flags, LITERAL_HIT)
    }
    k = last + 1
  }
}

/** The flags of one event larger than a region, searched in overlapping windows. */
function searchLarge(finder: SimdFinder, layout: TextLayout, id: number, forms: readonly string[], literals: readonly Buffer[], longest: number): number {
  let found = 0
  const length = layout.lengths[id]
  const step = REGION - (longest - 1)
  for (let from = 0; from < length; from += step) {
    const size = Math.min(REGION, length - from)
    const data = finder.data(size)
    layout.readInto(layout.segmentOf[id], layout.offsets[id] + from, size, data)
    if (!(found & NEEDLE_HIT)) {
      for (const form of forms) {
        finder.setNeedle(form, true)
        if (finder.find(0, size) >= 0) found |= NEEDLE_HIT
      }
    }
    if (!(found & LITERAL_HIT) && literals.some((literal) => data.indexOf(literal) >= 0)) found |= LITERAL_HIT
    if (from + size >= length) break
  }
  return found
}
