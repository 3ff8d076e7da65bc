// Checks for the field reader (main/loader/fast-fields.ts and friends) against the JSON.parse
// path it replaces: the whole batch of a file, and the fields of one event's text. Shared by
// fast-fields.test.ts and fast-fields-damage.test.ts.

import { expect } from 'vitest'
import { extractEvents } from '../../../main/loader/extract-events'
import { EventFieldWalk } from '../../../main/loader/fast-fields'
import { ColumnCoder } from '../../../main/loader/column-coder'
import { codeColumns, idHashOf, timeOf } from '../../../main/loader/fast-row'
import { principalIdOf, rowOf } from '../../../main/store/event-fields'
import { hashEventId } from '../../../main/store/id-hash-table'
import { STRING_COLUMNS, type BatchFailure, type ParsedBatch } from '../../../main/store/parsed-batch'
import type { Json } from '../../support/cloudtrail-events'
import { isBatch, viewOf } from './batch-view'

/** A batch as plain values (columns decoded), or the failure's reason. */
function summary(result: ParsedBatch | BatchFailure): unknown {
  if (!isBatch(result)) return { reason: result.reason }
  return {
    kind: result.kind,
    warning: result.warning,
    text: Buffer.from(result.text).toString('latin1'),
    events: viewOf(result),
    starts: Array.from(result.starts),
    ends: Array.from(result.ends),
  }
}

/** extractEvents with the reader equals extractEvents parsing every event. */
export function expectSameAsParsing(bytes: Uint8Array, label = ''): ParsedBatch | BatchFailure {
  const fast = extractEvents(bytes, 7)
  expect(summary(fast), label).toEqual(summary(extractEvents(bytes, 7, { parseEveryEvent: true })))
  if (isBatch(fast)) expect(new Set(fast.dictionary).size, `${label}: dictionary holds a value twice`).toBe(fast.dictionary.length)
  return fast
}

export interface Fields {
  time: number
  readOnly: number
  idHash: number
  columns: Record<string, string>
}

/** The reader's fields for one event's text, or null when it declines the event. */
export function readFields(text: string): Fields | null {
  const data = Buffer.from(text, 'utf8')
  const walk = new EventFieldWalk(data)
  if (!walk.walk(0, data.length)) return null
  const coder = new ColumnCoder()
  const dictionary = coder.begin(data)
  const columns = STRING_COLUMNS.map(() => new Uint32Array(1))
  codeColumns(walk, coder, columns, 0)
  const values = Object.fromEntries(STRING_COLUMNS.map((name, c) => [name, dictionary[columns[c][0]]]))
  return { time: timeOf(walk), readOnly: walk.readOnly, idHash: idHashOf(walk), columns: values }
}

/** What batch-builder derived from the parsed event before the reader (the reference). */
export function parsedFields(text: string): Fields {
  const event = JSON.parse(text) as Json
  const row = rowOf(0, event)
  const account = event.recipientAccountId
  const accountKey = typeof account === 'string' ? account : account === undefined || account === null ? '' : String(account)
  return {
    time: row.time ?? NaN,
    readOnly: row.readOnly === null ? 0 : row.readOnly ? 1 : 2,
    idHash: row.eventId ? hashEventId(`${row.eventId}\u0000${accountKey}`) : NaN,
    columns: Object.fromEntries(STRING_COLUMNS.map((name) => [name, name === 'principalId' ? principalIdOf(event) : String(row[name as keyof typeof row])])),
  }
}

/** When the reader reads an event, its text is valid JSON and the fields are the parse's. */
export function expectReadAsParsed(text: string, label = text.slice(0, 200)): Fields | null {
  const fields = readFields(text)
  if (fields === null) return null
  let parsed: Fields
  try {
    parsed = parsedFields(text)
  } catch (error) {
    return expect.fail(`${label}: read, but JSON.parse rejects it (${String(error)})`)
  }
  expect(fields, label).toEqual(parsed)
  return fields
}

/** Replaces the first `"key":value` of `text` (any value, by a walk of JSON.parse'able text) with `"key":replacement`. */
export function setRaw(event: Json, key: string, raw: string): string {
  const marker = '"__SET__"'
  return JSON.stringify({ ...event, [key]: '__SET__' }).replace(marker, raw)
}
