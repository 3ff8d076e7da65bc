// Finds the events in one JSON value by its structure alone, whatever wraps them: delivery
// files ({"Records":[...]}), arrays, single events, EventBridge envelopes (the event is
// `detail`), rule-test harnesses ([{"data":{"Records":[...]}}]) and lookup-events output (the
// event is the CloudTrailEvent string). An object is an event when it has one of eventTime,
// eventName, eventSource or eventID among its own keys; anything else is looked inside.
//
// One pass over the bytes: each object's members are walked once, descending into container
// values as they come (so a wrapper is never scanned twice). What was found inside an object
// that then shows an event key is taken back, and the rest of that object is skipped at byte speed.

import { END, JsonScanner, badAt } from '../json-scanner'
import { Candidates, EMBEDDED, ORIGINAL } from './candidates'
import { KEY_DIGEST, KEY_EMBEDDED, KEY_EVENT, KEY_LIST, KEY_OPAQUE, classifyKey } from './keys'

const QUOTE = 0x22
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/**
 * Wrappers nest a few levels deep; beyond this, values are skipped unexamined. The walk
 * recurses, and hostile input ([[[[...) must not exhaust the stack.
 */
const MAX_WRAPPER_DEPTH = 48

export class EventWalker {
  private readonly b: Uint8Array

  constructor(
    private readonly scan: JsonScanner,
    readonly found: Candidates,
  ) {
    this.b = scan.b
  }

  /** Walks the value at `i` (not whitespace); returns where it ends, or END / badAt(). */
  value(i: number, n: number, depth: number): number {
    const c = this.b[i]
    if (c === OPEN_BRACE) return this.object(i, n, depth)
    if (c === OPEN_BRACKET) return this.array(i, n, depth, depth === 0)
    return this.scan.skipValue(i, n)
  }

  private object(start: number, n: number, depth: number): number {
    const { b, scan } = this
    const mark = this.found.count
    let i = scan.skipWhitespace(start + 1, n)
    if (i >= n) return END
    if (b[i] === CLOSE_BRACE) return i + 1
    for (;;) {
      if (b[i] !== QUOTE) return badAt(i)
      const keyStart = i + 1
      i = scan.skipString(i, n)
      if (i < 0) return END
      const key = classifyKey(b, keyStart, i - 1)
      i = scan.skipWhitespace(i, n)
      if (i >= n) return END
      if (b[i] !== COLON) return badAt(i)
      i = scan.skipWhitespace(i + 1, n)
      if (i >= n) return END
      if (key === KEY_EVENT) {
        // An event: whatever looked like one inside it so far was only part of it.
        this.found.truncate(mark)
        const end = scan.skipContainerFrom(i, n, 1)
        if (end >= 0) this.found.add(start, end, ORIGINAL)
        return end
      }
      const end = this.member(key, i, n, depth)
      if (end < 0) return end
      i = scan.skipWhitespace(end, n)
      if (i >= n) return END
      if (b[i] === CLOSE_BRACE) return i + 1
      if (b[i] !== COMMA) return badAt(i)
      i = scan.skipWhitespace(i + 1, n)
    }
  }

  /** Walks one member's value (at `i`) of an object that is not, so far, an event. */
  private member(key: number, i: number, n: number, depth: number): number {
    const { b, scan } = this
    const c = b[i]
    if (key === KEY_DIGEST && depth === 0) this.found.sawDigestKey = true
    if (c === QUOTE) {
      const end = scan.skipString(i, n)
      if (key === KEY_EMBEDDED && end >= 0) this.found.add(i, end, EMBEDDED)
      return end
    }
    if (key === KEY_OPAQUE || depth >= MAX_WRAPPER_DEPTH) return scan.skipValue(i, n)
    if (c === OPEN_BRACE) return this.object(i, n, depth + 1)
    if (c === OPEN_BRACKET) return this.array(i, n, depth + 1, key === KEY_LIST)
    return scan.skipValue(i, n)
  }

  /** `isList`: a top-level array or a Records/Events list, where `[]` means "no events". */
  private array(start: number, n: number, depth: number, isList: boolean): number {
    const { b, scan } = this
    let i = scan.skipWhitespace(start + 1, n)
    if (i >= n) return END
    if (b[i] === CLOSE_BRACKET) {
      if (isList) this.found.sawEmptyList = true
      return i + 1
    }
    for (;;) {
      const c = b[i]
      let end: number
      if (depth >= MAX_WRAPPER_DEPTH) end = scan.skipValue(i, n)
      else if (c === OPEN_BRACE) end = this.object(i, n, depth + 1)
      else if (c === OPEN_BRACKET) end = this.array(i, n, depth + 1, false)
      else end = scan.skipValue(i, n)
      if (end < 0) return end
      i = scan.skipWhitespace(end, n)
      if (i >= n) return END
      if (b[i] === CLOSE_BRACKET) return i + 1
      if (b[i] === COMMA) i = scan.skipWhitespace(i + 1, n)
      // A missing comma between two objects is let pass: hand-joined exports have it (one of
      // the cloudtrail2sightings samples), and each event is still parsed strictly on its own.
      else if (b[i] !== OPEN_BRACE) return badAt(i)
      if (i >= n) return END
    }
  }
}
