// Dictionary coding of a batch's string columns, keyed by the values' bytes. A trail repeats
// the same few hundred names, regions, principals and addresses millions of times; coding each
// through a Map<string, number> first made a string of it (a copy and an allocation) and then
// hashed that string. Here a value is hashed and compared where it lies in the file, four
// bytes at a time, and a string is made only the first time this thread meets the value.
//
// The table outlives a batch (one per thread; extraction is synchronous, so batches never
// interleave): values seen in earlier files are known at once. Batch-local codes are stamped
// with the batch's generation, so starting a batch costs nothing. Bytes and strings hash
// alike (a string by its UTF-16 code units, which are its bytes when it is ASCII), so a value
// given as bytes and the same value decoded from an escaped string get one code: the
// dictionary never holds a string twice.

import { STRING_COLUMNS } from '../store/parsed-batch'

/** Past this many distinct values the table starts over (at a batch's start), bounding memory. */
const MAX_ENTRIES = 1 << 18
const COLUMNS = STRING_COLUMNS.length

/** `Buffer#latin1Slice`: what toString('latin1', ...) ends in, without its argument handling. */
type Latin1 = { latin1Slice(start: number, end: number): string }
export const latin1 = (b: Buffer, start: number, end: number): string => (b as unknown as Latin1).latin1Slice(start, end)

function mix(h: number, word: number): number {
  h = Math.imul(h ^ word, 0x5bd1e995)
  return h ^ (h >>> 15)
}

/** Whether the `length` bytes at `a` in `va` equal those at `b` in `vb`, compared a word at a time. */
function same(va: DataView, a: number, vb: DataView, b: number, length: number): boolean {
  let k = 0
  for (; k + 4 <= length; k += 4) if (va.getUint32(a + k, true) !== vb.getUint32(b + k, true)) return false
  for (; k < length; k++) if (va.getUint8(a + k) !== vb.getUint8(b + k)) return false
  return true
}

/**
 * The fields of a slot: the value's hash, its entry + 1 (0: empty slot), where its bytes are in
 * the pool (-1: not ASCII, no bytes equal it), its length, and the batch stamp and code. All
 * in the slot: a hit reads one cache line and the pool (a table of 60,000 high-cardinality
 * values, keys and principals, is far past the L2 cache; a slot of [hash, entry] and a separate
 * entry record cost a dependent miss more per lookup).
 */
const HASH = 0, ENTRY = 1, AT = 2, LENGTH = 3, STAMP = 4, CODE = 5, STRIDE = 8
const FIRST_SLOTS = 1 << 12

export class ColumnCoder {
  /** The current batch's dictionary: code 0 is '' as in every ParsedBatch. */
  dictionary: string[] = ['']
  /** The table entry of each of the current batch's codes (code 0, '', has none). */
  private batchEntries: number[] = [-1]
  private generation = 0
  private resetsHeld = false
  /** The current batch's bytes. */
  private b: Buffer = Buffer.alloc(0)
  private view = new DataView(this.b.buffer)
  /** Open addressing, kept at most 70% full (linear probes stay within a line or two): STRIDE numbers a slot (see above). */
  private slots = new Int32Array(FIRST_SLOTS * STRIDE)
  private values: string[] = []
  private pool = new Uint8Array(1 << 16)
  private poolView = new DataView(this.pool.buffer)
  private poolUsed = 0
  /** Per column: where its previous value lay in the batch's bytes, and its code. */
  private readonly lastStart = new Int32Array(COLUMNS)
  private readonly lastLength = new Int32Array(COLUMNS).fill(-1)
  private readonly lastCode = new Int32Array(COLUMNS)

  /** `maxEntries`: past this many distinct values the table starts over (a parameter for tests). */
  constructor(private maxEntries = MAX_ENTRIES) {}

  /** Sets the bound (tests make it small, to start the table over within a few files). */
  limitEntries(maxEntries: number): void {
    this.maxEntries = maxEntries
  }

  /** Starts a batch over `data`: its dictionary is [''] until values are coded. */
  begin(data: Buffer): string[] {
    this.generation++
    this.dictionary = ['']
    this.batchEntries = [-1]
    this.b = data
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    this.lastLength.fill(-1)
    if (this.full && !this.resetsHeld) this.reset()
    return this.dictionary
  }

  /**
   * From now on the table starts over only when reset() is called: a parse worker resets it
   * between files, after sending what used the old thread codes (never between a file's
   * two attempts, the delivery read and the general one).
   */
  holdResets(): void {
    this.resetsHeld = true
  }

  /** Past the bound: the next begin() starts the table over (see threadCodes). */
  get full(): boolean {
    return this.values.length > this.maxEntries
  }

  /** Distinct values in the table: the thread codes in use are 1 .. size. */
  get size(): number {
    return this.values.length
  }

  /** The values of thread codes from + 1, from + 2, ...: what a receiver of thread codes has not seen yet. */
  valuesFrom(from: number): string[] {
    return this.values.slice(from)
  }

  /** Forgets every value: thread codes start again from 1. */
  reset(): void {
    this.slots = new Int32Array(FIRST_SLOTS * STRIDE)
    this.values = []
    this.poolUsed = 0
    this.lastLength.fill(-1)
  }

  /**
   * The thread code of each code of `dictionary`, the latest batch's (null for any other): a
   * value's place in the table + 1, the same in every batch until the table starts over. A
   * parse worker sends these, so the main thread maps each distinct value once per table, not
   * once per file, and no string is looked up again to find it (pack-job.ts).
   */
  threadCodes(dictionary: string[]): Uint32Array | null {
    if (dictionary !== this.dictionary) return null
    const codes = new Uint32Array(this.batchEntries.length)
    for (let k = 1; k < codes.length; k++) codes[k] = this.batchEntries[k] + 1
    return codes
  }

  /**
   * The code of column `column`'s value, the latin1 text of data[start, end) (which must be
   * ASCII). A value equal to the column's previous one (a file holds one account and region,
   * and runs of one name or caller) is known without hashing.
   */
  bytes(column: number, start: number, end: number): number {
    if (start === end) return 0
    const { b, view, slots } = this
    const length = end - start
    if (this.lastLength[column] === length && same(view, this.lastStart[column], view, start, length)) return this.lastCode[column]
    let h = length
    let i = start
    for (; i + 4 <= end; i += 4) h = mix(h, view.getUint32(i, true))
    let tail = 0
    for (let k = end - 1; k >= i; k--) tail = (tail << 8) | b[k]
    h = mix(h, tail)
    const mask = slots.length / STRIDE - 1
    let code: number
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const s = slot * STRIDE
      if (slots[s + ENTRY] === 0) {
        code = this.add(s, h, latin1(b, start, end), true)
        break
      }
      if (slots[s + HASH] === h && slots[s + LENGTH] === length && slots[s + AT] >= 0 && same(this.poolView, slots[s + AT], view, start, length)) {
        code = this.local(s)
        break
      }
    }
    this.lastStart[column] = start
    this.lastLength[column] = length
    this.lastCode[column] = code
    return code
  }

  /** The code of a string (a decoded value, or one from the JSON.parse path). */
  string(value: string): number {
    const length = value.length
    if (length === 0) return 0
    let h = length
    let high = 0
    let i = 0
    for (; i + 4 <= length; i += 4) {
      const c0 = value.charCodeAt(i), c1 = value.charCodeAt(i + 1), c2 = value.charCodeAt(i + 2), c3 = value.charCodeAt(i + 3)
      high |= c0 | c1 | c2 | c3
      h = mix(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24))
    }
    let tail = 0
    for (let k = length - 1; k >= i; k--) {
      tail = (tail << 8) | value.charCodeAt(k)
      high |= value.charCodeAt(k)
    }
    h = mix(h, tail)
    const slots = this.slots
    const mask = slots.length / STRIDE - 1
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const s = slot * STRIDE
      if (slots[s + ENTRY] === 0) return this.add(s, h, value, high < 0x80)
      if (slots[s + HASH] === h && this.values[slots[s + ENTRY] - 1] === value) return this.local(s)
    }
  }

  /** The batch code of the value in slot `s` (numbered on its first use in the batch). */
  private local(s: number): number {
    const slots = this.slots
    if (slots[s + STAMP] !== this.generation) {
      const entry = slots[s + ENTRY] - 1
      slots[s + STAMP] = this.generation
      slots[s + CODE] = this.dictionary.length
      this.dictionary.push(this.values[entry])
      this.batchEntries.push(entry)
    }
    return slots[s + CODE]
  }

  private add(s: number, hash: number, value: string, ascii: boolean): number {
    const entry = this.values.length
    this.values.push(value)
    const slots = this.slots
    slots[s + HASH] = hash
    slots[s + ENTRY] = entry + 1
    slots[s + AT] = ascii ? this.keep(value) : -1
    slots[s + LENGTH] = value.length
    slots[s + STAMP] = 0
    const code = this.local(s)
    if ((entry + 1) * 10 * STRIDE > slots.length * 7) this.rehash()
    return code
  }

  /** Copies an ASCII value's bytes into the pool; returns where. */
  private keep(value: string): number {
    if (this.poolUsed + value.length > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + value.length))
      bigger.set(this.pool.subarray(0, this.poolUsed))
      this.pool = bigger
      this.poolView = new DataView(bigger.buffer)
    }
    const at = this.poolUsed
    for (let k = 0; k < value.length; k++) this.pool[at + k] = value.charCodeAt(k)
    this.poolUsed = at + value.length
    return at
  }

  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    const mask = slots.length / STRIDE - 1
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s + ENTRY] === 0) continue
      const h = old[s + HASH]
      let slot = (h ^ (h >>> 16)) & mask
      while (slots[slot * STRIDE + ENTRY] !== 0) slot = (slot + 1) & mask
      slots.set(old.subarray(s, s + STRIDE), slot * STRIDE)
    }
    this.slots = slots
  }
}

/** The coder of this thread (a parse worker, or the main thread in tests): its table outlives a batch. */
export const threadCoder = new ColumnCoder()
