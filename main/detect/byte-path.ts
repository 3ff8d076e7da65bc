// A rule's field read straight from an event's bytes, without JSON.parse: the event's top-level
// members are found once (one pass, every value skipped and validated by the loader's strict
// scanner), then each field's path is walked from its first member, and only the value at its
// end is made. JSON.parse of whole events was most of the matcher's time once the column checks
// had run (`sessionIssuer.type: Role` or `userAgent: TruffleHog` pass no column check).
//
// Soundness over completeness, as for the loader's field reader: an answer must equal valuesAt()
// (field-values.ts) of the parsed event, so anything this walk does not derive the same way by
// construction is declined (null: parse the event as before): a key with an escape (its raw
// bytes are not its name; a value with one is decoded by JSON.parse), an array on the way or at the end (valuesAt walks
// its elements), an object at the end (compared as its JSON text), a key seen twice in a walked
// object (JSON.parse keeps the last), a key that spells several steps of the path with its dots
// (valuesAt tries it as one key), paths of MAX_JSON_DEPTH steps or more, invalid JSON.

import { FAIL, StrictScanner } from '../loader/strict-scanner'
import { MAX_JSON_DEPTH } from '../../common/json-depth'

const QUOTE = 0x22
const COLON = 0x3a
const COMMA = 0x2c
const DOT = 0x2e
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
/** Top-level members remembered per event; an event with more is read by JSON.parse. */
const MAX_MEMBERS = 256
/**
 * Nested objects whose members are remembered per event, and members each: the rules read
 * several fields of one object (userIdentity.arn, .type, .sessionContext.sessionIssuer.type, in
 * almost every event), and walking the object once per field skipped its values again each
 * time. An object past either bound is walked per field, as before.
 */
const MAX_OBJECTS = 8
const MAX_OBJECT_MEMBERS = 64

/** A dotted path as the UTF-8 bytes of each step (a key without an escape is its UTF-8 bytes). */
export function pathBytes(path: readonly string[]): Uint8Array[] {
  return path.map((step) => Buffer.from(step, 'utf8'))
}

/** Whether `b[from, to)` holds a backslash (an escape). */
function hasEscape(b: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (b[k] === BACKSLASH) return true
  return false
}

/**
 * How key `b[at, at + length)` relates to `word`: 0 other, 1 equal, 2 `word.` and more, 3 it
 * has an escape (length -1: the caller knows it has none).
 */
function keyIs(b: Buffer, at: number, length: number, word: Uint8Array, escapes: boolean): number {
  if (escapes && hasEscape(b, at, at + length)) return 3
  if (length < word.length) return 0
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return 0
  return length === word.length ? 1 : b[at + word.length] === DOT ? 2 : 0
}

export class EventFields {
  /** The event is b[start, end): b is a block of many events, kept with its scanner while events come from it. */
  private b: Buffer = Buffer.alloc(0)
  private scanner = new StrictScanner(this.b)
  private start = 0
  private end = 0
  private scanned = false
  private ok = false
  private count = 0
  private readonly keyAt = new Int32Array(MAX_MEMBERS)
  private readonly keyLength = new Int32Array(MAX_MEMBERS)
  private readonly valueAt = new Int32Array(MAX_MEMBERS)
  /** Per member: 1 when its key is not plain ASCII (it may hold an escape). */
  private readonly keyOdd = new Uint8Array(MAX_MEMBERS)
  /** Nested objects tabled in this event: where each starts, and its members (-1: declined). */
  private objects = 0
  private readonly objectAt = new Int32Array(MAX_OBJECTS)
  private readonly objectCount = new Int32Array(MAX_OBJECTS)
  private readonly nestedKeyAt = new Int32Array(MAX_OBJECTS * MAX_OBJECT_MEMBERS)
  private readonly nestedKeyLength = new Int32Array(MAX_OBJECTS * MAX_OBJECT_MEMBERS)
  private readonly nestedValueAt = new Int32Array(MAX_OBJECTS * MAX_OBJECT_MEMBERS)
  private readonly nestedKeyOdd = new Uint8Array(MAX_OBJECTS * MAX_OBJECT_MEMBERS)

  /** Another event: its bytes are b[start, end). */
  reset(b: Buffer, start: number, end: number): void {
    if (b !== this.b) {
      this.b = b
      this.scanner = new StrictScanner(b)
    }
    this.start = start
    this.end = end
    this.scanned = false
    this.objects = 0
  }

  /** Finds the top-level members; false when the event is declined as a whole. */
  private scan(): boolean {
    if (this.scanned) return this.ok
    this.scanned = true
    this.ok = false
    const { b, scanner } = this
    const n = this.end
    let i = scanner.ws(this.start, n)
    if (b[i] !== OPEN_BRACE) return false
    let count = 0
    i = scanner.ws(i + 1, n)
    if (b[i] !== CLOSE_BRACE) {
      for (;;) {
        if (b[i] !== QUOTE || count === MAX_MEMBERS) return false
        const after = scanner.string(i, n)
        if (after === FAIL) return false
        this.keyAt[count] = i + 1
        this.keyLength[count] = after - i - 2
        this.keyOdd[count] = scanner.plain ? 0 : 1
        i = scanner.ws(after, n)
        if (b[i] !== COLON) return false
        i = scanner.ws(i + 1, n)
        this.valueAt[count++] = i
        if ((i = scanner.skip(i, n)) === FAIL) return false
        i = scanner.ws(i, n)
        if (b[i] === COMMA) i = scanner.ws(i + 1, n)
        else if (b[i] === CLOSE_BRACE) break
        else return false
      }
    }
    this.count = count
    return (this.ok = true)
  }

  /**
   * As member(), through the object's table of members, made on its first lookup in this event
   * (the same walk, recording every member; an object it declines is declined for every field).
   */
  private objectMember(i: number, word: Uint8Array): number {
    let o = 0
    while (o < this.objects && this.objectAt[o] !== i) o++
    if (o === this.objects) {
      if (o === MAX_OBJECTS) return this.member(i, word)
      this.objectAt[o] = i
      this.objectCount[o] = this.table(i, o * MAX_OBJECT_MEMBERS)
      this.objects++
    }
    const count = this.objectCount[o]
    if (count === -2) return this.member(i, word)
    if (count < 0) return -2
    const b = this.b
    const base = o * MAX_OBJECT_MEMBERS
    let found = -1
    for (let m = base; m < base + count; m++) {
      if (this.nestedKeyOdd[m] === 0 && word.length > 0 && b[this.nestedKeyAt[m]] !== word[0]) continue
      const is = keyIs(b, this.nestedKeyAt[m], this.nestedKeyLength[m], word, this.nestedKeyOdd[m] === 1)
      if (is >= 2 || (is === 1 && found >= 0)) return -2
      if (is === 1) found = this.nestedValueAt[m]
    }
    return found
  }

  /** Records the members of the object at `i` from `base` on: their count; -1 declined, -2 too many to record. */
  private table(i: number, base: number): number {
    const { b, scanner } = this
    const n = this.end
    let count = 0
    i = scanner.ws(i + 1, n)
    if (b[i] === CLOSE_BRACE) return 0
    for (;;) {
      if (b[i] !== QUOTE) return -1
      if (count === MAX_OBJECT_MEMBERS) return -2
      const after = scanner.string(i, n)
      if (after === FAIL) return -1
      const m = base + count++
      this.nestedKeyAt[m] = i + 1
      this.nestedKeyLength[m] = after - i - 2
      this.nestedKeyOdd[m] = scanner.plain ? 0 : 1
      i = scanner.ws(after, n)
      if (b[i] !== COLON) return -1
      i = scanner.ws(i + 1, n)
      this.nestedValueAt[m] = i
      if ((i = scanner.skip(i, n)) === FAIL) return -1
      i = scanner.ws(i, n)
      if (b[i] === COMMA) i = scanner.ws(i + 1, n)
      else if (b[i] === CLOSE_BRACE) return count
      else return -1
    }
  }

  /** Where the value of member `word` of the object at `i` starts; -1 absent, -2 declined. */
  private member(i: number, word: Uint8Array): number {
    const { b, scanner } = this
    const n = this.end
    let found = -1
    i = scanner.ws(i + 1, n)
    if (b[i] === CLOSE_BRACE) return -1
    for (;;) {
      if (b[i] !== QUOTE) return -2
      const after = scanner.string(i, n)
      if (after === FAIL) return -2
      const is = keyIs(b, i + 1, after - i - 2, word, !scanner.plain)
      if (is >= 2 || (is === 1 && found >= 0)) return -2
      i = scanner.ws(after, n)
      if (b[i] !== COLON) return -2
      i = scanner.ws(i + 1, n)
      if (is === 1) found = i
      if ((i = scanner.skip(i, n)) === FAIL) return -2
      i = scanner.ws(i, n)
      if (b[i] === COMMA) i = scanner.ws(i + 1, n)
      else if (b[i] === CLOSE_BRACE) return found
      else return -2
    }
  }

  /** The values at `path`: [] when absent, [value] when it ends at a scalar; null when declined. */
  valuesAt(path: readonly Uint8Array[]): unknown[] | null {
    if (path.length === 0 || path.length >= MAX_JSON_DEPTH || !this.scan()) return null
    const b = this.b
    let i = -1
    const first = path[0]
    for (let m = 0; m < this.count; m++) {
      // Most members differ in their first byte: one compare, without the call (an odd key may hide an escape).
      if (this.keyOdd[m] === 0 && first.length > 0 && b[this.keyAt[m]] !== first[0]) continue
      const is = keyIs(b, this.keyAt[m], this.keyLength[m], first, this.keyOdd[m] === 1)
      if (is >= 2 || (is === 1 && i >= 0)) return null
      if (is === 1) i = this.valueAt[m]
    }
    if (i < 0) return []
    for (let step = 1; step < path.length; step++) {
      if (b[i] !== OPEN_BRACE) return b[i] === OPEN_BRACKET ? null : []
      i = this.objectMember(i, path[step])
      if (i === -1) return []
      if (i === -2) return null
    }
    return this.scalarAt(i)
  }

  private scalarAt(i: number): unknown[] | null {
    const { b, scanner } = this
    const c = b[i]
    if (c === QUOTE) {
      const end = scanner.string(i, this.end)
      if (end === FAIL) return null
      if (scanner.plain) return [b.toString('latin1', i + 1, end - 1)]
      // Escapes are JSON's to decode (the scanner has checked them).
      return [hasEscape(b, i + 1, end - 1) ? (JSON.parse(b.toString('utf8', i, end)) as string) : b.toString('utf8', i + 1, end - 1)]
    }
    if (c === 0x74) return [true]
    if (c === 0x66) return [false]
    if (c === 0x6e) return [null]
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const end = scanner.number(i, this.end)
      return end === FAIL ? null : [Number(b.toString('latin1', i, end))]
    }
    return null
  }
}
