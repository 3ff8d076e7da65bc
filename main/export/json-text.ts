// Putting one event's JSON on one line without reparsing it. JSON.parse + JSON.stringify would
// round integers beyond 2^53 (some services log 64-bit ids as bare numbers) and rewrite numbers
// (1.0 -> 1) and escapes; working on the bytes keeps every token exactly as AWS wrote it and only
// drops the whitespace between tokens.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const SPACE = 0x20
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d

function isWhitespace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === LF || byte === CR
}

/** Whether the text has a line break anywhere (inside strings they are escaped, so: between tokens). */
export function hasLineBreak(bytes: Uint8Array): boolean {
  return bytes.includes(LF) || bytes.includes(CR)
}

/**
 * The event's text with the whitespace outside strings removed. Scanning bytes is safe for UTF-8:
 * every byte of a multi-byte character is >= 0x80, so it can never look like a quote, a backslash
 * or whitespace. Returns the input itself (no copy) when it has no line break, which is the
 * common case: CloudTrail writes each file on one line.
 */
export function toSingleLine(bytes: Uint8Array): Uint8Array {
  if (!hasLineBreak(bytes)) return bytes
  const out = new Uint8Array(bytes.length)
  let length = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (inString) {
      out[length++] = byte
      if (byte === BACKSLASH && i + 1 < bytes.length) {
        // An escape: the next byte (a quote, say) is part of the string, whatever it is.
        out[length++] = bytes[++i]
      } else if (byte === QUOTE) {
        inString = false
      }
    } else if (!isWhitespace(byte)) {
      out[length++] = byte
      if (byte === QUOTE) inString = true
    }
  }
  return out.subarray(0, length)
}
