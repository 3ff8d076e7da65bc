// How the JSON values of a file are laid out: one document, several values one after the other
// ({...}{...}, pretty-printed or not), or JSON Lines. All three walk the same way; the layout
// only decides where to pick up after damage. In JSON Lines a broken line costs that line
// alone; elsewhere the walk picks up at the next line that starts a value at its first column,
// if any (concatenated pretty-printed values), and otherwise stops at the damage.

import { END, skipWhitespace } from '../json-scanner'
import { EventWalker } from './event-walker'
import { Problems, describeScanError } from './problems'

const NEWLINE = 0x0a
const COMMA = 0x2c

/** Line numbers of byte offsets, counted on demand: only damaged files ever ask. */
export class LineIndex {
  private offset = 0
  private line = 1

  constructor(private readonly b: Uint8Array) {}

  lineAt(position: number): number {
    if (position < this.offset) {
      this.offset = 0
      this.line = 1
    }
    for (let i = this.offset; i < position; i++) if (this.b[i] === NEWLINE) this.line++
    this.offset = position
    return this.line
  }
}

function lineEnd(b: Uint8Array, i: number, n: number): number {
  const newline = b.indexOf(NEWLINE, i)
  return newline < 0 || newline > n ? n : newline
}

function lastNonBlank(b: Uint8Array, start: number, end: number): number {
  let k = end - 1
  while (k >= start && (b[k] === 0x20 || b[k] === 0x0d || b[k] === 0x09)) k--
  return k >= start ? b[k] : -1
}

/**
 * JSON Lines when the first non-blank lines (up to three, at least two) all start at their
 * first column with { or [, and at least two of them end with } or ]. Pretty-printed JSON
 * indents its inner lines, and one compact array of events has its lines end in commas.
 */
export function looksLikeJsonLines(b: Uint8Array, start: number, n: number): boolean {
  let lines = 0
  let complete = 0
  for (let i = start; i < n && lines < 3; ) {
    const end = lineEnd(b, i, n)
    if (skipWhitespace(b, i, end) < end) {
      if (b[i] !== 0x7b && b[i] !== 0x5b) return false
      lines++
      const last = lastNonBlank(b, i, end)
      if (last === 0x7d || last === 0x5d) complete++
    }
    i = end + 1
  }
  return lines >= 2 && complete >= 2
}

/**
 * Walks the values in b[i, n) one after another (a comma between them is let pass: a copied
 * run of array elements has them). Returns the error result that stopped it, or n.
 */
function walkValues(walker: EventWalker, b: Uint8Array, i: number, n: number): number {
  for (;;) {
    i = skipWhitespace(b, i, n)
    if (i >= n) return n
    const end = walker.value(i, n, 0)
    if (end < 0) return end
    i = skipWhitespace(b, end, n)
    if (i < n && b[i] === COMMA) i++
  }
}

/**
 * Where walking may pick up after a bad byte at `from`: the next line that starts, at its first
 * column, with { or [ (in concatenated pretty-printed values, where each value starts; nested
 * lines are indented). -1 when there is none.
 */
function nextValueLine(b: Uint8Array, from: number, n: number): number {
  for (let i = lineEnd(b, from, n) + 1; i < n; i = lineEnd(b, i, n) + 1) {
    if (b[i] === 0x7b || b[i] === 0x5b) return i
  }
  return -1
}

/**
 * Walks a whole document from `start` (past any BOM), noting damage in `problems`. `cutOff`:
 * the data is known to stop short (a truncated gzip), so ending inside a value is no news.
 * Returns whether it was read as JSON Lines.
 */
export function walkDocument(walker: EventWalker, b: Uint8Array, start: number, n: number, problems: Problems, cutOff: boolean): boolean {
  if (!looksLikeJsonLines(b, start, n)) {
    for (let i = start; i >= 0; ) {
      const result = walkValues(walker, b, i, n)
      if (result >= 0 || (cutOff && result === END)) break
      const { at, what } = describeScanError(b, result, n)
      problems.add(`invalid JSON at byte ${at}: ${what}`)
      // Past a bad byte, later values may still be whole. Not past a value that never ends:
      // it has swallowed the rest, and walking its inside again would find its events twice.
      i = result === END ? -1 : nextValueLine(b, at, n)
    }
    return false
  }
  // `start` is past any blank lines at the top: they still count in line numbers.
  let line = new LineIndex(b).lineAt(start)
  for (let i = start; i < n; line++) {
    const end = lineEnd(b, i, n)
    const result = walkValues(walker, b, i, end)
    if (result < 0 && !(cutOff && result === END && end === n)) {
      problems.add(`line ${line}: invalid JSON (${describeScanError(b, result, end).what})`)
    }
    i = end + 1
  }
  return true
}
