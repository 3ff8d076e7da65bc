// EventViews over the loaded store: in this thread (tests, the bench's reference), or packed
// into one transferable job for a detection worker — only the candidate events' bytes are copied.

import type { EventStore } from '../store/event-store'
import type { EventView } from './event-matcher'

export function storeView(store: EventStore, ids: Uint32Array): EventView {
  const names = store.codes('eventName')
  const sources = store.codes('eventSource')
  const errors = store.codes('errorCode')
  return {
    count: ids.length,
    id: (i) => ids[i],
    eventName: (i) => store.value(names[ids[i]]),
    eventSource: (i) => store.value(sources[ids[i]]),
    errorCode: (i) => store.value(errors[ids[i]]),
    bytes: (i) => store.bytes(ids[i]),
  }
}

/** A job's events as arrays a worker receives (the buffers are transferred). */
export interface PackedEvents {
  ids: Uint32Array
  /** Per event: codes into `strings` for eventName, eventSource, errorCode (3 per event). */
  codes: Uint32Array
  strings: string[]
  text: Uint8Array
  /** Event i is text[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array
}

export function packEvents(store: EventStore, ids: Uint32Array): PackedEvents {
  const columns = [store.codes('eventName'), store.codes('eventSource'), store.codes('errorCode')]
  const local = new Map<number, number>([[0, 0]])
  const strings = ['']
  const codes = new Uint32Array(ids.length * 3)
  const offsets = new Uint32Array(ids.length + 1)
  let size = 0
  for (let i = 0; i < ids.length; i++) {
    size += store.bytes(ids[i]).length
    offsets[i + 1] = size
    for (let c = 0; c < 3; c++) {
      const code = columns[c][ids[i]]
      let l = local.get(code)
      if (l === undefined) {
        l = strings.length
        strings.push(store.value(code))
        local.set(code, l)
      }
      codes[i * 3 + c] = l
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
    eventName: (i) => p.strings[p.codes[i * 3]],
    eventSource: (i) => p.strings[p.codes[i * 3 + 1]],
    errorCode: (i) => p.strings[p.codes[i * 3 + 2]],
    bytes: (i) => p.text.subarray(p.offsets[i], p.offsets[i + 1]),
  }
}
