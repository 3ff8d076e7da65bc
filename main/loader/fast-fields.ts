// Reads the few fields a batch needs straight from an event's bytes, without JSON.parse: one
// walk over the event's top-level members (and into userIdentity, its sessionContext's
// sessionIssuer and resources[0]), every other value skipped — and validated — by the strict
// scanner. JSON.parse of each event and rowOf were a third of a parse worker's time (objects
// for ~40 keys, of which a dozen are read); this walk allocates nothing but new strings.
//
// The result must equal rowOf/userOf/principalIdOf of the parsed event (event-fields.ts),
// exactly: the list and the filters read the store's columns, the detail pane re-derives from
// JSON.parse. So walk() declines — "parse this one as before" — anything whose value it does
// not derive the same way by construction (see member()): a key seen twice (JSON.parse keeps
// the last), an escape in a key, a number or boolean where a string is read (String() of a
// number is not its text), a non-event, invalid JSON. None of the 13,204 events of the real
// logs in the tests is declined.

import { latin1 } from './column-coder'
import { FAIL, FALSE, NULL, StrictScanner, TRUE } from './strict-scanner'

// Field ids, one bit each in a mask. Every id belongs to one object of the event, and each of
// those objects is walked at most once, so a bit set twice is a duplicate key.
const EVENT_TIME = 0, EVENT_NAME = 1, EVENT_SOURCE = 2, AWS_REGION = 3, SOURCE_IP = 4, ERROR_CODE = 5
const RECIPIENT = 6, EVENT_ID = 7, EVENT_TYPE = 8, READ_ONLY = 9, USER_IDENTITY = 10, RESOURCES = 11
const ID_TYPE = 12, USER_NAME = 13, ARN = 14, PRINCIPAL_ID = 15, ACCOUNT_ID = 16, ACCESS_KEY = 17
const INVOKED_BY = 18, SESSION_CONTEXT = 19, SESSION_ISSUER = 20, ISSUER_NAME = 21, RESOURCE_TYPE = 22
const FIELDS = 23
/** Fields read as str() reads them: their strings are kept as spans. */
const STRING_FIELDS = ((1 << FIELDS) - 1) & ~((1 << READ_ONLY) | (1 << USER_IDENTITY) | (1 << RESOURCES) | (1 << SESSION_CONTEXT) | (1 << SESSION_ISSUER))
/** isEvent() of batch-builder: the object has one of these keys (whatever their values). */
const EVENT_KEYS = (1 << EVENT_TIME) | (1 << EVENT_NAME) | (1 << EVENT_SOURCE) | (1 << EVENT_ID)

// Objects walked member by member; everything else is skipped.
const EVENT = 0, IDENTITY = 1, SESSION = 2, ISSUER = 3, RESOURCE = 4
/** Where each object-valued field leads. */
const LEVEL_OF: Record<number, number> = { [USER_IDENTITY]: IDENTITY, [SESSION_CONTEXT]: SESSION, [SESSION_ISSUER]: ISSUER }

/** The first four bytes of a key as a little-endian word (fewer are zero-padded). */
function headOf(b: Uint8Array, view: DataView, start: number, length: number): number {
  if (length >= 4) return view.getUint32(start, true)
  let word = 0
  for (let k = length - 1; k >= 0; k--) word = (word << 8) | b[start + k]
  return word
}

/**
 * The keys of each walked object. A key is matched by its length and its first and last four
 * bytes, read as two words (and, past eight bytes, the bytes between): two integer compares
 * per candidate of its length instead of a byte loop against each, which was a sixth of the
 * walk. (A hash table of the keys measured slower: most keys have a length no field has.)
 */
class KeyTable {
  private readonly byLength: { head: number; tail: number; codes: Uint8Array; id: number }[][] = []

  constructor(keys: Record<string, number>) {
    for (const [key, id] of Object.entries(keys)) {
      const codes = Buffer.from(key, 'latin1')
      const view = new DataView(codes.buffer, codes.byteOffset, codes.length)
      const head = headOf(codes, view, 0, codes.length)
      const tail = codes.length >= 4 ? view.getUint32(codes.length - 4, true) : head
      ;(this.byLength[key.length] ??= []).push({ head, tail, codes, id })
    }
  }

  find(b: Uint8Array, view: DataView, start: number, end: number): number {
    const length = end - start
    const group = this.byLength[length]
    if (group === undefined) return -1
    const head = headOf(b, view, start, length)
    const tail = length >= 4 ? view.getUint32(end - 4, true) : head
    next: for (let g = 0; g < group.length; g++) {
      const key = group[g]
      if (key.head !== head || key.tail !== tail) continue
      for (let k = 4; k < length - 4; k++) if (b[start + k] !== key.codes[k]) continue next
      return key.id
    }
    return -1
  }
}

const KEYS: KeyTable[] = [
  new KeyTable({
    eventTime: EVENT_TIME, eventName: EVENT_NAME, eventSource: EVENT_SOURCE, awsRegion: AWS_REGION,
    sourceIPAddress: SOURCE_IP, errorCode: ERROR_CODE, recipientAccountId: RECIPIENT, eventID: EVENT_ID,
    eventType: EVENT_TYPE, readOnly: READ_ONLY, userIdentity: USER_IDENTITY, resources: RESOURCES,
  }),
  new KeyTable({
    type: ID_TYPE, userName: USER_NAME, arn: ARN, principalId: PRINCIPAL_ID, accountId: ACCOUNT_ID,
    accessKeyId: ACCESS_KEY, invokedBy: INVOKED_BY, sessionContext: SESSION_CONTEXT,
  }),
  new KeyTable({ sessionIssuer: SESSION_ISSUER }),
  new KeyTable({ userName: ISSUER_NAME }),
  new KeyTable({ type: RESOURCE_TYPE }),
]

/**
 * Longer events are parsed: past ~512 MiB their text is too long for a string, and the parse
 * path is what reports that (the reader alone would not notice).
 */
export const MAX_READ_BYTES = 1 << 28

const QUOTE = 0x22
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const bit = (id: number): number => 1 << id

/** The raw values of one event: string spans by field id, and readOnly. Filled by walk(). */
export class EventFieldWalk {
  readonly scan: StrictScanner
  /** Fields whose key was seen; fields whose value was a string (its span below is valid). */
  seen = 0
  strings = 0
  /** Of those strings, the ones with an escape or a byte >= 0x80 (to be decoded, not sliced). */
  coded = 0
  /** Content of each string value, without its quotes. */
  readonly spanStart = new Int32Array(FIELDS)
  readonly spanEnd = new Int32Array(FIELDS)
  /** 0 absent or neither, 1 true, 2 false: as ParsedBatch.readOnly. */
  readOnly = 0

  private readonly view: DataView

  constructor(readonly b: Buffer) {
    this.scan = new StrictScanner(b)
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  }

  /** Walks the event in b[start, end); false when it must be parsed instead (see top). */
  walk(start: number, end: number): boolean {
    const i = this.scan.ws(start, end)
    if (i >= end || this.b[i] !== OPEN_BRACE) return false
    const after = this.walkFrom(i, end)
    return after >= 0 && this.scan.ws(after, end) === end
  }

  /** Walks the event whose { is at `start`, not past `limit`: returns where it ends, or FAIL. */
  walkFrom(start: number, limit: number): number {
    this.seen = this.strings = this.coded = this.readOnly = 0
    const end = this.object(start, limit, EVENT)
    return end >= 0 && (this.seen & EVENT_KEYS) !== 0 ? end : FAIL
  }

  /** `i` at the object's {: walks its members; returns where it ends, or FAIL. */
  private object(i: number, n: number, level: number): number {
    const { b, scan } = this
    const keys = KEYS[level]
    i = scan.ws(i + 1, n)
    if (i >= n) return FAIL
    if (b[i] === CLOSE_BRACE) return i + 1
    for (;;) {
      if (b[i] !== QUOTE) return FAIL
      const keyStart = i + 1
      i = scan.string(i, n)
      // An escaped key may spell a field's name: not worth decoding, so parse instead.
      if (i < 0 || !scan.plain) return FAIL
      const id = keys.find(b, this.view, keyStart, i - 1)
      i = scan.ws(i, n)
      if (i >= n || b[i] !== 0x3a) return FAIL
      i = scan.ws(i + 1, n)
      if (i >= n) return FAIL
      // The common cases inline (a string, wanted or not); member() and skip() are too big to.
      if (id < 0) i = b[i] === QUOTE ? scan.string(i, n) : scan.skip(i, n)
      else {
        if (this.seen & bit(id)) return FAIL
        this.seen |= bit(id)
        if ((STRING_FIELDS & bit(id)) !== 0 && b[i] === QUOTE) {
          const end = scan.string(i, n)
          if (end < 0) return FAIL
          this.spanStart[id] = i + 1
          this.spanEnd[id] = end - 1
          this.strings |= bit(id)
          if (!scan.plain) this.coded |= bit(id)
          i = end
        } else i = this.member(id, i, n)
      }
      if (i < 0) return FAIL
      i = scan.ws(i, n)
      if (i >= n) return FAIL
      if (b[i] === CLOSE_BRACE) return i + 1
      if (b[i] !== COMMA) return FAIL
      i = scan.ws(i + 1, n)
      if (i >= n) return FAIL
    }
  }

  /** One wanted member's value at `i`: returns where it ends, or FAIL. */
  private member(id: number, i: number, n: number): number {
    const { b, scan } = this
    const c = b[i]
    if (id === USER_IDENTITY || id === SESSION_CONTEXT || id === SESSION_ISSUER) {
      // obj(): only an object is looked into; anything else reads as absent.
      return c === OPEN_BRACE ? this.object(i, n, LEVEL_OF[id]) : scan.skip(i, n)
    }
    if (id === RESOURCES) return c === OPEN_BRACKET ? this.resources(i, n) : scan.skip(i, n)
    if (id === READ_ONLY) {
      // rowOf: true or 'true' is 1, false or 'false' is 2, anything else 0.
      if (c === 0x74) return (this.readOnly = 1), scan.literal(i, n, TRUE)
      if (c === 0x66) return (this.readOnly = 2), scan.literal(i, n, FALSE)
      if (c !== QUOTE) return scan.skip(i, n)
      const end = scan.string(i, n)
      if (end < 0 || !scan.plain) return FAIL // "tru\u0065" is "true"
      const length = end - i - 2
      this.readOnly = length === 4 && scan.literal(i + 1, end - 1, TRUE) > 0 ? 1 : length === 5 && scan.literal(i + 1, end - 1, FALSE) > 0 ? 2 : 0
      return end
    }
    // A string field whose value is not a string (strings are read in object()): str() of
    // null or a container is ''.
    if (c === 0x6e) return scan.literal(i, n, NULL)
    // The id hash's accountKey() is String(value) of a container, unlike str(): parse.
    if ((c === OPEN_BRACE || c === OPEN_BRACKET) && id !== RECIPIENT) return scan.skip(i, n)
    return FAIL // a number or boolean: str() would stringify it
  }

  /** firstResource(): resources[0] when it is an object; the rest is skipped. */
  private resources(i: number, n: number): number {
    const { b, scan } = this
    i = scan.ws(i + 1, n)
    if (i >= n) return FAIL
    if (b[i] === CLOSE_BRACKET) return i + 1
    for (let first = true; ; first = false) {
      i = first && b[i] === OPEN_BRACE ? this.object(i, n, RESOURCE) : scan.skip(i, n)
      if (i < 0) return FAIL
      i = scan.ws(i, n)
      if (i >= n) return FAIL
      if (b[i] === CLOSE_BRACKET) return i + 1
      if (b[i] !== COMMA) return FAIL
      i = scan.ws(i + 1, n)
      if (i >= n) return FAIL
    }
  }

  has(id: number): boolean {
    return (this.strings & bit(id)) !== 0 && this.spanEnd[id] > this.spanStart[id]
  }

  /** The string value of field `id` ('' when not a string), decoded as JSON.parse would. */
  text(id: number): string {
    if ((this.strings & bit(id)) === 0) return ''
    const start = this.spanStart[id]
    const end = this.spanEnd[id]
    if ((this.coded & bit(id)) === 0) return latin1(this.b, start, end)
    // With its quotes: UTF-8 decoding of a part equals that part of the whole text's decoding
    // (a quote is ASCII and ends any broken sequence), so this is the parse's own string.
    return JSON.parse(this.b.toString('utf8', start - 1, end + 1)) as string
  }
}

export {
  EVENT_TIME, EVENT_NAME, EVENT_SOURCE, AWS_REGION, SOURCE_IP, ERROR_CODE, RECIPIENT, EVENT_ID, EVENT_TYPE,
  ID_TYPE, USER_NAME, ARN, PRINCIPAL_ID, ACCOUNT_ID, ACCESS_KEY, INVOKED_BY, ISSUER_NAME, RESOURCE_TYPE,
}
