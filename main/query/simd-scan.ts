// The byte scan of ASCII needles: each region of candidates' bytes (segment-scan.ts regionLast)
// is read by one pread straight into the SIMD scanner's memory and searched there whole, one
// needle form at a time (a further needle only inside the events holding the first); each match is mapped to the candidate whose bytes hold it by walking
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
 * every one of `needles` (none: never) and LITERAL_HIT when they hold one of `literals` (latin1
 * strings, matched exactly). Needles after the first are looked for only in the events holding
 * the ones before. By the SIMD scan when the needles are ASCII, else by segment-scan.ts's regexp
 * over latin1 text.
 */
export function scanEvents(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needles: readonly Needle[], literals: readonly string[], flags: Uint8Array, simd = simdAllowed): void {
  const finder = simd && needles.every(isSimdNeedle) && literals.every((literal) => literal.length > 0) ? simdFinder() : null
  if (finder) return markEventsSimd(finder, layout, candidates, order, needles, literals, flags)
  markEvents(layout, candidates, order, needles.length > 0 ? needleRegExp(needles[0]) : null, literals, flags)
  for (const needle of needles.slice(1)) {
    const holding = order.filter((at) => flags[at] & NEEDLE_HIT)
    const found = new Uint8Array(flags.length)
    markEvents(layout, candidates, holding, needleRegExp(needle), [], found)
    for (const at of holding) if (!(found[at] & NEEDLE_HIT)) flags[at] &= ~NEEDLE_HIT
  }
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

/** Bytes between two candidates that one search spans (more: each side is searched alone). */
const RUN_GAP = 256

/**
 * markMatches for the SIMD search, which takes an end: each run of candidates close together is
 * searched alone, so the bytes a region reads through between far-apart candidates (up to
 * READ_THROUGH, segment-scan.ts) are not searched. A JSON path after a column (51,833 scattered
 * events of 1M) took more CPU than with the regexp path before this, which searched pieces.
 */
function markMatchesInRuns(find: (from: number, to: number) => number, length: number, count: number, starts: Float64Array, ends: Float64Array, order: Uint32Array, flags: Uint8Array, bit: number): void {
  let first = 0
  while (first < count) {
    let last = first
    while (last + 1 < count && starts[last + 1] - ends[last] <= RUN_GAP) last++
    const to = ends[last]
    markMatches((from) => find(from, to), length, first, last, starts, ends, order, flags, bit)
    first = last + 1
  }
}

let kept = { starts: new Float64Array(0), ends: new Float64Array(0), keep: new Uint8Array(0) }

/** Per-region arrays for `count` events, kept between regions and scans (a scan of 1M events allocated 16 MB of them). */
function scratch(count: number): typeof kept {
  if (kept.starts.length < count) {
    const size = Math.max(count, 2 * kept.starts.length, 1024)
    kept = { starts: new Float64Array(size), ends: new Float64Array(size), keep: new Uint8Array(size) }
  }
  return kept
}

/** scanEvents for ASCII needles (isSimdNeedle). */
function markEventsSimd(finder: SimdFinder, layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needles: readonly Needle[], literals: readonly string[], flags: Uint8Array): void {
  const { segmentOf, offsets, lengths } = layout
  const literalBytes = literals.map((literal) => Buffer.from(literal, 'latin1'))
  const longest = Math.max(1, ...needles.flatMap((needle) => needle.forms.map((form) => form.length)), ...literals.map((literal) => literal.length))
  const n = order.length
  let k = 0
  while (k < n) {
    const last = regionLast(layout, candidates, order, k)
    const firstId = candidates[order[k]]
    const regionStart = offsets[firstId]
    const size = offsets[candidates[order[last]]] + lengths[candidates[order[last]]] - regionStart
    if (size > REGION) {
      flags[order[k]] |= searchLarge(finder, layout, firstId, needles, literalBytes, longest)
      k = last + 1
      continue
    }
    const data = finder.data(size)
    layout.readInto(segmentOf[firstId], regionStart, size, data)
    // The region's events, from 0: their bytes in `data` and their positions in `flags`.
    const count = last - k + 1
    const { starts, ends, keep } = scratch(count)
    const at = order.subarray(k, last + 1)
    for (let i = 0; i < count; i++) {
      const id = candidates[at[i]]
      starts[i] = offsets[id] - regionStart
      ends[i] = starts[i] + lengths[id]
    }
    needles.forEach((needle, j) => {
      if (j === 0) {
        for (const form of needle.forms) {
          finder.setNeedle(form, true)
          markMatchesInRuns((from, to) => finder.find(from, to), form.length, count, starts, ends, at, flags, NEEDLE_HIT)
        }
        return
      }
      // A further needle: only inside each event that holds the ones before.
      keep.fill(0, 0, count)
      for (const form of needle.forms) {
        finder.setNeedle(form, true)
        for (let i = 0; i < count; i++) if (flags[at[i]] & NEEDLE_HIT && !keep[i] && finder.find(starts[i], ends[i]) >= 0) keep[i] = 1
      }
      for (let i = 0; i < count; i++) if (!keep[i]) flags[at[i]] &= ~NEEDLE_HIT
    })
    for (const literal of literalBytes) {
      markMatches((from) => data.indexOf(literal, from), literal.length, 0, count - 1, starts, ends, at, flags, LITERAL_HIT)
    }
    k = last + 1
  }
}

/** The flags of one event larger than a region, searched in overlapping windows. */
function searchLarge(finder: SimdFinder, layout: TextLayout, id: number, needles: readonly Needle[], literals: readonly Buffer[], longest: number): number {
  const held = needles.map(() => false)
  let literal = false
  const length = layout.lengths[id]
  const step = REGION - (longest - 1)
  for (let from = 0; from < length; from += step) {
    const size = Math.min(REGION, length - from)
    const data = finder.data(size)
    layout.readInto(layout.segmentOf[id], layout.offsets[id] + from, size, data)
    needles.forEach((needle, j) => {
      for (const form of needle.forms) {
        if (held[j]) return
        finder.setNeedle(form, true)
        held[j] = finder.find(0, size) >= 0
      }
    })
    literal ||= literals.some((bytes) => data.indexOf(bytes) >= 0)
    if (from + size >= length) break
  }
  return (held.length > 0 && held.every(Boolean) ? NEEDLE_HIT : 0) | (literal ? LITERAL_HIT : 0)
}
