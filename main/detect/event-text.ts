// One event's text as the matcher reads it, each form made on first use and kept for every rule
// that asks: the bytes, the same as a one-byte string (latin1: byte i is character i) and its
// lowercase, for native substring search (a byte loop in JS was the matcher's largest cost),
// and last the parsed JSON. Byte checks can only rule a test out, and only when the text holds
// no escape: a backslash, or the two characters whose lowercase is ASCII (the Kelvin sign, a
// dotted capital I), could make the bytes differ from what the values say.

import type { Needle } from './value-matchers'
import { EventFields } from './byte-path'

const decoder = new TextDecoder()

export class EventText {
  private bytes: Uint8Array | null = null
  private buffer: Buffer | null = null
  private latin: string | null = null
  private lower: string | null = null
  private escapedFlag = -1
  private parsedValue: unknown = undefined
  private keys = new Map<string, boolean>()
  private fields = new Map<string, unknown[] | null>()
  private reader = new EventFields()
  private readerSet = false

  constructor(private readonly read: (id: number) => Uint8Array) {}

  id = -1

  /** Starts on another event; nothing is read until asked for. */
  reset(id: number): void {
    this.id = id
    this.bytes = null
    this.buffer = null
    this.latin = null
    this.lower = null
    this.escapedFlag = -1
    this.parsedValue = undefined
    if (this.keys.size > 0) this.keys.clear()
    if (this.fields.size > 0) this.fields.clear()
    this.readerSet = false
  }

  private raw(): Buffer {
    if (!this.buffer) {
      this.bytes = this.read(this.id)
      this.buffer = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)
    }
    return this.buffer
  }

  private text(): string {
    return (this.latin ??= this.raw().toString('latin1'))
  }

  /** Whether byte checks cannot be trusted on this event (see the file's comment). */
  get escaped(): boolean {
    if (this.escapedFlag < 0) {
      const b = this.raw()
      this.escapedFlag = b.indexOf(0x5c) >= 0 || b.indexOf('\u212a') >= 0 || b.indexOf('\u0130') >= 0 ? 1 : 0
    }
    return this.escapedFlag === 1
  }

  /** Whether `"key"` never occurs in the text, so no member of the event has that name (unless escaped). */
  lacksKey(key: string): boolean {
    let result = this.keys.get(key)
    if (result === undefined) {
      result = !this.escaped && !this.text().includes(`"${key}"`)
      this.keys.set(key, result)
    }
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
  valuesAt(field: string, path: readonly Uint8Array[]): unknown[] | null {
    if (this.parsedValue !== undefined) return null
    let values = this.fields.get(field)
    if (values === undefined) {
      if (!this.readerSet) {
        this.reader.reset(this.raw())
        this.readerSet = true
      }
      values = this.reader.valuesAt(path)
      this.fields.set(field, values)
    }
    return values
  }

  /** The parsed event (throws if the text is not JSON, which the store never holds). */
  parsed(): unknown {
    if (this.parsedValue === undefined) {
      this.raw()
      this.parsedValue = JSON.parse(decoder.decode(this.bytes!))
    }
    return this.parsedValue
  }
}
