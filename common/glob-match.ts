// The one matcher for `*` / `?` patterns (query values, free text, and whatever else takes a
// wildcard). Logs are hostile: a value may be 10 MB and the pattern is typed by the user, so
// no regexp is ever built from a pattern (V8's backtracking made `*a*a*c*` over a 100 KB
// userAgent run for minutes).
//
// Why this cannot backtrack: the pattern is split on `*` into segments. The first segment must
// sit at the start of the text, the last at its end; each middle segment is searched for from
// where the previous one ended and taken at its leftmost place. Taking the leftmost place never
// loses a match (any match placing a segment later can place it at the leftmost place instead,
// leaving more room to the segments after it), so no place is ever revisited. A segment's
// search tries each start position once and compares at most the segment's length there, so a
// match costs at most |text| × |longest segment|: linear in the text for a given pattern, and
// far less in practice since literal runs are found with indexOf.
//
// `?` is one code point (a surrogate pair counts as one, as a lone surrogate does), like the
// `.` of a /u regexp. Case: patterns and values are compared as given; callers lower-case both
// (see compileGlob's `foldCase`).

/** One piece of a glob: literal text, `*` (any run, possibly empty) or `?` (one code point). */
export type GlobPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' }

/** A segment between stars: literal runs and `?` counts, in order. */
type Piece = string | number

interface Compiled {
  /** The pattern had no `*`: one segment that must be the whole text. */
  exact: boolean
  /** Segments between stars; the first is anchored at the start, the last at the end. */
  segments: Piece[][]
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

/** Whether `at` falls between the halves of a surrogate pair (not a code point boundary). */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))
}

/** The index one code point after `at` (or -1 past the end). */
function nextPoint(text: string, at: number): number {
  if (at >= text.length) return -1
  return isHigh(text.charCodeAt(at)) && at + 1 < text.length && isLow(text.charCodeAt(at + 1)) ? at + 2 : at + 1
}

/** The index one code point before `at` (or -1 before the start). */
function previousPoint(text: string, at: number): number {
  if (at <= 0) return -1
  return isLow(text.charCodeAt(at - 1)) && at - 2 >= 0 && isHigh(text.charCodeAt(at - 2)) ? at - 2 : at - 1
}

/** Where `segment` ends when it matches at `at`, else -1. */
function matchForward(text: string, segment: readonly Piece[], at: number): number {
  let i = at
  for (const piece of segment) {
    if (typeof piece === 'number') {
      for (let k = 0; k < piece; k++) {
        i = nextPoint(text, i)
        if (i < 0) return -1
      }
    } else {
      if (!text.startsWith(piece, i) || splitsPair(text, i) || splitsPair(text, i + piece.length)) return -1
      i += piece.length
    }
  }
  return i
}

/** Where `segment` starts when it matches ending exactly at `end`, else -1. */
function matchBackward(text: string, segment: readonly Piece[], end: number): number {
  let i = end
  for (let p = segment.length - 1; p >= 0; p--) {
    const piece = segment[p]
    if (typeof piece === 'number') {
      for (let k = 0; k < piece; k++) {
        i = previousPoint(text, i)
        if (i < 0) return -1
      }
    } else {
      const start = i - piece.length
      if (start < 0 || !text.startsWith(piece, start) || splitsPair(text, start) || splitsPair(text, i)) return -1
      i = start
    }
  }
  return i
}

/** The leftmost place at or after `from` where `segment` matches, ending by `limit`: its end, else -1. */
function findSegment(text: string, segment: readonly Piece[], from: number, limit: number): number {
  const first = segment[0]
  let at = from
  while (at <= limit) {
    if (typeof first === 'string') {
      // Jump to the next place the leading literal occurs (indexOf: no per-character JS loop).
      at = text.indexOf(first, at)
      if (at < 0 || at > limit) return -1
    } else if (splitsPair(text, at)) {
      at++
      continue
    }
    const end = matchForward(text, segment, at)
    if (end >= 0 && end <= limit) return end
    at++
  }
  return -1
}

function compile(parts: readonly GlobPart[]): Compiled {
  const segments: Piece[][] = [[]]
  for (const part of parts) {
    const segment = segments[segments.length - 1]
    if (part.kind === 'any') {
      segments.push([])
    } else if (part.kind === 'one') {
      const last = segment[segment.length - 1]
      if (typeof last === 'number') segment[segment.length - 1] = last + 1
      else segment.push(1)
    } else if (part.text !== '') {
      const last = segment[segment.length - 1]
      if (typeof last === 'string') segment[segment.length - 1] = last + part.text
      else segment.push(part.text)
    }
  }
  return { exact: segments.length === 1, segments }
}

export type GlobTest = (text: string) => boolean

/**
 * A whole-text test for a glob. With `foldCase`, the pattern is lower-cased here and the text
 * must be given lower-cased by the caller (it often has it already, once per value).
 */
export function compileGlob(parts: readonly GlobPart[], options: { foldCase?: boolean; whole?: boolean } = {}): GlobTest {
  const folded = options.foldCase ? parts.map((p): GlobPart => (p.kind === 'text' ? { kind: 'text', text: p.text.toLowerCase() } : p)) : parts
  // Anywhere in the text (free-text search) is the whole-text match of `*pattern*`.
  const { exact, segments } = compile(options.whole === false ? [{ kind: 'any' }, ...folded, { kind: 'any' }] : folded)
  if (exact) return (text) => matchForward(text, segments[0], 0) === text.length
  const head = segments[0]
  const tail = segments[segments.length - 1]
  const middle = segments.slice(1, -1).filter((segment) => segment.length > 0)
  return (text) => {
    const start = matchForward(text, head, 0)
    if (start < 0) return false
    const end = matchBackward(text, tail, text.length)
    if (end < start) return false
    let at = start
    for (const segment of middle) {
      at = findSegment(text, segment, at, end)
      if (at < 0) return false
    }
    return true
  }
}

/** Whole-text match of a pattern (convenience for one-off tests; compile once for many texts). */
export function globMatches(parts: readonly GlobPart[], text: string): boolean {
  return compileGlob(parts)(text)
}
