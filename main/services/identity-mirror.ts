// The identity worker's copy of the store: its columns in SharedArrayBuffers, like the query
// workers' StoreMirror, but brought up to date in two parts. A follow of the load reads only
// eventName, errorCode and accessKey codes, times and where each event's text lies (the link
// table, identity-index.ts), so only those rows are copied at each follow; the other columns
// (user, source IP, account...) are copied only before a call (chain of an event, dossier,
// graph) that may read them. During a 1M-event load this halves what the main thread copies
// for the identity worker, on the thread the load's merge runs on.
// Between clears the store only appends, so rows already copied never change.

import type { EventStore } from '../store/event-store'
import type { MirrorArrays, MirrorUpdate } from '../store/mirror-update'
import { MirrorReceiver, shared, updateMessage } from '../query/store-mirror'
import { STRING_COLUMNS, type StringColumn } from '../store/parsed-batch'

/** The string columns a follow reads (identity-index.ts's update). */
export const FOLLOW_COLUMNS: readonly StringColumn[] = ['eventName', 'errorCode', 'accessKey']
const FOLLOWED = STRING_COLUMNS.map((column) => FOLLOW_COLUMNS.includes(column))

export class IdentityMirror {
  private generation = -1
  private capacity = 0
  private arrays: MirrorArrays | undefined
  /** Rows copied of the followed columns (times, text layout, FOLLOW_COLUMNS), and of all the others. */
  private followRows = 0
  private allRows = 0
  /** What the worker holds: the arrays it was sent, strings and segments. */
  private readonly to = new MirrorReceiver()

  /** A new worker knows nothing yet: the next update carries everything. */
  forgetWorker(): void {
    this.to.forget()
  }

  /** Brings the shared copy up to `store` (every column when `all`, for a call), and says what the worker must take. */
  update(store: EventStore, all: boolean): MirrorUpdate {
    if (store.generation !== this.generation) {
      this.generation = store.generation
      this.capacity = 0
      this.arrays = undefined
      this.followRows = 0
      this.allRows = 0
      this.forgetWorker()
    }
    const size = store.size
    const source = store.mirrorSource()
    if (size > this.capacity || !this.arrays) this.grow(size, source.codes.length)
    const a = this.arrays!
    if (size > this.followRows) {
      const from = this.followRows
      a.times.set(source.times.subarray(from, size), from)
      a.segmentOf.set(source.segmentOf.subarray(from, size), from)
      a.offsets.set(source.offsets.subarray(from, size), from)
      a.lengths.set(source.lengths.subarray(from, size), from)
      a.codes.forEach((codes, c) => FOLLOWED[c] && codes.set(source.codes[c].subarray(from, size), from))
      this.followRows = size
    }
    if (all && size > this.allRows) {
      const from = this.allRows
      a.readOnly.set(source.readOnly.subarray(from, size), from)
      a.codes.forEach((codes, c) => !FOLLOWED[c] && codes.set(source.codes[c].subarray(from, size), from))
      this.allRows = size
    }
    return updateMessage(store, a, this.to)
  }

  /** New shared arrays for at least `size` rows, holding what the old ones held (pages never written stay unallocated). */
  private grow(size: number, columns: number): void {
    let capacity = Math.max(1024, this.capacity)
    while (capacity < size) capacity *= 2
    const old = this.arrays
    const follow = this.followRows
    const rest = this.allRows
    this.arrays = {
      times: shared(Float64Array, 8, capacity, old?.times, follow),
      readOnly: shared(Uint8Array, 1, capacity, old?.readOnly, rest),
      codes: Array.from({ length: columns }, (_, c) => shared(Uint32Array, 4, capacity, old?.codes[c], FOLLOWED[c] ? follow : rest)),
      segmentOf: shared(Uint32Array, 4, capacity, old?.segmentOf, follow),
      offsets: shared(Float64Array, 8, capacity, old?.offsets, follow),
      lengths: shared(Uint32Array, 4, capacity, old?.lengths, follow),
    }
    this.capacity = capacity
  }
}
