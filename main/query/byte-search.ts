// Case-insensitive search of the events' original bytes, without decoding them as UTF-8.
// Measured on 1.6 GB of events (1M, 2 cores): a JS Boyer-Moore-Horspool loop over the bytes
// takes 0.4 s for long needles but 1.3–2.1 s for 2–3 letter ones; V8's regexp engine over the
// same bytes seen as latin1 strings (a memcpy-speed conversion) takes 0.4–0.7 s whatever the
// needle. So needles are regexps over latin1 text, where one char is one byte (see segment-scan.ts for
// the size of the pieces, which matters more than anything else here: 64 KB strings are born
// in V8's young generation and die there cheaply, where 4 MB pieces took five times as long).

import type { EventStore } from '../store/event-store'
import { diskOrder, markEvents, NEEDLE_HIT } from './segment-scan'
import { scanHelper } from './scan-helper'

const hex = (byte: number): string => `\\x${byte.toString(16).padStart(2, '0')}`
const encoder = new TextEncoder()

/** The UTF-8 bytes of `text` as a regexp source over latin1 text. */
function bytesSource(text: string): string {
  let out = ''
  for (const byte of encoder.encode(text)) {
    const c = String.fromCharCode(byte)
    if (byte >= 0x61 && byte <= 0x7a) out += `[${c}${c.toUpperCase()}]`
    else if (byte >= 0x41 && byte <= 0x5a) out += `[${c.toLowerCase()}${c}]`
    else if (/[\w ]/.test(c) && byte < 0x80) out += c
    else out += hex(byte)
  }
  return out
}

/** A character's case variants: as typed, lower- and upper-cased (é, É). */
export function caseVariants(char: string): string[] {
  return [...new Set([char, char.toLowerCase(), char.toUpperCase()])]
}

/** A character as an ASCII-only JSON writer (Python's json) puts it: \u00e9, or a surrogate pair. */
export function unicodeEscape(char: string): string {
  let out = ''
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`
  return out
}

/**
 * A regexp source matching `text` in raw event bytes, ASCII letters in either case. Other
 * letters match in their case variants, raw or \u-escaped. No `i` flag on purpose: over latin1
 * text it would also fold bytes of UTF-8 sequences into each other (0xC3 and 0xE3).
 */
export function foldedSource(text: string): string {
  let out = ''
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) out += bytesSource(char)
    else out += `(?:${caseVariants(char).flatMap((v) => [bytesSource(v), bytesSource(unicodeEscape(v))]).join('|')})`
  }
  return out
}

/** Text as it may appear inside a JSON string: as typed, or with JSON's escapes (\" \\ \n...). */
export function jsonForms(text: string): string[] {
  const escaped = JSON.stringify(text).slice(1, -1)
  return escaped === text ? [text] : [text, escaped]
}

/** A needle for a literal anywhere in the JSON text (either of its JSON forms). */
export function literalNeedle(text: string): RegExp {
  return new RegExp(jsonForms(text).map(foldedSource).join('|'), 'g')
}

/** Bytes of text from which a search is split with the helper thread (scan-helper.ts). */
const SPLIT_FROM_BYTES = 16 * 1024 * 1024
let splitFromBytes = SPLIT_FROM_BYTES

/** For tests and the bench: split even small searches (0), never (Infinity), or as usual (no argument). */
export function splitSearchesFrom(bytes = SPLIT_FROM_BYTES): void {
  splitFromBytes = bytes
}

/**
 * Per candidate (ascending ids), NEEDLE_HIT when its bytes hold a match of `needle` (a 'g'
 * regexp from this module) and LITERAL_HIT when they hold one of `literals` (see markEvents).
 * The bytes are read in disk order, a region at a time (segment-scan.ts), and each piece of
 * whole events is searched as one string: a dense search costs one regexp pass over the text.
 * A large search is split by bytes with the helper thread.
 */
export function searchBytes(store: EventStore, candidates: Uint32Array, needle: RegExp | null, literals: readonly string[] = []): Uint8Array {
  const layout = store.textLayout()
  const flags = new Uint8Array(candidates.length)
  const order = diskOrder(layout, candidates)
  let total = 0
  for (let k = 0; k < candidates.length; k++) total += layout.lengths[candidates[k]]
  const helper = total >= splitFromBytes && candidates.length > 1 ? scanHelper() : null
  if (!helper) {
    markEvents(layout, candidates, order, needle, literals, flags)
    return flags
  }
  // The first half of the bytes here, the second in the helper.
  let split = 0
  for (let bytes = 0; split < order.length && bytes * 2 < total; split++) bytes += layout.lengths[candidates[order[split]]]
  const theirs = order.subarray(split)
  const answer = helper.post(layout, candidates, theirs, needle, literals)
  markEvents(layout, candidates, order.subarray(0, split), needle, literals, flags)
  const helperFlags = answer()
  if (helperFlags) {
    for (let j = 0; j < theirs.length; j++) flags[theirs[j]] = helperFlags[j]
  } else {
    markEvents(layout, candidates, theirs, needle, literals, flags)
  }
  return flags
}

/** The candidates whose flags (from searchBytes) have one of the bits of `mask`. */
export function withFlags(candidates: Uint32Array, flags: Uint8Array, mask: number): Uint32Array {
  let found = 0
  for (let k = 0; k < flags.length; k++) if (flags[k] & mask) found++
  const out = new Uint32Array(found)
  for (let k = 0, n = 0; k < flags.length; k++) if (flags[k] & mask) out[n++] = candidates[k]
  return out
}

/** The candidates (ascending ids) whose bytes contain a match of `needle`. */
export function filterBytes(store: EventStore, candidates: Uint32Array, needle: RegExp): Uint32Array {
  return withFlags(candidates, searchBytes(store, candidates, needle), NEEDLE_HIT)
}
