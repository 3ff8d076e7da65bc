// The loaded set: every event's original bytes (in temporary segment files, read back by offset:
// see text-segments.ts) and a columnar index of the fields that filters, facets and sorting
// need. Tens of bytes per event in memory; a million events filter in milliseconds.

import { STRING_COLUMNS, type ParsedBatch, type StringColumn } from './parsed-batch'
import { DuplicateCheck } from './duplicate-check'
import { grown } from './grown-array'
import { StringDictionary } from './string-dictionary'
import { TextSegments, type TextLayout } from './text-segments'
import type { MirrorArrays, MirrorUpdate } from './mirror-update'
import { rowOf } from './event-fields'
import type { EventRow } from '../../common/event-row'

const decoder = new TextDecoder()

export interface AddResult {
  added: number
  /** Exact duplicates dropped (same eventID and account, same text but for whitespace). */
  duplicates: number
  /**
   * Events newly marked as eventID collisions: kept events that share eventID and account with
   * another, different kept event (an earlier event is counted when its first twin arrives).
   */
  idCollisions: number
  /** Kept events without a readable eventTime (see common/time/event-time.ts). */
  noTime: number
}

export class EventStore {
  private segments: TextSegments
  /** Per event: its text's segment, offset in it, and length. */
  private segmentOf: Uint32Array = new Uint32Array(0)
  private offsets: Float64Array = new Float64Array(0)
  private lengths: Uint32Array = new Uint32Array(0)
  private fileOf = new Uint32Array(0)
  private timeArray: Float64Array = new Float64Array(0)
  private readOnlyArray: Uint8Array = new Uint8Array(0)
  private codeArrays: Uint32Array[] = STRING_COLUMNS.map(() => new Uint32Array(0))
  private dictionary = new StringDictionary()
  private fileNames: string[] = []
  private duplicates = new DuplicateCheck(this)
  private noTimeCount = 0
  private count = 0
  private changeCount = 0
  private clearCount = 0

  /** `spillRoot`: where the temporary text folder is made (the OS temp folder by default). */
  constructor(private readonly spillRoot?: string) {
    this.segments = new TextSegments(spillRoot)
  }

  /** The file-name prefix parse workers write this set's text segments under. */
  spillPrefix(): string {
    return this.segments.workerPrefix()
  }

  /** Bytes of event text in the temporary segment files. */
  get spilledBytes(): number {
    return this.segments.diskBytes()
  }

  /** Events in the set. Event ids are 0 .. size-1. */
  get size(): number {
    return this.count
  }

  /** Bumped on every change, so caches (sort orders, views) know when to recompute. */
  get version(): number {
    return this.changeCount
  }

  /**
   * Bumped only by clear(). Between clears the store only appends, so a result computed over
   * events [0, n) stays true for them: caches that extend results as events arrive key on this.
   */
  get generation(): number {
    return this.clearCount
  }

  /** Registers an input file's display name; events added with its id point back to it. */
  addFile(name: string): number {
    this.fileNames.push(name)
    return this.fileNames.length - 1
  }

  /** Files registered by addFile since the last clear. */
  get fileCount(): number {
    return this.fileNames.length
  }

  fileName(fileId: number): string {
    return this.fileNames[fileId] ?? ''
  }

  /**
   * Adds a worker's batch, dropping only exact duplicates of events already loaded (see
   * addOrDrop). The batch's codes index `remap` (the store's code of each of the sender's
   * strings) when given, else the batch's own dictionary.
   */
  addBatch(batch: ParsedBatch, fileId: number, remap = this.internAll(batch.dictionary)): AddResult {
    const n = batch.starts.length
    if (n === 0) return { added: 0, duplicates: 0, idCollisions: 0, noTime: 0 }
    // The text first, so that a failure to keep it (a full disk) adds nothing; throws SpillError.
    const where = batch.spill ? { segment: this.segments.register(batch.spill.path), offset: batch.spill.offset } : this.segments.append(batch.text)
    const collisionsBefore = this.duplicates.collisions
    const noTimeBefore = this.noTimeCount
    this.reserve(this.count + n)
    const base = this.count

    // First the texts and the dedupe check, event by event: the check may compare this event's
    // text with an earlier one's, even one from this same batch.
    const kept = new Uint32Array(n)
    let keptCount = 0
    for (let i = 0; i < n; i++) {
      const id = this.count
      this.segmentOf[id] = where.segment
      this.offsets[id] = where.offset + batch.starts[i]
      this.lengths[id] = batch.ends[i] - batch.starts[i]
      // A duplicate's slots are simply overwritten by the next event.
      if (this.duplicates.isExactDuplicate(id, batch.idHashes[i])) continue
      if (Number.isNaN(batch.times[i])) this.noTimeCount++
      kept[keptCount++] = i
      this.count++
    }

    // Then the index, column by column: tight loops over typed arrays, not 18 scattered writes
    // per event (this runs on the main thread for every event loaded).
    this.fileOf.fill(fileId, base, base + keptCount)
    if (keptCount === n) {
      this.timeArray.set(batch.times, base)
      this.readOnlyArray.set(batch.readOnly, base)
      for (let c = 0; c < this.codeArrays.length; c++) {
        const target = this.codeArrays[c]
        const source = batch.columns[c]
        for (let i = 0; i < n; i++) target[base + i] = remap[source[i]]
      }
    } else {
      for (let k = 0; k < keptCount; k++) {
        this.timeArray[base + k] = batch.times[kept[k]]
        this.readOnlyArray[base + k] = batch.readOnly[kept[k]]
      }
      for (let c = 0; c < this.codeArrays.length; c++) {
        const target = this.codeArrays[c]
        const source = batch.columns[c]
        for (let k = 0; k < keptCount; k++) target[base + k] = remap[source[kept[k]]]
      }
    }
    this.changeCount++
    return { added: keptCount, duplicates: n - keptCount, idCollisions: this.duplicates.collisions - collisionsBefore, noTime: this.noTimeCount - noTimeBefore }
  }

  /** Whether the event shares its eventID and account with another, different event. */
  isIdCollision(id: number): boolean {
    return this.duplicates.isIdCollision(id)
  }

  /** The anomalies the viewer names for one event (absent keys when there are none). */
  eventMarks(id: number): { idCollision?: true; noTime?: true } {
    const marks: { idCollision?: true; noTime?: true } = {}
    if (this.isIdCollision(id)) marks.idCollision = true
    if (Number.isNaN(this.timeArray[id])) marks.noTime = true
    return marks
  }

  /** Events marked as eventID collisions, in the whole set. */
  get idCollisions(): number {
    return this.duplicates.collisions
  }

  /** Events without a readable eventTime, in the whole set. */
  get noTimeEvents(): number {
    return this.noTimeCount
  }

  /** The arrays a query worker's mirror copies (valid for [0, size); store-mirror.ts). */
  mirrorSource(): MirrorArrays & { segments(from: number): { path: string; fd: number }[] } {
    return {
      times: this.timeArray,
      readOnly: this.readOnlyArray,
      codes: this.codeArrays,
      segmentOf: this.segmentOf,
      offsets: this.offsets,
      lengths: this.lengths,
      segments: (from) => this.segments.handles(from),
    }
  }

  /**
   * In a query worker: becomes a read-only copy of the main thread's store as of `update`
   * (columns shared, dictionary and segment files appended). Nothing else may add to it.
   */
  adoptMirror(update: MirrorUpdate): void {
    if (update.generation !== this.clearCount) {
      this.clear()
      this.clearCount = update.generation
    }
    if (update.arrays) {
      this.timeArray = update.arrays.times
      this.readOnlyArray = update.arrays.readOnly
      this.codeArrays = update.arrays.codes
      this.segmentOf = update.arrays.segmentOf
      this.offsets = update.arrays.offsets
      this.lengths = update.arrays.lengths
    }
    this.dictionary.adopt(update.dictionaryFrom, update.dictionary)
    this.segments.adoptHandles(update.segmentsFrom, update.segments)
    this.count = update.size
    this.changeCount = update.version
  }

  /** Forgets everything, and removes the temporary text files. */
  clear(): void {
    const version = this.changeCount
    const generation = this.clearCount
    this.segments.dispose()
    // Take a fresh store's state, but a duplicate check that reads this store, not the fresh one.
    Object.assign(this, new EventStore(this.spillRoot))
    this.duplicates = new DuplicateCheck(this)
    this.changeCount = version + 1
    this.clearCount = generation + 1
  }

  /**
   * The event's original JSON bytes, read back from its segment (a view of a recently read
   * block, or a buffer of its own; valid as long as it is referenced, never overwritten).
   * Throws SpillError, saying why, if the temporary file cannot be read.
   */
  bytes(id: number): Uint8Array {
    return this.segments.read(this.segmentOf[id], this.offsets[id], this.lengths[id])
  }

  /** Where each event's bytes are (valid for [0, size)), a reader of segment ranges and the segments' descriptors, for scans. */
  textLayout(): TextLayout {
    return { segmentOf: this.segmentOf, offsets: this.offsets, lengths: this.lengths, readInto: (s, o, l, t) => this.segments.readInto(s, o, l, t), fds: () => this.segments.handles().map((h) => h.fd) }
  }

  /** The one accessor of an event's bytes for content comparisons (dedupe): same as bytes(). */
  eventBytes(id: number): Uint8Array {
    return this.bytes(id)
  }

  /** The event's original JSON text. */
  text(id: number): string {
    return decoder.decode(this.bytes(id))
  }

  /** Parses the event's JSON (for the rows on screen and for queries on arbitrary fields). */
  parsed(id: number): Record<string, unknown> {
    return JSON.parse(this.text(id)) as Record<string, unknown>
  }

  row(id: number): EventRow {
    const row = rowOf(id, this.parsed(id))
    if (this.isIdCollision(id)) row.idCollision = true
    return row
  }

  /** The file an event came from. */
  fileOfEvent(id: number): string {
    return this.fileNames[this.fileOf[id]] ?? ''
  }

  /** The id addFile gave the file an event came from. */
  fileIdOfEvent(id: number): number {
    return this.fileOf[id]
  }

  /** eventTime of every event, ms; NaN where absent. Length may exceed size: read [0, size). */
  get times(): Float64Array {
    return this.timeArray
  }

  /** readOnly of every event: 0 absent, 1 true, 2 false. */
  get readOnly(): Uint8Array {
    return this.readOnlyArray
  }

  /** Codes of a column for every event; decode with `value(code)`. Length may exceed size. */
  codes(column: StringColumn): Uint32Array {
    return this.codeArrays[STRING_COLUMNS.indexOf(column)]
  }

  /** The string of a dictionary code ('' means absent). */
  value(code: number): string {
    return this.dictionary.value(code)
  }

  /** The code of a string, or -1 when no event has it in any column. */
  codeOf(value: string): number {
    return this.dictionary.codeOf(value)
  }

  /** Number of distinct strings across all columns (codes are below this). */
  get dictionarySize(): number {
    return this.dictionary.size
  }

  /** The store's codes for a sender's strings (appending to `into`, a sender's running table). */
  internAll(strings: readonly string[], into?: Uint32Array, from = 0): Uint32Array {
    return this.dictionary.internAll(strings, into, from)
  }

  private reserve(needed: number): void {
    this.segmentOf = grown(this.segmentOf, needed)
    this.offsets = grown(this.offsets, needed)
    this.lengths = grown(this.lengths, needed)
    this.fileOf = grown(this.fileOf, needed)
    this.timeArray = grown(this.timeArray, needed)
    this.readOnlyArray = grown(this.readOnlyArray, needed)
    this.duplicates.reserve(needed)
    this.codeArrays = this.codeArrays.map((codes) => grown(codes, needed))
  }
}
