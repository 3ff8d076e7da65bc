// A parse worker's batch made directly from event texts, without the loader, so tests and the
// query benchmark control every byte: each text is kept as given, and the columns come from
// rowOf / principalIdOf and the id hash exactly as the loader derives them.

import { STRING_COLUMNS, type ParsedBatch } from '../../main/store/parsed-batch'
import { hashEventId } from '../../main/store/id-hash-table'
import { principalIdOf, rowOf } from '../../main/store/event-fields'

type Json = Record<string, unknown>
const encoder = new TextEncoder()

/** One batch holding the texts back to back (one separator byte between them, as in a file). */
export function batchOfTexts(texts: readonly string[], fileIndex = 0): ParsedBatch {
  const pieces = texts.map((text) => encoder.encode(text))
  const text = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length + 1, 0))
  const n = texts.length
  const starts = new Uint32Array(n)
  const ends = new Uint32Array(n)
  const times = new Float64Array(n)
  const readOnly = new Uint8Array(n)
  const idHashes = new Float64Array(n)
  const columns = STRING_COLUMNS.map(() => new Uint32Array(n))
  const dictionary = ['']
  const codes = new Map([['', 0]])
  const code = (value: string): number => {
    if (!codes.has(value)) codes.set(value, dictionary.push(value) - 1)
    return codes.get(value)!
  }
  let offset = 0
  pieces.forEach((piece, i) => {
    text.set(piece, offset)
    starts[i] = offset
    ends[i] = offset + piece.length
    offset += piece.length + 1
    const event = JSON.parse(texts[i]) as Json
    const row = rowOf(i, event)
    times[i] = row.time ?? NaN
    readOnly[i] = row.readOnly === null ? 0 : row.readOnly ? 1 : 2
    idHashes[i] = row.eventId ? hashEventId(`${row.eventId}\u0000${String(event.recipientAccountId ?? '')}`) : NaN
    const values: Record<string, string> = { ...(row as unknown as Record<string, string>), principalId: principalIdOf(event) }
    STRING_COLUMNS.forEach((column, c) => (columns[c][i] = code(values[column])))
  })
  return { fileIndex, text, starts, ends, times, readOnly, idHashes, dictionary, columns, kind: 'events', warning: '' }
}
