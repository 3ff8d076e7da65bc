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
  /** The whole buffer the event's bytes lie in (a block of the store's text, shared by many events). */
  private buffer: Buffer = Buffer.alloc(0)
  private start = 0
  private end = -1
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
    this.end = -1
    this.latin = null
    this.lower = null
    this.escapedFlag = -1
    this.parsedValue = undefined
    if (this.keys.size > 0) this.keys.clear()
    if (this.fields.size > 0) this.fields.clear()
    this.readerSet = false
  }

  /**
   * Reads the event: its bytes are buffer[start, end). Consecutive events usually lie in the
   * same block, whose Buffer (and the field reader's scanner) is then kept rather than made
   * per event: allocations per event were a fifth of the matcher's time, in the collector.
   */
  private raw(): Buffer {
    if (this.end < 0) {
      const bytes = this.read(this.id)
      if (bytes.buffer !== this.buffer.buffer) this.buffer = Buffer.from(bytes.buffer)
      this.start = bytes.byteOffset
      this.end = bytes.byteOffset + bytes.byteLength
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
        this.reader.reset(this.raw(), this.start, this.end)
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
      this.parsedValue = JSON.parse(decoder.decode(this.raw().subarray(this.start, this.end)))
    }
    return this.parsedValue
  }
}
