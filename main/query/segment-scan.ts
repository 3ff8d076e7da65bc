// Reads candidates' bytes for a byte search in the order they lie on disk, a region at a time
// into one reused buffer. Profiled on 1M events (1.4 GB): reading each event through the
// store's block cache cost as much as the search itself (a fresh 64 KB buffer per block, one
// store.bytes() call per event, and the garbage collections both bring). Here a region of up
// to 1 MB is one pread into memory allocated once, and the search sees it in pieces of whole
// events (V8 searches 64 KB strings fastest: see byte-search.ts).

import type { TextLayout } from '../store/text-segments'

/** Bytes read from a segment at once. */
export const REGION = 1024 * 1024
/** Bytes between two candidates that are read through rather than skipped by a new read. */
const READ_THROUGH = 16 * 1024
/** Text searched as one string (see byte-search.ts MAX_SPAN). */
const PIECE = 64 * 1024
/** Bytes between two candidates that one piece may carry (more: the piece ends). */
const PIECE_GAP = 256

let regionBuffer: Buffer | null = null

/**
 * Positions in `candidates` (ascending ids) ordered by where their bytes are: by segment, then
 * offset. Ids of one segment are nearly always in offset order already (each segment is
 * appended to in id order); a segment whose are not is sorted.
 */
export function diskOrder(layout: TextLayout, candidates: Uint32Array): Uint32Array {
  const { segmentOf, offsets } = layout
  let segments = 0
  for (let k = 0; k < candidates.length; k++) segments = Math.max(segments, segmentOf[candidates[k]] + 1)
  const starts = new Uint32Array(segments + 1)
  for (let k = 0; k < candidates.length; k++) starts[segmentOf[candidates[k]] + 1]++
  for (let s = 0; s < segments; s++) starts[s + 1] += starts[s]
  const next = starts.slice(0, segments)
  const order = new Uint32Array(candidates.length)
  for (let k = 0; k < candidates.length; k++) order[next[segmentOf[candidates[k]]]++] = k
  for (let s = 0; s < segments; s++) {
    const bucket = order.subarray(starts[s], starts[s + 1])
    let sorted = true
    for (let i = 1; i < bucket.length && sorted; i++) sorted = offsets[candidates[bucket[i - 1]]] <= offsets[candidates[bucket[i]]]
    if (!sorted) bucket.set(Array.from(bucket).sort((a, b) => offsets[candidates[a]] - offsets[candidates[b]]))
  }
  return order
}

/**
 * One piece to search: `text` (latin1, one char per byte) holds the bytes of the events at
 * positions order[first..last], whose bytes are [starts[i], ends[i]) in `text`'s coordinates.
 */
export type PieceVisitor = (text: string, first: number, last: number, starts: Float64Array, ends: Float64Array) => void

/**
 * The last position of the region that starts at position k of `order`: candidates that follow
 * each other on disk in one segment, with gaps of at most READ_THROUGH bytes, and REGION bytes
 * at most in all (a single event larger than that is a region of its own).
 */
export function regionLast(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, k: number): number {
  const { segmentOf, offsets, lengths } = layout
  const id = candidates[order[k]]
  const regionStart = offsets[id]
  let regionEnd = regionStart + lengths[id]
  let last = k
  while (last + 1 < order.length) {
    const nextId = candidates[order[last + 1]]
    const nextStart = offsets[nextId]
    const nextEnd = nextStart + lengths[nextId]
    if (segmentOf[nextId] !== segmentOf[id] || nextStart < regionEnd || nextStart - regionEnd > READ_THROUGH || nextEnd - regionStart > REGION) break
    regionEnd = nextEnd
    last++
  }
  return last
}

/** Calls `visit` for every piece of the candidates' bytes, in disk order (see diskOrder). */
export function forEachPiece(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, visit: PieceVisitor): void {
  const { segmentOf, offsets, lengths } = layout
  const n = order.length
  // Per position: its bytes in the current region's buffer.
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  let k = 0
  while (k < n) {
    const last = regionLast(layout, candidates, order, k)
    const segment = segmentOf[candidates[order[k]]]
    const regionStart = offsets[candidates[order[k]]]
    const lastId = candidates[order[last]]
    const size = offsets[lastId] + lengths[lastId] - regionStart
    // One kept buffer of REGION bytes; an event larger than that (up to the per-event limit) gets
    // one of its own, let go after it, so the worker does not keep its largest event's size.
    if (!regionBuffer) regionBuffer = Buffer.allocUnsafeSlow(REGION)
    const region = size > REGION ? Buffer.allocUnsafeSlow(size) : regionBuffer
    layout.readInto(segment, regionStart, size, region)
    for (let i = k; i <= last; i++) {
      const at = candidates[order[i]]
      starts[i] = offsets[at] - regionStart
      ends[i] = starts[i] + lengths[at]
    }
    // Pieces of whole events, close together, up to PIECE bytes (an event beyond that alone).
    let first = k
    while (first <= last) {
      let end = first
      while (end + 1 <= last && starts[end + 1] - ends[end] <= PIECE_GAP && ends[end + 1] - starts[first] <= PIECE) end++
      const base = starts[first]
      const text = region.toString('latin1', base, ends[end])
      for (let i = first; i <= end; i++) {
        starts[i] -= base
        ends[i] -= base
      }
      visit(text, first, end, starts, ends)
      first = end + 1
    }
    k = last + 1
  }
}

/** Bit set in `flags` for an event holding a match of the needle. */
export const NEEDLE_HIT = 1
/** Bit set in `flags` for an event holding one of the literals. */
export const LITERAL_HIT = 2

/**
 * For each position k of `order`, sets in flags[order[k]] NEEDLE_HIT when its event's bytes hold
 * a match of `needle` (a 'g' regexp), and LITERAL_HIT when they hold one of `literals` (latin1
 * strings, searched with indexOf: one pass of the same text, far cheaper than a regexp
 * alternation). A match counts only when it lies inside one candidate's bytes.
 */
export function markEvents(layout: TextLayout, candidates: Uint32Array, order: Uint32Array, needle: RegExp | null, literals: readonly string[], flags: Uint8Array): void {
  forEachPiece(layout, candidates, order, (text, first, last, starts, ends) => {
    if (needle) markNeedle(text, first, last, starts, ends, needle, order, flags)
    for (const literal of literals) markLiteral(text, first, last, starts, ends, literal, order, flags)
  })
}

function markNeedle(text: string, first: number, last: number, starts: Float64Array, ends: Float64Array, needle: RegExp, order: Uint32Array, flags: Uint8Array): void {
  let k = first
  needle.lastIndex = 0
  while (k <= last) {
    if (needle.lastIndex < starts[k]) needle.lastIndex = starts[k]
    const match = needle.exec(text)
    if (!match) break
    const at = match.index
    while (k <= last && ends[k] <= at) k++
    if (k > last) break
    if (at < starts[k]) {
      // Began before this candidate (in a gap, or across its start): search again from its start.
      needle.lastIndex = starts[k]
      continue
    }
    if (at + match[0].length <= ends[k]) {
      flags[order[k]] |= NEEDLE_HIT
      needle.lastIndex = ends[k]
      k++
    } else {
      // The match runs past this event's end; a shorter one may still start later inside it.
      needle.lastIndex = at + 1
    }
  }
}

function markLiteral(text: string, first: number, last: number, starts: Float64Array, ends: Float64Array, literal: string, order: Uint32Array, flags: Uint8Array): void {
  let k = first
  let from = starts[first]
  while (k <= last) {
    const at = text.indexOf(literal, from)
    if (at < 0) return
    while (k <= last && ends[k] <= at) k++
    if (k > last) return
    if (at < starts[k]) from = starts[k]
    else if (at + literal.length <= ends[k]) {
      flags[order[k]] |= LITERAL_HIT
      from = ends[k]
      k++
    } else from = at + 1
  }
}
