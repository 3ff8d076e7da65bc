// Byte-level JSON structure scanning over a Uint8Array: finds where values end without building
// them, so an event's exact original bytes can be cut out and parsed on their own. Nothing here
// validates a value's inside (JSON.parse does that, per event); it only has to agree with
// JSON about where strings and containers begin and end.
//
// Results are positions, never exceptions: a position >= 0 is where the value ends (exclusive);
// END means the data stopped inside the value; any other negative number is badAt(position) of
// a byte that cannot be there.

export const END = -1

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** Encodes "unexpected byte at `position`" as a negative result. */
export function badAt(position: number): number {
  return -2 - position
}

/** The position a badAt() result names. */
export function badPosition(result: number): number {
  return -2 - result
}

/** Whether `c` can begin a number, true, false or null. */
function startsScalar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x74 || c === 0x66 || c === 0x6e
}

/** Whether `c` ends a scalar: whitespace, a comma or a closing bracket. */
function endsScalar(c: number): boolean {
  return c === 0x2c || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

export class JsonScanner {
  /**
   * The same bytes read four at a time, for strings (most of a CloudTrail file): a word with
   * neither a quote nor a backslash is passed in one step. Unaligned reads through a DataView
   * cost no more than aligned ones, and the word's lowest flagged byte is found by counting
   * trailing zeros instead of byte steps (measured: ~1.5x the byte-stepping version's speed).
   */
  private readonly view: DataView
  /** The last position a word can be read from. */
  private readonly lastWord: number

  constructor(readonly b: Uint8Array) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength)
    this.lastWord = b.byteLength - 4
  }

  skipWhitespace(i: number, n: number): number {
    const b = this.b
    while (i < n) {
      const c = b[i]
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
      i++
    }
    return i
  }

  /** `i` is at an opening quote; returns the position after the closing quote, or END. */
  skipString(i: number, n: number): number {
    const { b, view } = this
    i++
    for (;;) {
      // Word steps while no byte is a quote or a backslash: the has-zero-byte test on w ^ each
      // of them, exact as a boolean and at its lowest set bit, so none is stepped over (bytes
      // >= 0x80 never set a bit here, thanks to the "& ~x"). Words may be read past n, never
      // past the buffer.
      while (i <= this.lastWord) {
        const w = view.getUint32(i, true)
        const quotes = w ^ 0x22222222
        const backslashes = w ^ 0x5c5c5c5c
        const found = (((quotes - 0x01010101) & ~quotes) | ((backslashes - 0x01010101) & ~backslashes)) & 0x80808080
        if (found !== 0) {
          i += (31 - Math.clz32(found & -found)) >>> 3
          break
        }
        i += 4
      }
      if (i >= n) return END
      const c = b[i]
      if (c === QUOTE) return i + 1
      // An escape takes the next byte with it, whatever it is.
      i += c === BACKSLASH ? 2 : 1
    }
  }

  /**
   * Skips the rest of a container whose opening bracket is already `depth` levels behind `i`
   * (depth 0 with `i` at the bracket skips the whole container). Bracket kinds are not matched:
   * `{]` passes here and fails in JSON.parse, which sees every event's text anyway.
   */
  skipContainerFrom(i: number, n: number, depth: number): number {
    const b = this.b
    while (i < n) {
      const c = b[i]
      if (c === QUOTE) {
        i = this.skipString(i, n)
        if (i < 0) return END
        continue
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return i + 1
      }
      i++
    }
    return END
  }

  /** `i` is at the first byte of a value; returns where it ends. */
  skipValue(i: number, n: number): number {
    const b = this.b
    const c = b[i]
    if (c === QUOTE) return this.skipString(i, n)
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.skipContainerFrom(i, n, 0)
    if (!startsScalar(c)) return badAt(i)
    i++
    while (i < n && !endsScalar(b[i])) i++
    return i
  }
}

/** Whether b[start, end) holds exactly the ASCII bytes of `word` (given as char codes). */
export function bytesEqual(b: Uint8Array, start: number, end: number, word: readonly number[]): boolean {
  if (end - start !== word.length) return false
  for (let k = 0; k < word.length; k++) if (b[start + k] !== word[k]) return false
  return true
}

export const codesOf = (word: string): readonly number[] => Array.from(word, (ch) => ch.charCodeAt(0))

/** Skips whitespace without a scanner (for a glance at a file's first bytes). */
export function skipWhitespace(b: Uint8Array, i: number, n: number): number {
  while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++
  return i
}
