// What a query worker's copy of the event store is brought up to date with (store-mirror.ts
// makes it on the main thread, EventStore.adoptMirror applies it in the worker). Columns are
// SharedArrayBuffer views: the worker reads them where the main thread wrote them, no copy.

export interface MirrorArrays {
  times: Float64Array
  readOnly: Uint8Array
  codes: Uint32Array[]
  segmentOf: Uint32Array
  offsets: Float64Array
  lengths: Uint32Array
}

export interface MirrorUpdate {
  generation: number
  version: number
  size: number
  /** Present when the shared arrays are new to the worker (first update, growth, clear). */
  arrays?: MirrorArrays
  /** Dictionary strings whose codes are dictionaryFrom, dictionaryFrom + 1, ... */
  dictionaryFrom: number
  dictionary: string[]
  /** Text segment files (path and the main thread's descriptor) whose indexes are segmentsFrom, segmentsFrom + 1, ... */
  segmentsFrom: number
  segments: { path: string; fd: number }[]
}
