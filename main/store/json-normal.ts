// "The same event delivered twice" means the same JSON text once insignificant whitespace (the
// four JSON whitespace bytes between tokens) is ignored: a file pretty-printed by one tool and
// compact in another is the same delivery. Anything else — a reordered key, an escape written
// differently, one changed byte inside a string — is a different event and is kept. Both
// functions read the bytes once, allocate nothing, and need no valid JSON (a damaged text
// compares by its bytes like any other).

const QUOTE = 0x22
const BACKSLASH = 0x5c

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

/**
 * Steps over the whitespace-normalised text: `next(i)` is the index of the next significant
 * byte at or after i, tracking whether it lies inside a string. One per comparison side.
 */
class NormalCursor {
  private inString = false
  private escaped = false

  constructor(private readonly b: Uint8Array) {}

  /** Index of the significant byte at or after `i` (b.length at the end); then consumes it. */
  take(i: number): number {
    const b = this.b
    if (!this.inString) while (i < b.length && isWhitespace(b[i])) i++
    if (i >= b.length) return i
    const c = b[i]
    if (this.inString) {
      if (this.escaped) this.escaped = false
      else if (c === BACKSLASH) this.escaped = true
      else if (c === QUOTE) this.inString = false
    } else if (c === QUOTE) this.inString = true
    return i
  }
}

/** Whether two texts are equal once whitespace outside strings is ignored. */
export function sameNormalisedJson(a: Uint8Array, b: Uint8Array): boolean {
  const ca = new NormalCursor(a)
  const cb = new NormalCursor(b)
  let i = 0
  let j = 0
  for (;;) {
    i = ca.take(i)
    j = cb.take(j)
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length
    if (a[i] !== b[j]) return false
    i++
    j++
  }
}

/**
 * A 52-bit hash of the whitespace-normalised text, exact in a double: equal texts hash equal,
 * so it finds the candidates that sameNormalisedJson then settles.
 */
export function normalisedJsonHash(b: Uint8Array): number {
  // The cursor's rules inline: this runs over every byte of each event whose eventID is shared.
  let x = 0x811c9dc5
  let y = 0x9747b28c
  let inString = false
  let escaped = false
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if (inString) {
      if (escaped) escaped = false
      else if (c === BACKSLASH) escaped = true
      else if (c === QUOTE) inString = false
    } else if (isWhitespace(c)) continue
    else if (c === QUOTE) inString = true
    x = Math.imul(x ^ c, 0x01000193)
    y = Math.imul(y ^ c, 0x5bd1e995)
  }
  x ^= x >>> 15
  x = Math.imul(x, 0x2c1b3c6d) >>> 0
  y = (y ^ (y >>> 13)) & 0xfffff
  return y * 4294967296 + x
}
