// Builds an EventStore from events without the loader, so query tests control every byte: each
// event's text is stored as given (or JSON.stringify'd, compact or pretty-printed), and the
// columns come from rowOf / principalIdOf exactly as the loader derives them.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EventStore } from '../../../main/store/event-store'
import { STRING_COLUMNS, type ParsedBatch } from '../../../main/store/parsed-batch'
import { hashEventId } from '../../../main/store/id-hash-table'
import { principalIdOf, rowOf } from '../../../main/store/event-fields'

type Json = Record<string, unknown>
const encoder = new TextEncoder()

/** The public CloudTrail logs kept next to the repository (absent on some machines); ASHIATO_SHARED_DATA points elsewhere (a worktree). */
export const SHARED_DATA = process.env.ASHIATO_SHARED_DATA ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data')

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

/** A store of the given events (objects are stringified compactly), in one or more batches. */
export function storeOfEvents(events: readonly (Json | string)[], batchSize = Infinity): EventStore {
  const store = new EventStore()
  const texts = events.map((event) => (typeof event === 'string' ? event : JSON.stringify(event)))
  for (let i = 0; i < texts.length; i += batchSize) {
    store.addBatch(batchOfTexts(texts.slice(i, i + batchSize)), store.addFile(`batch-${i}.json`))
  }
  return store
}

/** The events of a shared-data folder's plain JSON files ({"Records": [...]}, an array, or one event). */
export function readSharedEvents(folder: string): Json[] {
  const dir = path.join(SHARED_DATA, folder)
  const events: Json[] = []
  for (const name of readdirSync(dir).sort()) {
    if (!/\.json(\.cloudtrail)?$/.test(name)) continue
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
    const records = Array.isArray(parsed) ? parsed : ((parsed as Json).Records ?? [parsed])
    for (const record of records as unknown[]) if (record && typeof record === 'object') events.push(record as Json)
  }
  return events
}

export function hasSharedData(folder: string): boolean {
  return existsSync(path.join(SHARED_DATA, folder))
}
