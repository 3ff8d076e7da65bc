// Writes events to a stream (the CLI's stdout) or to a file, atomically: the file is written under
// a temporary name in the same folder and renamed into place only once complete and flushed, so a
// cancelled, failed or crashed export never leaves a truncated file that looks like a good one.

import { Readable, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { createWriteStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { encodeEvents, type EncodeOptions, type ExportFormat, type ExportSource } from './encode-events'
import type { RowColumn } from '../../common/event-row'

export interface WriteOptions extends EncodeOptions {
  /** Gzip the output (a `.json.gz` that CloudTrail tools and Ashiato read back). */
  gzip?: boolean
  /** End the destination when done (default true). Pass false for process.stdout. */
  end?: boolean
}

export interface ExportTarget {
  path: string
  format: ExportFormat
  gzip?: boolean
  extraColumns?: RowColumn[]
  bom?: boolean
}

export interface ExportResult {
  events: number
  /** Bytes written to the destination (compressed when gzipped). */
  bytes: number
  path: string
}

/** Streams the events to `destination`, respecting its backpressure. Rejects with an AbortError on cancel. */
export async function writeEvents(
  source: ExportSource,
  ids: Iterable<number>,
  destination: Writable,
  options: WriteOptions,
): Promise<{ events: number; bytes: number }> {
  const counter = { events: 0 }
  let bytes = 0
  const countBytes = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done(null, chunk)
    },
  })
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream)[] = [
    Readable.from(encodeEvents(source, ids, options, counter)),
    ...(options.gzip ? [createGzip()] : []),
    countBytes,
    destination,
  ]
  await pipeline(stages, { signal: options.signal, end: options.end ?? true })
  return { events: counter.events, bytes }
}

/** A user-readable sentence for a failure to write `target` (the message crosses IPC as is). */
export function describeWriteError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const folder = path.dirname(path.resolve(target))
  switch (code) {
    case 'ENOENT':
      return `Cannot export to ${target}: the folder ${folder} does not exist.`
    case 'ENOTDIR':
      return `Cannot export to ${target}: part of the path is not a folder.`
    case 'EACCES':
    case 'EPERM':
      return `Cannot export to ${target}: permission denied in ${folder}.`
    case 'EROFS':
      return `Cannot export to ${target}: the disk is read-only.`
    case 'ENOSPC':
      return `Cannot export to ${target}: the disk is full.`
    case 'EISDIR':
      return `Cannot export to ${target}: it is a folder.`
    default:
      return `Cannot export to ${target}: ${error instanceof Error ? error.message : String(error)}`
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

/**
 * fsync before the rename: otherwise a power cut can leave the new name on an empty file. The
 * stream has closed its descriptor by now; fsync through a new one flushes the same file (r+, as
 * Windows needs write access to flush).
 */
async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Exports to a file atomically; a cancelled or failed export leaves neither the file nor a temp. */
export async function exportEvents(
  source: ExportSource,
  ids: Iterable<number>,
  target: ExportTarget,
  options: Pick<EncodeOptions, 'signal' | 'onProgress'> = {},
): Promise<ExportResult> {
  options.signal?.throwIfAborted()
  // Fail before writing a gigabyte, not at the rename after it.
  const existing = await stat(target.path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new Error(describeWriteError(error, target.path), { cause: error })
  })
  if (existing?.isDirectory()) throw new Error(describeWriteError({ code: 'EISDIR' }, target.path))

  // Same folder, so the rename cannot cross file systems; hidden, so a file browser or a watcher
  // (Ashiato's own folder loads skip dot-files) does not pick up the half-written file.
  const temp = path.join(path.dirname(target.path), `.${path.basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`)
  // 'wx': never write through a file (or a planted symbolic link) that is already there.
  const stream = createWriteStream(temp, { flags: 'wx' })
  try {
    const { events, bytes } = await writeEvents(source, ids, stream, { ...target, ...options })
    await flushToDisk(temp)
    await rename(temp, target.path)
    return { events, bytes, path: target.path }
  } catch (error) {
    // Windows cannot delete a file that is still open: let the stream close its descriptor first.
    // (Not events.once: it would reject on the 'error' the destroyed stream emits on the way.)
    if (!stream.closed) await new Promise<void>((resolve) => stream.once('close', () => resolve()))
    await rm(temp, { force: true, maxRetries: 3 })
    if (isAbort(error)) throw error
    throw new Error(describeWriteError(error, target.path), { cause: error })
  }
}
