// Reads a ParsedBatch back as plain values, for assertions: each event's text, its columns by
// name, time, readOnly and id hash.

import { expect } from 'vitest'
import { STRING_COLUMNS, type BatchFailure, type ParsedBatch, type StringColumn } from '../../../main/store/parsed-batch'

export interface EventView {
  text: string
  time: number
  readOnly: number
  idHash: number
  columns: Record<StringColumn, string>
}

export function isBatch(result: ParsedBatch | BatchFailure): result is ParsedBatch {
  return !('reason' in result)
}

/** The batch, or a failed expectation naming the reason it was not one. */
export function expectBatch(result: ParsedBatch | BatchFailure): ParsedBatch {
  if (!isBatch(result)) expect.fail(`expected events, got failure: ${result.reason}`)
  return result
}

export function expectFailure(result: ParsedBatch | BatchFailure): string {
  if (isBatch(result)) expect.fail(`expected a failure, got ${result.starts.length} events (warning: ${result.warning || 'none'})`)
  return result.reason
}

export function textOf(batch: ParsedBatch, index: number): string {
  return Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength).toString('utf8', batch.starts[index], batch.ends[index])
}

export function viewOf(batch: ParsedBatch): EventView[] {
  return Array.from(batch.starts, (_, i) => ({
    text: textOf(batch, i),
    time: batch.times[i],
    readOnly: batch.readOnly[i],
    idHash: batch.idHashes[i],
    columns: Object.fromEntries(STRING_COLUMNS.map((name, c) => [name, batch.dictionary[batch.columns[c][i]]])) as Record<StringColumn, string>,
  }))
}

/** Checks the batch's shape: parallel arrays of one length, dictionary code 0 = ''. */
export function expectWellFormed(batch: ParsedBatch): void {
  const count = batch.starts.length
  for (const array of [batch.ends, batch.times, batch.readOnly, batch.idHashes, ...batch.columns]) expect(array.length).toBe(count)
  expect(batch.columns.length).toBe(STRING_COLUMNS.length)
  expect(batch.dictionary[0]).toBe('')
  expect(new Set(batch.dictionary).size).toBe(batch.dictionary.length)
  for (let i = 0; i < count; i++) {
    expect(batch.ends[i]).toBeGreaterThan(batch.starts[i])
    expect(batch.ends[i]).toBeLessThanOrEqual(batch.text.length)
  }
}
