// The damage found in one file, summed up for a warning or a failure reason: the first few
// problems in words, and how many more there were (a file of 10,000 broken lines must not make
// a 10,000-line warning).

import { END, badPosition } from '../json-scanner'

const SHOWN = 3

export class Problems {
  readonly messages: string[] = []
  count = 0

  add(message: string): void {
    this.count++
    if (this.messages.length < SHOWN) this.messages.push(message)
  }

  /** Whether a message for the next problem would be shown (so callers can skip building it). */
  get wantsMessage(): boolean {
    return this.messages.length < SHOWN
  }

  /** "line 7: invalid JSON (...); line 9: ...; 4 more problems". */
  summary(): string {
    const more = this.count - this.messages.length
    return more > 0 ? `${this.messages.join('; ')}; ${more} more problem${more === 1 ? '' : 's'}` : this.messages.join('; ')
  }
}

/** A walk result that is an error (END or badAt), in words, with the byte it happened at. */
export function describeScanError(b: Uint8Array, result: number, n: number): { at: number; what: string } {
  if (result === END) return { at: n, what: 'unexpected end of data' }
  const at = badPosition(result)
  return { at, what: `unexpected ${describeByte(b[at])}` }
}

function describeByte(c: number): string {
  if (c >= 0x21 && c < 0x7f) return `'${String.fromCharCode(c)}'`
  return `byte 0x${c.toString(16).padStart(2, '0')}`
}

/**
 * V8's message for a JSON.parse failure, made to point into the file: "Unexpected token } in
 * JSON at position 12" at an event starting at byte 1000 becomes the byte 1012 and the words
 * before " in JSON". Positions count characters, so past non-ASCII text the byte is approximate.
 */
export function describeParseError(error: unknown, offset: number): { at: number; what: string } {
  const message = error instanceof Error ? error.message : String(error)
  const position = /at position (\d+)/.exec(message)
  // V8 quotes the text in some messages ('Unexpected token }, "{"a":tru}" is not valid JSON'):
  // the event's text is data, not words for a warning.
  const what =
    message
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/\s*(in JSON )?at position \d+.*$/s, '')
      .replace(/ in JSON$/, '') || 'invalid JSON'
  return { at: offset + (position ? Number(position[1]) : 0), what }
}
