// Reads a few chosen events' bytes (a principal's, or the credential-issuing ones: a few percent
// of the set, scattered over it) in the order they lie on disk, into one buffer kept for the
// thread's life. Profiled on 200,000 realistic events: store.bytes() per event made a fresh
// buffer per read, and reading 3,000 issuing events that way cost 3 to 5 times more than the
// same preads into a kept buffer (the collector's work on the fresh ones). Events close
// together (a session's calls, delivered in one file) are read with one pread.
//
// Unlike the query's byte search (segment-scan.ts, which searches latin1 text pieces), each
// event is handed over as bytes, for parsers that read members of one event.

import type { EventStore } from '../store/event-store'
import { diskOrder } from '../query/segment-scan'

/** Bytes read from a segment at once (more for a single larger event). */
const REGION = 1024 * 1024
/** A gap between two chosen events up to this is read through rather than skipped with a new pread. */
const READ_THROUGH = 16 * 1024

let kept: Buffer | null = null

/** `bytes[start, end)` is the event `id`; the buffer is reused after the call returns. */
export type EventBytesVisitor = (id: number, bytes: Buffer, start: number, end: number) => void

/** Calls `visit` for each of `ids`, in disk order (not id order). */
export function forEachEventBytes(store: EventStore, ids: Uint32Array, visit: EventBytesVisitor): void {
  if (ids.length === 0) return
  const layout = store.textLayout()
  const { segmentOf, offsets, lengths } = layout
  const order = diskOrder(layout, ids)
  const n = order.length
  let k = 0
  while (k < n) {
    const id = ids[order[k]]
    const segment = segmentOf[id]
    const regionStart = offsets[id]
    let regionEnd = regionStart + lengths[id]
    let last = k
    while (last + 1 < n) {
      const next = ids[order[last + 1]]
      const nextStart = offsets[next]
      const nextEnd = nextStart + lengths[next]
      if (segmentOf[next] !== segment || nextStart < regionEnd || nextStart - regionEnd > READ_THROUGH || nextEnd - regionStart > REGION) break
      regionEnd = nextEnd
      last++
    }
    const size = regionEnd - regionStart
    // An event larger than the kept buffer gets one of its own, let go after it.
    if (!kept) kept = Buffer.allocUnsafeSlow(REGION)
    const region = size > REGION ? Buffer.allocUnsafeSlow(size) : kept
    layout.readInto(segment, regionStart, size, region)
    for (let i = k; i <= last; i++) {
      const at = ids[order[i]]
      const start = offsets[at] - regionStart
      visit(at, region, start, start + lengths[at])
    }
    k = last + 1
  }
}

/** The ids among `ids` (ascending) whose bytes pass `test`, ascending. */
export function filterEventBytes(store: EventStore, ids: Uint32Array, test: (bytes: Buffer, start: number, end: number) => boolean): Uint32Array {
  const passed = new Set<number>()
  forEachEventBytes(store, ids, (id, bytes, start, end) => {
    if (test(bytes, start, end)) passed.add(id)
  })
  return ids.filter((id) => passed.has(id))
}
