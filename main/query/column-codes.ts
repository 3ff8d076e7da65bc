// The codes each facet column holds, each once, kept up to date as the store grows (it only
// appends between clears, so only new rows are read). The store has one dictionary for every
// column: a real trail's millions of access keys, principal IDs and ARNs make it far larger than
// any facet column's values (a few hundred event names, thousands of addresses), and a facet that
// walked the whole dictionary to find its top values, add two threads' counts and clear them
// would spend more there than counting. With these lists it walks only its own column's codes.

import type { StringColumn } from '../store/parsed-batch'
import type { EventStore } from '../store/event-store'

interface CodeList {
  /** Rows [0, rows) have been read. */
  rows: number
  /** seen[code] = 1 once the code is listed (code 0, no value, is never listed). */
  seen: Uint8Array
  codes: Uint32Array
  n: number
}

export class ColumnCodes {
  private generation = -1
  private lists = new Map<StringColumn, CodeList>()

  /** The codes other than 0 that `column` holds in rows [0, store.size), in first-seen order. */
  of(store: EventStore, column: StringColumn): Uint32Array {
    if (store.generation !== this.generation) {
      this.generation = store.generation
      this.lists = new Map()
    }
    let list = this.lists.get(column)
    if (!list) this.lists.set(column, (list = { rows: 0, seen: new Uint8Array(0), codes: new Uint32Array(64), n: 0 }))
    if (list.seen.length < store.dictionarySize) {
      const seen = new Uint8Array(Math.max(store.dictionarySize, 2 * list.seen.length))
      seen.set(list.seen)
      seen[0] = 1
      list.seen = seen
    }
    const values = store.codes(column)
    const { seen } = list
    for (let id = list.rows; id < store.size; id++) {
      const code = values[id]
      if (seen[code] !== 0) continue
      seen[code] = 1
      if (list.n === list.codes.length) {
        const grown = new Uint32Array(2 * list.n)
        grown.set(list.codes)
        list.codes = grown
      }
      list.codes[list.n++] = code
    }
    list.rows = store.size
    return list.codes.subarray(0, list.n)
  }
}
