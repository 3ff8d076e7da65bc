// What a byte search looks for in the events' original bytes, without decoding them as UTF-8:
// a text in any of its JSON forms, ASCII letters in either case. A needle is kept as its forms
// (plain data: it crosses to the scan helper thread as is) and searched two ways: ASCII forms
// by the SIMD scanner (simd-find.ts) over the bytes where pread put them, anything else by a
// regexp over latin1 text, where one char is one byte (segment-scan.ts).

import { MAX_NEEDLE } from './simd-find'

/** Texts whose occurrence (case-insensitive for letters) is a match; one of them is enough. */
export interface Needle {
  forms: readonly string[]
}

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
export function literalNeedle(text: string): Needle {
  return { forms: jsonForms(text) }
}

/** Whether the SIMD scanner can search for the needle: every form ASCII, none empty or too long. */
export function isSimdNeedle(needle: Needle): boolean {
  // eslint-disable-next-line no-control-regex
  return needle.forms.every((form) => form.length > 0 && form.length <= MAX_NEEDLE && /^[\x00-\x7f]*$/.test(form))
}

/** The needle as a 'g' regexp over latin1 text (the path for needles the SIMD scanner does not take). */
export function needleRegExp(needle: Needle): RegExp {
  return new RegExp(needle.forms.map(foldedSource).join('|'), 'g')
}
