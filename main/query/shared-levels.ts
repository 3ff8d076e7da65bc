// The detection level column as the count worker reads it: in a SharedArrayBuffer, so a
// histogram request posts a view of it rather than a copy. The column (main/detect/
// detection-tables.ts) is one byte an event, 10 MB at 10M events, and a histogram is asked for
// at every view and every resize of the timeline: copied per request, as it was, that was a
// 10 MB structured clone on the main thread each time. Detection replaces the whole column
// when it counts new matches (it never writes into one it has handed out), so a column is
// copied into shared memory once, when it is first seen, and its copy reused until it changes.
// The column is held weakly: a replaced one is not kept alive for the comparison.

export class SharedLevels {
  private source: WeakRef<Uint8Array> | null = null
  private shared: Uint8Array | null = null

  /** The column in shared memory, or undefined when no event matched a rule (nothing to send). */
  of(column: Uint8Array | undefined): Uint8Array | undefined {
    if (!column || column.length === 0) return undefined
    if (column.buffer instanceof SharedArrayBuffer) return column
    if (column !== this.source?.deref() || this.shared?.length !== column.length) {
      const shared = new Uint8Array(new SharedArrayBuffer(column.length))
      shared.set(column)
      this.source = new WeakRef(column)
      this.shared = shared
    }
    return this.shared!
  }
}
