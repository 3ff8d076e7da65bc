// Reads a few top-level members of one event's JSON bytes without parsing the rest: a walk over
// the top-level keys (every other value skipped, and validated, by the loader's strict scanner),
// then JSON.parse of just the wanted values. userIdentity is ~300 bytes of a ~1.5 KB event, so
// identity work parses a fifth of what a whole-event parse would. Anything the walk does not
// accept (escaped keys, invalid JSON) falls back to JSON.parse of the whole event, which is the
// reference: the two must agree (tests/unit/identity-members.test.ts). The walk pays only when
// the wanted members come early (userIdentity, userAgent): for members spread over the whole
// event, parseEvent (JSON.parse of it all) is faster.

import { StrictScanner } from '../loader/strict-scanner'

type Json = Record<string, unknown>

const QUOTE = 0x22

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** The keys' bytes, for a compare without building strings (made once per list of keys: a dossier asks per event). */
const keyCache = new WeakMap<readonly string[], { wanted: Uint8Array[]; quoted: Buffer[] }>()
function keyBytes(keys: readonly string[]): { wanted: Uint8Array[]; quoted: Buffer[] } {
  let known = keyCache.get(keys)
  if (!known) {
    known = { wanted: keys.map((key) => Buffer.from(key, 'latin1')), quoted: keys.map((key) => Buffer.from(`"${key}"`, 'latin1')) }
    keyCache.set(keys, known)
  }
  return known
}

function sameBytes(b: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false
  return true
}

/**
 * The wanted top-level members of the event in `bytes` (absent keys are absent; a repeated key
 * keeps its last value, as JSON.parse does), or null when the bytes are not one JSON object.
 */
export function readMembers(bytes: Uint8Array, keys: readonly string[], stopEarly = false): Json | null {
  const b = asBuffer(bytes)
  const { wanted, quoted } = keyBytes(keys)
  let found = 0
  const scan = new StrictScanner(b)
  const n = b.length
  let i = scan.ws(0, n)
  if (i >= n || b[i] !== 0x7b) return wholeParse(b, keys)
  const out: Json = {}
  i = scan.ws(i + 1, n)
  if (i < n && b[i] === 0x7d) return out
  for (;;) {
    if (i >= n || b[i] !== QUOTE) return wholeParse(b, keys)
    const keyStart = i + 1
    i = scan.string(i, n)
    if (i < 0 || !scan.plain) return wholeParse(b, keys)
    const keyEnd = i - 1
    i = scan.ws(i, n)
    if (i >= n || b[i] !== 0x3a) return wholeParse(b, keys)
    i = scan.ws(i + 1, n)
    if (i >= n) return wholeParse(b, keys)
    const valueStart = i
    i = scan.skip(i, n)
    if (i < 0) return wholeParse(b, keys)
    for (let k = 0; k < wanted.length; k++) {
      if (!sameBytes(b, keyStart, keyEnd, wanted[k])) continue
      if (!(keys[k] in out)) found++
      out[keys[k]] = JSON.parse(b.toString('utf8', valueStart, i)) as unknown
    }
    // Every wanted key seen: the rest need not be walked if it cannot hold a second one (a
    // repeated key wins in JSON.parse), i.e. has neither a wanted key's quoted name nor an
    // escape that could spell one.
    if (stopEarly && found === wanted.length && !mayRepeat(b, i, quoted)) return out
    i = scan.ws(i, n)
    if (i >= n) return wholeParse(b, keys)
    if (b[i] === 0x7d) return scan.ws(i + 1, n) === n ? out : wholeParse(b, keys)
    if (b[i] !== 0x2c) return wholeParse(b, keys)
    i = scan.ws(i + 1, n)
  }
}

const ESCAPE = Buffer.from('\\u')

function mayRepeat(b: Buffer, from: number, quoted: readonly Buffer[]): boolean {
  if (b.indexOf(ESCAPE, from) >= 0) return true
  for (const key of quoted) if (b.indexOf(key, from) >= 0) return true
  return false
}

/**
 * The whole event, parsed by JSON.parse (null when the bytes are not one JSON object). For an
 * event whose wanted members lie all over it (a credential-issuing one: userIdentity first,
 * responseElements in the middle, recipientAccountId near the end), V8's native parse of the
 * whole text is faster than readMembers' walk in JS: on the 29,661 AssumeRole events of the
 * realistic 1M corpus (2 KB each), 340-480 ms against 930-970 ms, read included.
 */
export function parseEvent(bytes: Uint8Array): Json | null {
  let event: unknown
  try {
    event = JSON.parse(asBuffer(bytes).toString('utf8'))
  } catch {
    return null
  }
  return event === null || typeof event !== 'object' || Array.isArray(event) ? null : (event as Json)
}

function wholeParse(b: Buffer, keys: readonly string[]): Json | null {
  const event = parseEvent(b)
  if (!event) return null
  const out: Json = {}
  for (const key of keys) if (key in (event as Json)) out[key] = (event as Json)[key]
  return out
}

/** A plain object member, or null. */
export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null
}

/** A string member, or '' (numbers and containers are not names). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
