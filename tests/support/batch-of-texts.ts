// A parse worker's batch made directly from event texts, without files or workers, so tests and
// the query benchmark control every byte: each text is kept as given, and its fields come from
// the loader's own derivation for parsed events (putParsedEvent: rowOf, principalIdOf, the id hash).

import type { ParsedBatch } from '../../main/store/parsed-batch'
import { newBatchArrays, putParsedEvent } from '../../main/loader/batch-arrays'

const encoder = new TextEncoder()

/** One batch holding the texts back to back (one separator byte between them, as in a file). */
export function batchOfTexts(texts: readonly string[], fileIndex = 0): ParsedBatch {
  const pieces = texts.map((text) => encoder.encode(text))
  const text = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length + 1, 0))
  const arrays = newBatchArrays(texts.length)
  const dictionary = ['']
  const codes = new Map([['', 0]])
  const code = (value: string): number => {
    if (!codes.has(value)) codes.set(value, dictionary.push(value) - 1)
    return codes.get(value)!
  }
  let offset = 0
  pieces.forEach((piece, i) => {
    text.set(piece, offset)
    arrays.starts[i] = offset
    arrays.ends[i] = offset + piece.length
    offset += piece.length + 1
    putParsedEvent(arrays, i, JSON.parse(texts[i]) as Record<string, unknown>, code)
  })
  return { fileIndex, text, ...arrays, dictionary, kind: 'events', warning: '' }
}
