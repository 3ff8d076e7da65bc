// The exact test of a byte search's candidates (a JSON path's values, free text the bytes could
// hide), over their text read in disk order a region at a time. Profiled on 1M realistic events
// (24,882 candidates of `requestParameters.bucketName:logs-*`): reading each candidate through
// the store (store.text: a fresh 64 KB block per event, the candidates being far apart) cost
// 1.1–1.3 s of CPU for 40 MB of text, twice the byte scan of all 1.4 GB before it. Here each
// region (segment-scan.ts regionLast: neighbours read through, a lone candidate read alone, its
// own bytes only) is one pread into a buffer allocated once, and each event is decoded from it.

import type { EventStore } from '../store/event-store'
import { diskOrder, REGION, regionLast } from './segment-scan'

/** Decodes as the store does (store.text): the same text for the same bytes, invalid UTF-8 included. */
const decoder = new TextDecoder()

let regionBuffer: Buffer | null = null

/**
 * The candidates (ascending ids) whose text passes `keep`, in the same order. `keep` sees each
 * event's whole JSON text, as store.text(id) gives it.
 */
export function filterTexts(store: EventStore, candidates: Uint32Array, keep: (text: string) => boolean): Uint32Array {
  if (candidates.length === 0) return candidates
  const layout = store.textLayout()
  const { segmentOf, offsets, lengths } = layout
  const order = diskOrder(layout, candidates)
  const kept = new Uint8Array(candidates.length)
  let k = 0
  while (k < order.length) {
    const last = regionLast(layout, candidates, order, k)
    const firstId = candidates[order[k]]
    const regionStart = offsets[firstId]
    const lastId = candidates[order[last]]
    const size = offsets[lastId] + lengths[lastId] - regionStart
    // One kept buffer; an event larger than a region gets one of its own, let go after it.
    if (!regionBuffer) regionBuffer = Buffer.allocUnsafeSlow(REGION)
    const region = size > REGION ? Buffer.allocUnsafeSlow(size) : regionBuffer
    layout.readInto(segmentOf[firstId], regionStart, size, region)
    for (let i = k; i <= last; i++) {
      const id = candidates[order[i]]
      const start = offsets[id] - regionStart
      if (keep(decoder.decode(region.subarray(start, start + lengths[id])))) kept[order[i]] = 1
    }
    k = last + 1
  }
  let n = 0
  for (let i = 0; i < kept.length; i++) n += kept[i]
  const out = new Uint32Array(n)
  for (let i = 0, j = 0; i < kept.length; i++) if (kept[i]) out[j++] = candidates[i]
  return out
}
