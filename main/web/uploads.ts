// Files a browser tab sends to the web-mode server (a drop or the file picker): the bytes arrive
// in binary WebSocket frames and are written to a temporary folder, because the loader reads
// files from disk in its workers. See common/web-protocol.ts for the frames.

import { createWriteStream, mkdirSync, promises as fs, type WriteStream } from 'node:fs'
import { CallError } from '../../common/call-errors'
import { webLog } from './log-scrub'
import { finished } from 'node:stream/promises'
import path from 'node:path'
import { UPLOAD_FRAME_HEADER_BYTES } from '../../common/web-protocol'
import type { InputPath } from '../services/service-types'

/** Far above any real drop; keeps one message from announcing an unbounded number of files. */
const MAX_FILES_PER_UPLOAD = 100_000

/** Default of `ashiato serve --max-upload`: an upload's files together, as announced. */
export const DEFAULT_MAX_UPLOAD_BYTES = 8 * 1024 ** 3

/** 8 GiB, 512 MiB, 300 B: the units the --max-upload flag takes. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`
}

interface UploadFile {
  displayName: string
  path: string
  size: number
  received: number
}

interface OpenUpload {
  dir: string
  files: UploadFile[]
  /** The one file being written: files are opened when their first bytes arrive, in order. */
  current: { index: number; stream: WriteStream } | null
  /** Files written and ended, still flushing to disk. */
  closing: Promise<void>[]
}

/** A name that is safe as one path segment, keeping the extension the loader looks at. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[^\w.\- ]/g, '_').replace(/^\.+/, '_').slice(-120)
  return cleaned === '' ? 'file' : cleaned
}

function parseFiles(files: unknown): { name: string; size: number }[] {
  if (!Array.isArray(files) || files.length === 0) throw new Error('an upload needs at least one file')
  if (files.length > MAX_FILES_PER_UPLOAD) throw new Error(`too many files in one upload (at most ${MAX_FILES_PER_UPLOAD})`)
  return files.map((file: unknown, index) => {
    const { name, size } = (file ?? {}) as { name?: unknown; size?: unknown }
    if (typeof name !== 'string' || name.length === 0 || name.length > 1024) throw new Error(`upload file ${index + 1}: bad name`)
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new Error(`upload file ${index + 1}: bad size`)
    return { name, size }
  })
}

/**
 * The uploads of one connection. `onBackpressure` is told when a file's write buffer is full
 * and again when it drained, so the connection can stop reading its socket meanwhile. Each
 * upload has at most one file open (the client sends files one after another), so a drop of
 * 25,000 files costs one descriptor, not 25,000.
 */
export class UploadReceiver {
  private open = new Map<number, OpenUpload>()
  /** Files whose write buffer is full; the socket is paused while any is. */
  private full = new Set<WriteStream>()

  constructor(
    private readonly tempRoot: string,
    private readonly onBackpressure: (full: boolean) => void,
    /** An upload announcing more than this (all files together) is refused before anything is written. */
    readonly maxBytes: number = DEFAULT_MAX_UPLOAD_BYTES,
  ) {}

  /** Synchronous on purpose: the file frames that follow may already be in the same read. */
  begin(uploadId: unknown, files: unknown): void {
    if (typeof uploadId !== 'number' || !Number.isInteger(uploadId) || uploadId < 0 || uploadId > 0xffffffff) {
      throw new Error('bad uploadId')
    }
    if (this.open.has(uploadId)) throw new Error(`upload ${uploadId} is already open`)
    const wanted = parseFiles(files)
    const total = wanted.reduce((sum, file) => sum + file.size, 0)
    if (total > this.maxBytes) {
      throw new CallError(
        'upload-too-large',
        `This upload is ${formatBytes(total)}; the server accepts at most ${formatBytes(this.maxBytes)} per upload ` +
          '(ashiato serve --max-upload). Upload fewer files at once, or name them on the server\'s command line.',
        { size: formatBytes(total), limit: formatBytes(this.maxBytes) },
      )
    }
    const dir = path.join(this.tempRoot, `upload-${process.pid}-${Date.now()}-${uploadId}`)
    mkdirSync(dir, { recursive: true })
    const upload: OpenUpload = { dir, files: [], current: null, closing: [] }
    this.open.set(uploadId, upload)
    wanted.forEach(({ name, size }, index) => {
      upload.files.push({ displayName: name, path: path.join(dir, `${index}-${safeFileName(name)}`), size, received: 0 })
    })
  }

  /**
   * One binary frame. Returns the uploadId it belongs to; throws when it does not fit the
   * upload (unknown upload or file, more bytes than announced, a file sent before the previous
   * one was whole).
   */
  chunk(frame: Buffer): number {
    if (frame.length < UPLOAD_FRAME_HEADER_BYTES) throw new Error('binary frame too short')
    const uploadId = frame.readUInt32BE(0)
    const index = frame.readUInt32BE(4)
    const upload = this.open.get(uploadId)
    const file = upload?.files[index]
    if (!upload || !file) throw new Error(`binary frame for an unknown upload file (${uploadId}/${index})`)
    const data = frame.subarray(UPLOAD_FRAME_HEADER_BYTES)
    if (file.received + data.length > file.size) throw new Error(`${file.displayName}: more bytes than announced`)
    const stream = this.streamFor(upload, index)
    file.received += data.length
    if (!stream.write(data) && !this.full.has(stream)) {
      this.full.add(stream)
      if (this.full.size === 1) this.onBackpressure(true)
      stream.once('drain', () => this.drained(stream))
    }
    return uploadId
  }

  /** The open stream of file `index`, closing the one before (which must be whole by then). */
  private streamFor(upload: OpenUpload, index: number): WriteStream {
    if (upload.current?.index === index) return upload.current.stream
    if (upload.current && index < upload.current.index) throw new Error(`${upload.files[index].displayName}: bytes after the next file began`)
    if (upload.current) {
      const previous = upload.files[upload.current.index]
      if (previous.received !== previous.size) throw new Error(`${previous.displayName}: received ${previous.received} of ${previous.size} bytes`)
      this.finishCurrent(upload)
    }
    const file = upload.files[index]
    const stream = createWriteStream(file.path)
    // A write failure (disk full) surfaces when the upload ends; keep the process alive meanwhile.
    stream.on('error', (error) => webLog(`[web] writing upload ${file.path} failed: ${error.message}`))
    upload.current = { index, stream }
    return stream
  }

  private finishCurrent(upload: OpenUpload): void {
    if (!upload.current) return
    const { stream } = upload.current
    upload.current = null
    upload.closing.push(closeStream(stream))
    // An ended stream never emits 'drain' (Node skips it while ending): release the socket here.
    this.drained(stream)
  }

  private drained(stream: WriteStream): void {
    if (this.full.delete(stream) && this.full.size === 0) this.onBackpressure(false)
  }

  isOpen(uploadId: number): boolean {
    return this.open.has(uploadId)
  }

  /** All bytes are in: close the files and return them for loading (with their folder, to remove later). */
  async end(uploadId: unknown): Promise<{ dir: string; inputs: InputPath[] }> {
    const upload = typeof uploadId === 'number' ? this.open.get(uploadId) : undefined
    if (!upload) throw new Error(`no open upload ${String(uploadId)}`)
    this.open.delete(uploadId as number)
    try {
      for (const file of upload.files) {
        if (file.received !== file.size) throw new Error(`${file.displayName}: received ${file.received} of ${file.size} bytes`)
      }
      this.finishCurrent(upload)
      await Promise.all(upload.closing)
      // Empty files never get a frame: they exist only now.
      for (const file of upload.files) if (file.size === 0) await fs.writeFile(file.path, '', { flag: 'wx' }).catch(() => undefined)
    } catch (error) {
      await this.discard(upload)
      throw error
    }
    return { dir: upload.dir, inputs: upload.files.map((file) => ({ path: file.path, displayName: file.displayName })) }
  }

  /** Drops one upload (it failed) or, without an id, every open one (the connection closed). */
  async abort(uploadId?: number): Promise<void> {
    const ids = uploadId === undefined ? [...this.open.keys()] : [uploadId]
    for (const id of ids) {
      const upload = this.open.get(id)
      this.open.delete(id)
      if (upload) await this.discard(upload)
    }
  }

  private async discard(upload: OpenUpload): Promise<void> {
    if (upload.current) {
      upload.current.stream.destroy()
      this.drained(upload.current.stream) // a destroyed stream never drains
      upload.current = null
    }
    await Promise.allSettled(upload.closing)
    await fs.rm(upload.dir, { recursive: true, force: true })
  }
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end()
  try {
    await finished(stream)
  } catch (error) {
    throw new Error(`writing an uploaded file failed: ${(error as Error).message}`, { cause: error })
  }
}
