// The main thread's side of a query worker's copy of the store: the columns the queries read,
// copied into SharedArrayBuffers as events arrive (only the rows added since the last query,
// so nothing while no load runs), plus the dictionary strings and segment files the worker
// has not seen yet. Between clears the store only appends, so rows [0, synced) never change.
// One mirror serves several workers (the query worker, the count worker): the columns are
// shared by all, and what each has been sent is kept per worker (MirrorReceiver).

import type { EventStore } from '../store/event-store'
import type { MirrorArrays, MirrorUpdate } from '../store/mirror-update'

/** A column in shared memory for `capacity` rows, holding the first `synced` rows of `old`. */
export function shared<T extends Float64Array | Uint32Array | Uint8Array>(kind: new (buffer: SharedArrayBuffer) => T, bytesPer: number, capacity: number, old: T | undefined, synced: number): T {
  const array = new kind(new SharedArrayBuffer(capacity * bytesPer))
  if (old) array.set(old.subarray(0, synced))
  return array
}

/** What one worker has been sent: the shared arrays it holds, how many strings and segments. */
export class MirrorReceiver {
  generation = -1
  arrays: MirrorArrays | undefined
  dictionarySent = 0
  segmentsSent = 0

  /** A new worker knows nothing yet: the next update carries everything. */
  forget(): void {
    this.arrays = undefined
    this.dictionarySent = 0
    this.segmentsSent = 0
  }
}

export class StoreMirror {
  private generation = -1
  private synced = 0
  private capacity = 0
  private arrays: MirrorArrays | undefined
  /** The receiver of a mirror that serves one worker. */
  private readonly only = new MirrorReceiver()

  /** A mirror serving one worker: that worker was replaced by a new one. */
  forgetWorker(): void {
    this.only.forget()
  }

  /** Brings the shared copy up to `store`, and says what the worker `to` must take. */
  update(store: EventStore, to: MirrorReceiver = this.only): MirrorUpdate {
    if (store.generation !== this.generation) {
      this.generation = store.generation
      this.synced = 0
      this.capacity = 0
      this.arrays = undefined
    }
    if (to.generation !== store.generation) {
      to.forget()
      to.generation = store.generation
    }
    const size = store.size
    const source = store.mirrorSource()
    if (size > this.capacity || !this.arrays) {
      let capacity = Math.max(1024, this.capacity)
      while (capacity < size) capacity *= 2
      const old = this.arrays
      this.arrays = {
        times: shared(Float64Array, 8, capacity, old?.times, this.synced),
        readOnly: shared(Uint8Array, 1, capacity, old?.readOnly, this.synced),
        codes: source.codes.map((_, c) => shared(Uint32Array, 4, capacity, old?.codes[c], this.synced)),
        segmentOf: shared(Uint32Array, 4, capacity, old?.segmentOf, this.synced),
        offsets: shared(Float64Array, 8, capacity, old?.offsets, this.synced),
        lengths: shared(Uint32Array, 4, capacity, old?.lengths, this.synced),
      }
      this.capacity = capacity
    }
    const a = this.arrays
    if (size > this.synced) {
      const from = this.synced
      a.times.set(source.times.subarray(from, size), from)
      a.readOnly.set(source.readOnly.subarray(from, size), from)
      a.codes.forEach((codes, c) => codes.set(source.codes[c].subarray(from, size), from))
      a.segmentOf.set(source.segmentOf.subarray(from, size), from)
      a.offsets.set(source.offsets.subarray(from, size), from)
      a.lengths.set(source.lengths.subarray(from, size), from)
      this.synced = size
    }
    return updateMessage(store, a, to)
  }
}

/** The update a worker `to` must take: the arrays when it holds others, and the strings and segment files it has not seen. */
export function updateMessage(store: EventStore, arrays: MirrorArrays, to: MirrorReceiver): MirrorUpdate {
  const dictionary: string[] = []
  for (let code = to.dictionarySent; code < store.dictionarySize; code++) dictionary.push(store.value(code))
  const segments = store.mirrorSource().segments(to.segmentsSent)
  const update: MirrorUpdate = {
    generation: store.generation,
    version: store.version,
    size: store.size,
    ...(to.arrays === arrays ? {} : { arrays }),
    dictionaryFrom: to.dictionarySent,
    dictionary,
    segmentsFrom: to.segmentsSent,
    segments,
  }
  to.arrays = arrays
  to.dictionarySent += dictionary.length
  to.segmentsSent += segments.length
  return update
}
