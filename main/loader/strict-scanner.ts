// A validating JSON skipper: walks a value's bytes without building it, and says FAIL wherever
// JSON.parse would throw. The field reader (fast-fields.ts) reads an event's few fields with it
// instead of JSON.parse'ing the whole event, and must keep JSON.parse's guarantee that every
// event it accepts is valid JSON: the store and the viewer JSON.parse its text later.
//
// Why validate here rather than keep a cheaper check: measured on the benchmark's events (1.6 KB
// each, most bytes inside strings), skipping a whole event with this scanner takes 1.10 µs
// (1.5 GB/s), with json-scanner's bracket counting (no grammar, no control-byte check) 0.95 µs,
// and JSON.parse takes 3.4 µs. Validity costs 0.15 µs an event, a twentieth of extraction, and
// no cheaper proof of validity exists short of parsing: so every byte is checked in this pass.
//
// Soundness is the contract, completeness is not: anything unusual (nesting past the stack,
// an escape in a key) may FAIL although it is valid, and the caller then parses the event as
// before. What JSON.parse rejects, this never accepts: raw control bytes in strings, bad
// escapes, numbers outside the grammar, misspelt literals, stray or mismatched brackets.
// Bytes >= 0x80 need no check: decoding never turns them into a quote, backslash or control.

export const FAIL = -1

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const MINUS = 0x2d
const ZERO = 0x30
const NINE = 0x39
/** Containers nested deeper than this inside a skipped value FAIL (JSON.parse takes them). */
const MAX_DEPTH = 64
export const TRUE = [0x74, 0x72, 0x75, 0x65]
export const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65]
export const NULL = [0x6e, 0x75, 0x6c, 0x6c]

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE
const isHex = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)

export class StrictScanner {
  /** The bytes four at a time (unaligned reads are as cheap), for strings: see string(). */
  private readonly view: DataView
  /** The last position a word can be read from. */
  private readonly lastWord: number
  /** Closing bracket of each open container in skip(). */
  private readonly stack = new Uint8Array(MAX_DEPTH)
  /** After string(): the string had no escape and only ASCII bytes, so its bytes are its text. */
  plain = true

  constructor(readonly b: Uint8Array) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength)
    this.lastWord = b.byteLength - 4
  }

  ws(i: number, n: number): number {
    const b = this.b
    // One compare for the common case (compact JSON, or a value right after its colon).
    while (i < n && b[i] <= 0x20) {
      const c = b[i]
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
      i++
    }
    return i
  }

  /**
   * `i` at an opening quote: returns the position after the closing quote, or FAIL. Sets
   * `plain`. Kept small enough for TurboFan to inline into every caller (a call per string
   * was a fifth of the walk); escapes, non-ASCII bytes and the buffer's last bytes go to
   * stringRest.
   */
  string(i: number, n: number): number {
    const view = this.view
    i++
    // Word steps while no byte is a quote, a backslash, a control byte or >= 0x80. Below the
    // first such byte, every byte is in 0x20-0x7f and neither 0x22 nor 0x5c, so subtracting 1
    // from it ^ 0x22 or ^ 0x5c, or 0x20 from it, neither borrows nor sets its top bit; at that
    // byte one of them (or its own top bit) does. So the lowest set bit marks the first byte
    // to look at and none is stepped over (the has-zero-byte trick, with the top-bit test
    // standing in for its "& ~w"). Words may be read past n, never past the buffer.
    while (i <= this.lastWord) {
      const w = view.getUint32(i, true)
      const found = (((w ^ 0x22222222) - 0x01010101) | ((w ^ 0x5c5c5c5c) - 0x01010101) | (w - 0x20202020) | w) & 0x80808080
      if (found !== 0) {
        i += (31 - Math.clz32(found & -found)) >>> 3
        if (i < n && this.b[i] === QUOTE) {
          this.plain = true
          return i + 1
        }
        break
      }
      i += 4
    }
    return this.stringRest(i, n)
  }

  /** The rest of a string from `i`, byte by byte where it must: see string(). */
  private stringRest(i: number, n: number): number {
    const { b, view } = this
    // While plain, a byte >= 0x80 must stop the word loop too (to clear `plain`); after, not.
    let high = 0x80808080
    for (;;) {
      if (i >= n) return FAIL
      const c = b[i]
      if (c === QUOTE) {
        this.plain = high !== 0
        return i + 1
      }
      if (c < 0x20) return FAIL
      if (c === BACKSLASH) {
        high = 0
        const e = b[i + 1]
        if (e === 0x75) {
          if (i + 6 > n || !isHex(b[i + 2]) || !isHex(b[i + 3]) || !isHex(b[i + 4]) || !isHex(b[i + 5])) return FAIL
          i += 6
        } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2
        else return FAIL
      } else {
        if (c >= 0x80) high = 0
        i++
      }
      // As in string(), but past a byte >= 0x80 such bytes pass: then the "& ~w" of the
      // has-zero-byte trick is needed (a top bit from a high byte's own subtraction is no find).
      while (i <= this.lastWord) {
        const w = view.getUint32(i, true)
        const q = w ^ 0x22222222
        const s = w ^ 0x5c5c5c5c
        const found = (((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s) | ((w - 0x20202020) & ~w) | (w & high)) & 0x80808080
        if (found !== 0) {
          i += (31 - Math.clz32(found & -found)) >>> 3
          break
        }
        i += 4
      }
    }
  }

  /** `i` at a member's key: returns where its value starts (past the colon), or FAIL. */
  key(i: number, n: number): number {
    if (i >= n || this.b[i] !== QUOTE) return FAIL
    i = this.string(i, n)
    if (i < 0) return FAIL
    i = this.ws(i, n)
    if (i >= n || this.b[i] !== COLON) return FAIL
    return this.ws(i + 1, n)
  }

  literal(i: number, n: number, word: readonly number[]): number {
    if (i + word.length > n) return FAIL
    for (let k = 0; k < word.length; k++) if (this.b[i + k] !== word[k]) return FAIL
    return i + word.length
  }

  /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? — what follows it is the caller's to check. */
  number(i: number, n: number): number {
    const b = this.b
    if (b[i] === MINUS) i++
    if (i >= n || !isDigit(b[i])) return FAIL
    if (b[i++] !== ZERO) while (i < n && isDigit(b[i])) i++
    if (i < n && b[i] === 0x2e) {
      if (++i >= n || !isDigit(b[i])) return FAIL
      while (i < n && isDigit(b[i])) i++
    }
    if (i < n && (b[i] | 0x20) === 0x65) {
      if (++i < n && (b[i] === 0x2b || b[i] === MINUS)) i++
      if (i >= n || !isDigit(b[i])) return FAIL
      while (i < n && isDigit(b[i])) i++
    }
    return i
  }

  /** Any scalar at `i`: a string, number or literal (not a container). */
  scalar(i: number, n: number): number {
    const c = this.b[i]
    if (c === QUOTE) return this.string(i, n)
    if (c === 0x74) return this.literal(i, n, TRUE)
    if (c === 0x66) return this.literal(i, n, FALSE)
    if (c === 0x6e) return this.literal(i, n, NULL)
    return this.number(i, n)
  }

  /**
   * Validates and skips the value at `i` (not whitespace, i < n); returns where it ends, or
   * FAIL. Iterative with its own stack: nesting costs no recursion.
   */
  skip(i: number, n: number): number {
    const { b, stack } = this
    let depth = 0
    for (;;) {
      // A value starts at i.
      const c = b[i]
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const close = c + 2 // } and ] follow { and [ two code points on
        i = this.ws(i + 1, n)
        if (i >= n) return FAIL
        if (b[i] === close) i++
        else {
          if (depth === MAX_DEPTH) return FAIL
          stack[depth++] = close
          if (c === OPEN_BRACE && (i = this.key(i, n)) < 0) return FAIL
          if (i >= n) return FAIL
          continue
        }
      } else if ((i = this.scalar(i, n)) < 0) return FAIL
      // A value ended at i: close what ends here, or go on to the next element or member.
      for (;;) {
        if (depth === 0) return i
        i = this.ws(i, n)
        if (i >= n) return FAIL
        const d = b[i]
        if (d === COMMA) {
          i = this.ws(i + 1, n)
          if (stack[depth - 1] === CLOSE_BRACE && (i = this.key(i, n)) < 0) return FAIL
          if (i >= n) return FAIL
          break
        }
        if (d !== stack[depth - 1]) return FAIL
        depth--
        i++
      }
    }
  }
}
