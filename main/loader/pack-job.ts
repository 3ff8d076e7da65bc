// Packs a job's batches (up to 64 files) into three buffers before they cross to the main
// thread, with their codes made the worker's thread codes (column-coder.ts) in the same copy.
// Measured on 200,000 realistic events in 24,192 files (a profile of each parse worker):
// transferring ~20 small typed arrays per file cost 1.3–1.5 s of ~12.9 s per worker (V8
// materialises an on-heap typed array's buffer to transfer it, and each is one more object to
// serialise), and a separate remap loop another 0.8 s. Each batch is copied in as soon as it
// is extracted, so the extraction's arrays are the thread's scratch arrays, reused file after
// file (batch-arrays.ts), and its codes are mapped by the coder's own table: no string is
// looked up again per file (a Map lookup for each of ~3 new codes per event, on the realistic
// corpus). The batches cross without their arrays: the message carries the three buffers and
// each batch's event count once (PackedColumns), and the receiver makes the batches' views
// (unpackColumns). Seventeen views per file were seventeen objects to serialise and again to
// deserialise: 0.35-0.54 s of CPU against 0.11-0.22 s for counts, measured on 400 messages
// of 64 files (the 1M corpus's 24,192 files), besides the garbage.

import { STRING_COLUMNS, type ParsedBatch } from '../store/parsed-batch'

const COLUMNS = STRING_COLUMNS.length

function grownTo<T extends Uint32Array | Float64Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, 2 * array.length))
  bigger.set(array)
  return bigger
}

export class JobPacker {
  private starts = new Uint32Array(4096)
  private ends = new Uint32Array(4096)
  private columns = STRING_COLUMNS.map(() => new Uint32Array(4096))
  private times = new Float64Array(4096)
  private idHashes = new Float64Array(4096)
  private readOnly = new Uint8Array(4096)
  /** Events added since the last take, the batches they belong to (in order), and each one's count. */
  private used = 0
  private batches: ParsedBatch[] = []
  private counts: number[] = []

  /**
   * Copies `batch`'s arrays (which the thread's next extraction may overwrite), its codes
   * mapped through `codes` (a code of the batch's dictionary -> its thread code).
   */
  add(batch: ParsedBatch, codes: Uint32Array): void {
    const n = batch.starts.length
    const at = this.used
    const needed = at + n
    if (needed > this.starts.length) {
      this.starts = grownTo(this.starts, needed)
      this.ends = grownTo(this.ends, needed)
      this.columns = this.columns.map((column) => grownTo(column, needed))
      this.times = grownTo(this.times, needed)
      this.idHashes = grownTo(this.idHashes, needed)
      this.readOnly = grownTo(this.readOnly, needed)
    }
    this.starts.set(batch.starts, at)
    this.ends.set(batch.ends, at)
    this.times.set(batch.times, at)
    this.idHashes.set(batch.idHashes, at)
    this.readOnly.set(batch.readOnly, at)
    for (let c = 0; c < COLUMNS; c++) {
      const target = this.columns[c]
      const source = batch.columns[c]
      for (let i = 0; i < n; i++) target[at + i] = codes[source[i]]
    }
    this.used = needed
    // Nothing may read the old arrays (they are the next file's): the batch holds none till take().
    Object.assign(batch, { starts: EMPTY_U32, ends: EMPTY_U32, times: EMPTY_F64, idHashes: EMPTY_F64, readOnly: EMPTY_U8, columns: [], dictionary: [] })
    this.batches.push(batch)
    this.counts.push(n)
  }

  /**
   * Puts the batches added since the last take on buffers of their exact size (u32: starts,
   * ends, then the columns; f64: times, idHashes; u8: readOnly); returns them with each batch's
   * count (the batches themselves hold empty arrays until unpackColumns), and what to transfer.
   */
  take(): { packed: PackedColumns; transfer: ArrayBuffer[] } {
    const total = this.used
    const u32 = new Uint32Array(total * (2 + COLUMNS))
    const f64 = new Float64Array(total * 2)
    const u8 = new Uint8Array(total)
    u32.set(this.starts.subarray(0, total))
    u32.set(this.ends.subarray(0, total), total)
    for (let c = 0; c < COLUMNS; c++) u32.set(this.columns[c].subarray(0, total), (2 + c) * total)
    f64.set(this.times.subarray(0, total))
    f64.set(this.idHashes.subarray(0, total), total)
    u8.set(this.readOnly.subarray(0, total))
    const transfer: ArrayBuffer[] = [u32.buffer, f64.buffer, u8.buffer]
    for (const batch of this.batches) {
      if (batch.text.length > 0) {
        batch.text = ownBuffer(batch.text)
        transfer.push(batch.text.buffer as ArrayBuffer)
      }
    }
    const packed: PackedColumns = { u32, f64, u8, counts: this.counts }
    this.used = 0
    this.batches = []
    this.counts = []
    return { packed, transfer: [...new Set(transfer)] }
  }
}

/** A take()'s buffers, and the event count of each batch packed, in the order they were added. */
export interface PackedColumns {
  u32: Uint32Array
  f64: Float64Array
  u8: Uint8Array
  counts: number[]
}

/**
 * On the receiving side: gives `batches` (those packed, in the order they were added) their
 * arrays, as views of the packed buffers. Throws when the batches do not match the counts (a
 * bug: the columns would otherwise be given to the wrong file's events).
 */
export function unpackColumns(batches: ParsedBatch[], packed: PackedColumns): void {
  const { u32, f64, u8, counts } = packed
  if (batches.length !== counts.length) throw new Error(`internal error: ${batches.length} batches for ${counts.length} packed counts`)
  const total = u8.length
  let at = 0
  for (let b = 0; b < batches.length; b++) {
    const n = counts[b]
    const columns: Uint32Array[] = []
    for (let c = 0; c < COLUMNS; c++) columns.push(u32.subarray((2 + c) * total + at, (2 + c) * total + at + n))
    Object.assign(batches[b], {
      starts: u32.subarray(at, at + n),
      ends: u32.subarray(total + at, total + at + n),
      times: f64.subarray(at, at + n),
      idHashes: f64.subarray(total + at, total + at + n),
      readOnly: u8.subarray(at, at + n),
      columns,
    })
    at += n
  }
  if (at !== total) throw new Error(`internal error: packed counts sum to ${at} of ${total} events`)
}

const EMPTY_U32 = new Uint32Array(0)
const EMPTY_F64 = new Float64Array(0)
const EMPTY_U8 = new Uint8Array(0)

/**
 * Text still sent in memory (no segment folder) must be a buffer of its own: Node's shared
 * allocation pool must not be transferred (that would detach the pool), so pooled ones are copied.
 */
function ownBuffer(view: Uint8Array): Uint8Array {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view
  return new Uint8Array(view)
}
