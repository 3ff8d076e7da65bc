// The second pass of extraction: reads each event range the walk found and packs the list's
// fields into a ParsedBatch's typed arrays. An event is read from its bytes by the field reader
// (fast-fields.ts, fast-row.ts: no JSON.parse; measured at 0.4 of the parse path's time),
// which validates it and derives what event-fields derives. Whatever it declines — rare
// shapes, escaped keys, invalid JSON, lookup-events' embedded strings — is JSON.parse'd and
// goes through event-fields itself (the same code the store uses, so the list and the filters
// agree), as every event once did. Delivery files mostly skip this: see delivery-reader.ts.

import { isAscii } from 'node:buffer'
import type { ParsedBatch } from '../store/parsed-batch'
import { newBatchArrays, putParsedEvent, scratchBatchArrays, trimmedBatchArrays } from './batch-arrays'
import { threadCoder as coder } from './column-coder'
import { EventFieldWalk, MAX_READ_BYTES } from './fast-fields'
import { codeColumns, idHashOf, timeOf } from './fast-row'
import { Candidates, EMBEDDED, ORIGINAL } from './formats/candidates'
import { LineIndex } from './formats/layout'
import { Problems, describeParseError } from './formats/problems'

type Json = Record<string, unknown>

/** Keeps the file's bytes as the batch text unless events cover less than this share of them. */
export const MIN_COVERAGE = 0.5

function isEvent(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const event = value as Json
  return 'eventTime' in event || 'eventName' in event || 'eventSource' in event || 'eventID' in event
}

export interface BuildContext {
  data: Buffer
  found: Candidates
  problems: Problems
  /** Set in JSON Lines files, so that damage is reported by line. */
  lines: LineIndex | null
  /** Give up (return null) at the first range that is not a whole event: for guessed ranges. */
  strict?: boolean
  /** JSON.parse every event, as before the field reader: the reference, for tests and A/B timing. */
  parseEveryEvent?: boolean
  /** Build on the thread's scratch arrays (batch-arrays.ts): the batch is valid until the next extraction. */
  scratch?: boolean
}

/**
 * Parses every candidate; returns the batch (possibly of zero events) for `fileIndex`, or null
 * when `strict` and a range was not a whole event.
 */
export function buildBatch(fileIndex: number, context: BuildContext & { strict: true }): ParsedBatch | null
export function buildBatch(fileIndex: number, context: BuildContext & { strict?: false }): ParsedBatch
export function buildBatch(fileIndex: number, { data, found, problems, lines, strict = false, parseEveryEvent = false, scratch = false }: BuildContext): ParsedBatch | null {
  const capacity = found.count
  const arrays = scratch ? scratchBatchArrays(capacity) : newBatchArrays(capacity)
  const { starts, ends, times, readOnly, idHashes, columns } = arrays
  const dictionary = coder.begin(data)
  const code = (value: string): number => coder.string(value)
  const walk = parseEveryEvent ? null : new EventFieldWalk(data)
  // Texts of events that were JSON strings (lookup-events), by output index: they need a new buffer.
  const embedded = new Map<number, string>()
  // Pure-ASCII data decodes as latin1, which is cheaper than UTF-8 and gives the same string.
  // Asked only when an event is parsed (the field reader needs no text).
  let encoding: 'latin1' | 'utf8' | undefined
  const report = (start: number, error: unknown): void => {
    // Past the first few problems only the count is kept: no words (or line counting) needed.
    if (!problems.wantsMessage) return void problems.add('')
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_STRING_TOO_LONG') {
      return void problems.add(`${lines ? `line ${lines.lineAt(start)}` : `event at byte ${start}`}: too large to read as one string`)
    }
    const { at, what } = describeParseError(error, start)
    problems.add(lines ? `line ${lines.lineAt(start)}: invalid JSON (${what})` : `invalid JSON at byte ${at}: ${what}`)
  }

  let count = 0
  let covered = 0
  for (let k = 0; k < capacity; k++) {
    const start = found.start(k)
    const end = found.end(k)
    if (walk !== null && found.kind(k) === ORIGINAL && end - start <= MAX_READ_BYTES && walk.walk(start, end)) {
      covered += end - start
      starts[count] = start
      ends[count] = end
      times[count] = timeOf(walk)
      readOnly[count] = walk.readOnly
      idHashes[count] = idHashOf(walk)
      codeColumns(walk, coder, columns, count)
      count++
      continue
    }
    let text: string
    let event: unknown
    try {
      // Throws past V8's longest string (~512 MiB): one such event is reported, not fatal.
      encoding ??= isAscii(data) ? 'latin1' : 'utf8'
      text = data.toString(encoding, start, end)
      if (found.kind(k) === EMBEDDED) {
        const inner: unknown = JSON.parse(text)
        if (typeof inner !== 'string') continue
        text = inner
      }
      event = JSON.parse(text)
    } catch (error) {
      if (strict) return null
      report(start, error)
      continue
    }
    if (!isEvent(event)) {
      if (strict) return null
      continue
    }
    if (found.kind(k) === EMBEDDED) embedded.set(count, text)
    else covered += end - start
    starts[count] = start
    ends[count] = end
    putParsedEvent(arrays, count, event, code)
    count++
  }

  const out = count < arrays.starts.length ? trimmedBatchArrays(arrays, count, scratch) : arrays
  let text: Uint8Array = data
  if (embedded.size > 0 || covered < data.length * MIN_COVERAGE) text = repack(data, out.starts, out.ends, embedded)
  return { fileIndex, text, ...out, dictionary, kind: 'events', warning: '' }
}

/**
 * Copies the events' texts into a buffer of their own (one per line), rewriting `starts` and
 * `ends` in place: needed when some texts exist only as strings, and worth it when the file was
 * mostly something else (a wrapper, a failed line) that would otherwise stay in memory.
 */
function repack(data: Buffer, starts: Uint32Array, ends: Uint32Array, embedded: Map<number, string>): Buffer {
  const encoded = new Map<number, Buffer>()
  let total = 0
  for (let k = 0; k < starts.length; k++) {
    const inner = embedded.get(k)
    if (inner !== undefined) encoded.set(k, Buffer.from(inner, 'utf8'))
    total += (encoded.get(k)?.length ?? ends[k] - starts[k]) + 1
  }
  // allocUnsafeSlow: a buffer of its own, never a slice of the shared pool, so it can be transferred.
  const out = Buffer.allocUnsafeSlow(total)
  let at = 0
  for (let k = 0; k < starts.length; k++) {
    const source = encoded.get(k) ?? data.subarray(starts[k], ends[k])
    out.set(source, at)
    starts[k] = at
    at += source.length
    ends[k] = at
    out[at++] = 0x0a
  }
  return out
}
