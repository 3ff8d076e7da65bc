// One event's text as the matcher reads it, each form made on first use and kept for every rule
// that asks: the bytes, each field read from them (by the field's slot number: a Map keyed by
// field name per event cost more than the reads it saved), the same as a one-byte string
// (latin1: byte i is character i) and its lowercase, for native substring search, and last the
// parsed JSON. Byte checks can only rule a test out, and only when the text holds
// no escape: a backslash, or the two characters whose lowercase is ASCII (the Kelvin sign, a
// dotted capital I), could make the bytes differ from what the values say.

import type { Needle } from './value-matchers'
import { EventFields } from './byte-path'

const decoder = new TextDecoder()

/** Where an event's bytes are after read(id): buffer[start, end). */
export interface EventBytes {
  read(id: number): void
  buffer: Buffer
  start: number
  end: number
}

/**
 * Events read through `bytes(id)` (a store's own read): consecutive events usually lie in the
 * same block, whose Buffer is then kept rather than made per event.
 */
export class StoreBytes implements EventBytes {
  buffer: Buffer = Buffer.alloc(0)
  start = 0
  end = 0
  constructor(private readonly bytes: (id: number) => Uint8Array) {}
  read(id: number): void {
    const bytes = this.bytes(id)
    if (bytes.buffer !== this.buffer.buffer) this.buffer = Buffer.from(bytes.buffer)
    this.start = bytes.byteOffset
    this.end = bytes.byteOffset + bytes.byteLength
  }
}

export class EventText {
  /** The whole buffer the event's bytes lie in (a block of the store's text, shared by many events). */
  private buffer: Buffer = Buffer.alloc(0)
  private start = 0
  private end = -1
  private latin: string | null = null
  private lower: string | null = null
  private escapedFlag = -1
  private parsedValue: unknown = undefined
  /** Per field slot: whether its key is absent from the event whose serial is in `keyStamps`. */
  private keyAbsent: Uint8Array
  private keyStamps: Int32Array
  /** Per field slot: its values in the event whose serial is in `stamps` (else not read yet). */
  private slotValues: (unknown[] | null)[]
  private stamps: Int32Array
  private serial = 0
  private reader = new EventFields()
  private readerSet = false

  constructor(private readonly bytes: EventBytes, slots: number) {
    this.slotValues = new Array<unknown[] | null>(slots).fill(null)
    this.stamps = new Int32Array(slots).fill(-1)
    this.keyAbsent = new Uint8Array(slots)
    this.keyStamps = new Int32Array(slots).fill(-1)
  }

  id = -1

  /** Starts on another event; nothing is read until asked for. */
  reset(id: number): void {
    this.id = id
    this.end = -1
    this.latin = null
    this.lower = null
    this.escapedFlag = -1
    this.parsedValue = undefined
    this.serial = (this.serial + 1) & 0x3fffffff
    this.readerSet = false
  }

  /**
   * Reads the event: its bytes are buffer[start, end), in a buffer shared by many events (the
   * field reader's scanner is kept with it): allocations per event were a fifth of the
   * matcher's time, in the collector.
   */
  private raw(): Buffer {
    if (this.end < 0) {
      const bytes = this.bytes
      bytes.read(this.id)
      this.buffer = bytes.buffer
      this.start = bytes.start
      this.end = bytes.end
    }
    return this.buffer
  }

  private text(): string {
    return (this.latin ??= this.raw().toString('latin1', this.start, this.end))
  }

  /** Whether byte checks cannot be trusted on this event (see the file's comment). */
  get escaped(): boolean {
    if (this.escapedFlag < 0) {
      // On the latin1 text, the UTF-8 bytes of U+212A and U+0130 read as these characters.
      const t = this.text()
      this.escapedFlag = t.includes('\\') || t.includes('\u00e2\u0084\u00aa') || t.includes('\u00c4\u00b0') ? 1 : 0
    }
    return this.escapedFlag === 1
  }

  /**
   * Whether `key"` never occurs in the text, so no member of the event has that name (unless
   * escaped); nor a dotted one ending with it (`"userIdentity.arn"`, which the Sigma path
   * `userIdentity.arn` also reaches: its text holds `arn"` but not `"arn"`). Kept per field slot.
   */
  lacksKey(slot: number, key: string): boolean {
    if (this.keyStamps[slot] === this.serial) return this.keyAbsent[slot] === 1
    const result = !this.escaped && !this.text().includes(`${key}"`)
    this.keyStamps[slot] = this.serial
    this.keyAbsent[slot] = result ? 1 : 0
    return result
  }

  /** Whether the text contains none of the needles (unless escaped): the value test cannot hold. */
  lacksAll(needles: readonly Needle[]): boolean {
    if (this.escaped) return false
    for (const n of needles) {
      if (n.caseless ? (this.lower ??= this.text().toLowerCase()).includes(n.lowerText) : this.text().includes(n.text)) return false
    }
    return true
  }

  /**
   * The values of a field read from the bytes (byte-path.ts), without parsing the event; null
   * when that walk declines: then ask parsed().
   */
  valuesAt(slot: number, path: readonly Uint8Array[]): unknown[] | null {
    if (this.parsedValue !== undefined) return null
    if (this.stamps[slot] === this.serial) return this.slotValues[slot]
    if (!this.readerSet) {
      this.reader.reset(this.raw(), this.start, this.end)
      this.readerSet = true
    }
    const values = this.reader.valuesAt(path)
    this.slotValues[slot] = values
    this.stamps[slot] = this.serial
    return values
  }

  /** The parsed event (throws if the text is not JSON, which the store never holds). */
  parsed(): unknown {
    if (this.parsedValue === undefined) {
      this.parsedValue = JSON.parse(decoder.decode(this.raw().subarray(this.start, this.end)))
    }
    return this.parsedValue
  }
}
