// EventViews over the loaded store: in this thread (tests, the bench's reference), or packed
// into one transferable job for a detection worker — only the candidate events' bytes are copied.

import type { EventStore } from '../store/event-store'
import { MATCH_COLUMNS, type EventView } from './event-matcher'

const K = MATCH_COLUMNS.length

export function storeView(store: EventStore, ids: Uint32Array): EventView {
  const columns = MATCH_COLUMNS.map(([, column]) => store.codes(column))
  return {
    count: ids.length,
    id: (i) => ids[i],
    column: (i, c) => store.value(columns[c][ids[i]]),
    bytes: (i) => store.bytes(ids[i]),
  }
}

/** A job's events as arrays a worker receives (the buffers are transferred). */
export interface PackedEvents {
  ids: Uint32Array
  /** Per event: codes into `strings` for each MATCH_COLUMNS entry (K per event). */
  codes: Uint32Array
  strings: string[]
  text: Uint8Array
  /** Event i is text[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array
}

export function packEvents(store: EventStore, ids: Uint32Array): PackedEvents {
  const columns = MATCH_COLUMNS.map(([, column]) => store.codes(column))
  const local = new Map<number, number>([[0, 0]])
  const strings = ['']
  const codes = new Uint32Array(ids.length * K)
  const offsets = new Uint32Array(ids.length + 1)
  let size = 0
  for (let i = 0; i < ids.length; i++) {
    size += store.bytes(ids[i]).length
    offsets[i + 1] = size
    for (let c = 0; c < K; c++) {
      const code = columns[c][ids[i]]
      let l = local.get(code)
      if (l === undefined) {
        l = strings.length
        strings.push(store.value(code))
        local.set(code, l)
      }
      codes[i * K + c] = l
    }
  }
  const text = new Uint8Array(size)
  for (let i = 0; i < ids.length; i++) text.set(store.bytes(ids[i]), offsets[i])
  return { ids, codes, strings, text, offsets }
}

export function packedView(p: PackedEvents): EventView {
  return {
    count: p.ids.length,
    id: (i) => p.ids[i],
    column: (i, c) => p.strings[p.codes[i * K + c]],
    bytes: (i) => p.text.subarray(p.offsets[i], p.offsets[i + 1]),
  }
}
