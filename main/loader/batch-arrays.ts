// The per-event typed arrays of a batch while it is built (ParsedBatch's starts, ends, times,
// readOnly, idHashes and string columns): made, grown and cut to size in one place for the two
// builders (batch-builder.ts, delivery-reader.ts), and filled from a parsed event by the same
// derivation the store uses (event-fields.ts) wherever the field reader is not used.

import { STRING_COLUMNS, type ParsedBatch } from '../store/parsed-batch'
import { hashEventId } from '../store/id-hash-table'
import { principalIdOf, rowOf } from '../store/event-fields'

type Json = Record<string, unknown>

export type BatchArrays = Pick<ParsedBatch, 'starts' | 'ends' | 'times' | 'readOnly' | 'idHashes' | 'columns'>

export function newBatchArrays(capacity: number): BatchArrays {
  return {
    starts: new Uint32Array(capacity),
    ends: new Uint32Array(capacity),
    times: new Float64Array(capacity),
    readOnly: new Uint8Array(capacity),
    idHashes: new Float64Array(capacity),
    columns: STRING_COLUMNS.map(() => new Uint32Array(capacity)),
  }
}

/** The thread's reusable arrays (see scratchBatchArrays), and how many events they hold. */
let scratch: BatchArrays = newBatchArrays(0)

/**
 * Arrays for at least `capacity` events, reused by every extraction of this thread that asks
 * for them: a parse worker copies each batch into its job's buffers at once (pack-job.ts), so
 * allocating, zeroing and then trimming seventeen arrays per file (and collecting them) bought
 * nothing there. What is built on them is valid only until the thread's next extraction.
 */
export function scratchBatchArrays(capacity: number): BatchArrays {
  if (scratch.starts.length < capacity) scratch = newBatchArrays(Math.max(capacity, 2 * scratch.starts.length, 4096))
  return scratch
}

function doubled<T extends Uint32Array | Float64Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
  bigger.set(array)
  return bigger
}

/** The same arrays at twice the capacity, their contents kept. */
export function grownBatchArrays(a: BatchArrays): BatchArrays {
  return {
    starts: doubled(a.starts),
    ends: doubled(a.ends),
    times: doubled(a.times),
    readOnly: doubled(a.readOnly),
    idHashes: doubled(a.idHashes),
    columns: a.columns.map(doubled),
  }
}

/**
 * Copies of the first `count` events' entries: a batch crosses threads at its exact size. Of
 * scratch arrays, views (the worker copies them into its job's buffers before reusing them).
 */
export function trimmedBatchArrays(a: BatchArrays, count: number, scratchViews = false): BatchArrays {
  if (scratchViews) {
    return {
      starts: a.starts.subarray(0, count),
      ends: a.ends.subarray(0, count),
      times: a.times.subarray(0, count),
      readOnly: a.readOnly.subarray(0, count),
      idHashes: a.idHashes.subarray(0, count),
      columns: a.columns.map((column) => column.subarray(0, count)),
    }
  }
  return {
    starts: a.starts.slice(0, count),
    ends: a.ends.slice(0, count),
    times: a.times.slice(0, count),
    readOnly: a.readOnly.slice(0, count),
    idHashes: a.idHashes.slice(0, count),
    columns: a.columns.map((column) => column.slice(0, count)),
  }
}

function accountKey(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
}

/**
 * Entry `i`'s fields from the parsed event (its range is the caller's to set): the row as
 * rowOf derives it, principalIdOf, and the eventID + recipientAccountId hash (NaN without an
 * eventID, which is never deduplicated). `code` gives a string's dictionary code.
 */
export function putParsedEvent(a: BatchArrays, i: number, event: Json, code: (value: string) => number): void {
  const row = rowOf(0, event)
  a.times[i] = row.time ?? NaN
  a.readOnly[i] = row.readOnly === null ? 0 : row.readOnly ? 1 : 2
  a.idHashes[i] = row.eventId ? hashEventId(`${row.eventId}\u0000${accountKey(event.recipientAccountId)}`) : NaN
  const columns = a.columns
  columns[0][i] = code(row.eventName)
  columns[1][i] = code(row.eventSource)
  columns[2][i] = code(row.user)
  columns[3][i] = code(row.identityType)
  columns[4][i] = code(row.region)
  columns[5][i] = code(row.sourceIp)
  columns[6][i] = code(row.errorCode)
  columns[7][i] = code(row.account)
  columns[8][i] = code(row.accessKey)
  columns[9][i] = code(principalIdOf(event))
  columns[10][i] = code(row.eventType)
  columns[11][i] = code(row.resourceType)
}
