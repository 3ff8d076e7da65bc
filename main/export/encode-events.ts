// Turns a list of event ids into the bytes of an export, a chunk at a time. A generator, so the
// stream machinery pulls a chunk only when the previous one has been taken (backpressure), and
// only one chunk (~64 KB) is ever held besides the store itself: exporting a million events never
// holds them twice.

import type { ExportFormat } from '../../common/ipc-contract'
import { csvColumns, csvHeaderLine, csvRowLine } from './csv-format'
import { toSingleLine } from './json-text'
import type { EventRow, RowColumn } from '../../common/event-row'

/**
 * records: CloudTrail's own file shape, `{"Records":[...]}`, which jq, Athena and Ashiato reopen.
 * jsonl: one event per line. csv: the console's Event history columns. Declared by the contract.
 */
export type { ExportFormat }

/** What an export reads: the EventStore, or anything with the same three members. */
export interface ExportSource {
  size?: number
  /** The event's original JSON bytes. */
  bytes(id: number): Uint8Array
  /** The event's summary (only CSV asks for it). */
  row(id: number): EventRow
}

export interface EncodeOptions {
  format: ExportFormat
  /** CSV: columns after the console's twelve. */
  extraColumns?: readonly RowColumn[]
  /** CSV: start with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page. */
  bom?: boolean
  signal?: AbortSignal
  /** Called after each chunk and once at the end. `total` is the best known count (see totalOf). */
  onProgress?(done: number, total: number): void
}

/** Events counted as they are encoded, for the caller's result. */
export interface EncodeCounter {
  events: number
}

const CHUNK_BYTES = 64 * 1024
const utf8 = new TextEncoder()
const NEWLINE = utf8.encode('\n')
const COMMA_NEWLINE = utf8.encode(',\n')

/** How many ids there are when that is known without iterating them; else the source's size. */
export function totalOf(ids: Iterable<number>, source: ExportSource): number {
  if (ArrayBuffer.isView(ids) || Array.isArray(ids)) return (ids as ArrayLike<number>).length
  if (ids instanceof Set) return ids.size
  return source.size ?? 0
}

/** Collects byte pieces (views into the store, not copies) until a chunk's worth is ready. */
class ChunkBuilder {
  private pieces: Uint8Array[] = []
  length = 0

  push(piece: Uint8Array): void {
    this.pieces.push(piece)
    this.length += piece.length
  }

  pushText(text: string): void {
    this.push(utf8.encode(text))
  }

  /** The pieces joined into one Buffer (the only copy of the events' bytes), and a fresh start. */
  take(): Buffer {
    const chunk = Buffer.concat(this.pieces, this.length)
    this.pieces = []
    this.length = 0
    return chunk
  }
}

export function* encodeEvents(
  source: ExportSource,
  ids: Iterable<number>,
  options: EncodeOptions,
  counter: EncodeCounter = { events: 0 },
): Generator<Buffer, void, undefined> {
  const total = totalOf(ids, source)
  const chunk = new ChunkBuilder()
  const columns = csvColumns(options.extraColumns)

  if (options.format === 'records') chunk.pushText('{"Records":[\n')
  if (options.format === 'csv') chunk.pushText((options.bom ? '\uFEFF' : '') + csvHeaderLine(columns))

  for (const id of ids) {
    switch (options.format) {
      case 'records':
        // The original text, even if pretty-printed: line breaks between tokens are valid JSON.
        if (counter.events > 0) chunk.push(COMMA_NEWLINE)
        chunk.push(source.bytes(id))
        break
      case 'jsonl':
        chunk.push(toSingleLine(source.bytes(id)))
        chunk.push(NEWLINE)
        break
      case 'csv':
        chunk.pushText(csvRowLine(source.row(id), columns))
        break
    }
    counter.events++
    if (chunk.length >= CHUNK_BYTES) {
      // Checked per chunk, not per event: cheap, and a cancel still lands within ~64 KB.
      options.signal?.throwIfAborted()
      options.onProgress?.(counter.events, total)
      yield chunk.take()
    }
  }

  if (options.format === 'records') chunk.pushText(counter.events > 0 ? '\n]}\n' : ']}\n')
  options.signal?.throwIfAborted()
  if (chunk.length > 0) yield chunk.take()
  options.onProgress?.(counter.events, Math.max(total, counter.events))
}
