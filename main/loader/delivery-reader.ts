// The one-pass read of a delivery file, the overwhelmingly common input: {"Records":[{...},
// {...}]} as CloudTrail writes it (whitespace between tokens is let pass). Each element is
// walked by the field reader (fast-fields.ts), which finds where the event ends while reading
// its fields, so the file's bytes are read once: no separator split first
// (formats/delivery-split.ts: a seventh of the fast path's time) and no list of ranges.
//
// Anything else returns null and extractEvents goes the general way (split or walk, then
// buildBatch): another top-level key, an element that is not an event or that the reader
// declines, damage, an empty list. Files this does read, the general way reads into the same
// ranges (the list's elements: a split that parses is the true structure, and the walk takes
// each element that has an event key as one event) with the same fields, so the batch does
// not depend on which way ran; the equivalence tests hold both to the JSON.parse path.

import type { ParsedBatch } from '../store/parsed-batch'
import { grownBatchArrays, newBatchArrays, scratchBatchArrays, trimmedBatchArrays } from './batch-arrays'
import { MIN_COVERAGE } from './batch-builder'
import { threadCoder as coder } from './column-coder'
import { EventFieldWalk, MAX_READ_BYTES } from './fast-fields'
import { codeColumns, idHashOf, timeOf } from './fast-row'

const RECORDS = Buffer.from('"Records"')
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
/** A first guess of the event count from the size (CloudTrail events are rarely under 512 bytes). */
const BYTES_PER_EVENT_GUESS = 512

/**
 * The batch of the delivery file in data[start, n) (start at its first {), or null: see above.
 * `scratch`: its arrays are the thread's scratch arrays (valid until the next extraction).
 */
export function readDeliveryFile(fileIndex: number, data: Buffer, start: number, n: number, scratch = false): ParsedBatch | null {
  const walk = new EventFieldWalk(data)
  const scan = walk.scan
  const b = data
  let i = scan.ws(start + 1, n)
  if (n - i < RECORDS.length || data.compare(RECORDS, 0, RECORDS.length, i, i + RECORDS.length) !== 0) return null
  i = scan.ws(i + RECORDS.length, n)
  if (i >= n || b[i] !== COLON) return null
  i = scan.ws(i + 1, n)
  if (i >= n || b[i] !== OPEN_BRACKET) return null
  i = scan.ws(i + 1, n)

  let capacity = Math.max(16, Math.ceil((n - i) / BYTES_PER_EVENT_GUESS))
  let arrays = scratch ? scratchBatchArrays(capacity) : newBatchArrays(capacity)
  capacity = arrays.starts.length
  // Locals, not arrays.x, in the loop: this is the load's hottest code.
  let { starts, ends, times, readOnly, idHashes, columns } = arrays
  const dictionary = coder.begin(data)
  let count = 0
  let covered = 0
  for (;;) {
    if (i >= n || b[i] !== OPEN_BRACE) return null
    const end = walk.walkFrom(i, n)
    if (end < 0 || end - i > MAX_READ_BYTES) return null
    if (count === capacity) {
      arrays = grownBatchArrays(arrays)
      ;({ starts, ends, times, readOnly, idHashes, columns } = arrays)
      capacity *= 2
    }
    starts[count] = i
    ends[count] = end
    times[count] = timeOf(walk)
    readOnly[count] = walk.readOnly
    idHashes[count] = idHashOf(walk)
    codeColumns(walk, coder, columns, count)
    count++
    covered += end - i
    i = scan.ws(end, n)
    if (i < n && b[i] === COMMA) i = scan.ws(i + 1, n)
    else if (i < n && b[i] === CLOSE_BRACKET) break
    else return null
  }
  i = scan.ws(i + 1, n)
  if (i >= n || b[i] !== CLOSE_BRACE || scan.ws(i + 1, n) !== n) return null
  // buildBatch would copy the events out of a file that is mostly something else (whitespace).
  if (covered < data.length * MIN_COVERAGE) return null
  return { fileIndex, text: data, ...trimmedBatchArrays(arrays, count, scratch), dictionary, kind: 'events', warning: '' }
}
