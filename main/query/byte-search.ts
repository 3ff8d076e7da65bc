// Case-insensitive search of the events' original bytes, without decoding them as UTF-8.
// Measured on 1.6 GB of events (1M, 2 cores): a JS Boyer-Moore-Horspool loop over the bytes
// takes 0.4 s for long needles but 1.3–2.1 s for 2–3 letter ones; V8's regexp engine over the
// same bytes seen as latin1 strings (a memcpy-speed conversion) takes 0.4–0.7 s whatever the
// needle. So needles are regexps over latin1 text, where one char is one byte (see MAX_SPAN for
// the size of the pieces, which matters more than anything else here).

import type { EventStore } from '../store/event-store'

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

/** Latin1 view of bytes [start, end) of an ArrayBuffer. */
function latin1(buffer: ArrayBufferLike, start: number, end: number): string {
  return Buffer.from(buffer, start, end - start).toString('latin1')
}

/**
 * Text searched per regexp call. Strings under V8's large-object threshold (128 KB) are born in
 * the young generation and die there cheaply; measured on 490 MB of events, 64 KB pieces search
 * in 0.2 s where 4 MB pieces take 1 s, most of it in full garbage collections of the big heap.
 */
const MAX_SPAN = 64 * 1024

/**
 * The candidates (ascending ids) whose bytes contain a match of `needle` (a 'g' regexp from
 * this module). Runs of candidates that sit close together in one buffer are searched as one
 * string, so a dense search costs one regexp pass over the text; sparse ones are searched one
 * event at a time so that the bytes between them are never copied.
 */
export function filterBytes(store: EventStore, candidates: Uint32Array, needle: RegExp): Uint32Array {
  const out = new Uint32Array(candidates.length)
  let found = 0
  // A window of candidates at a time: their bytes are read back from the text segments, and
  // holding every candidate's block at once would bring the whole text into memory.
  for (let from = 0; from < candidates.length; from += WINDOW) {
    found = filterWindow(store, candidates.subarray(from, from + WINDOW), needle, out, found)
  }
  return out.slice(0, found)
}

/** Candidates per window: ~25 MB of event text. */
const WINDOW = 16 * 1024

function filterWindow(store: EventStore, candidates: Uint32Array, needle: RegExp, out: Uint32Array, found: number): number {
  const n = candidates.length
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  const buffers: ArrayBufferLike[] = new Array(n)
  for (let k = 0; k < n; k++) {
    const bytes = store.bytes(candidates[k])
    buffers[k] = bytes.buffer
    starts[k] = bytes.byteOffset
    ends[k] = bytes.byteOffset + bytes.byteLength
  }
  let k = 0
  while (k < n) {
    // A group: following candidates in the same buffer, in order, within MAX_SPAN.
    let last = k
    let eventBytes = ends[k] - starts[k]
    while (
      last + 1 < n &&
      buffers[last + 1] === buffers[k] &&
      starts[last + 1] >= ends[last] &&
      ends[last + 1] - starts[k] <= MAX_SPAN
    ) {
      last++
      eventBytes += ends[last] - starts[last]
    }
    const span = ends[last] - starts[k]
    if (eventBytes * 4 >= span) {
      found = scanGroup(latin1(buffers[k], starts[k], ends[last]), starts[k], k, last, starts, ends, candidates, needle, out, found)
    } else {
      for (let j = k; j <= last; j++) {
        needle.lastIndex = 0
        if (needle.test(latin1(buffers[j], starts[j], ends[j]))) out[found++] = candidates[j]
      }
    }
    k = last + 1
  }
  return found
}

/** One pass of `needle` over a group's text, crediting each match to the event holding it. */
function scanGroup(
  text: string,
  base: number,
  first: number,
  last: number,
  starts: Float64Array,
  ends: Float64Array,
  candidates: Uint32Array,
  needle: RegExp,
  out: Uint32Array,
  found: number,
): number {
  let k = first
  needle.lastIndex = 0
  while (k <= last) {
    const from = starts[k] - base
    if (needle.lastIndex < from) needle.lastIndex = from
    const match = needle.exec(text)
    if (!match) break
    const at = match.index + base
    while (k <= last && ends[k] <= at) k++
    if (k > last) break
    if (at < starts[k]) {
      // Began before this candidate (in a gap, or across its start): search again from its start.
      needle.lastIndex = starts[k] - base
      continue
    }
    if (at + match[0].length <= ends[k]) {
      out[found++] = candidates[k]
      needle.lastIndex = ends[k] - base
      k++
    } else {
      // The match runs past this event's end; a shorter one may still start later inside it.
      needle.lastIndex = match.index + 1
    }
  }
  return found
}
