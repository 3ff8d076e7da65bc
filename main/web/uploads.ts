// Files a browser tab sends to the web-mode server (a drop or the file picker): the bytes arrive
// in binary WebSocket frames and are written to a temporary folder, because the loader reads
// files from disk in its workers. See common/web-protocol.ts for the frames.

import { createWriteStream, mkdirSync, promises as fs, type WriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import path from 'node:path'
import { UPLOAD_FRAME_HEADER_BYTES } from '../../common/web-protocol'
import type { InputPath } from '../services/service-types'

/** Far above any real drop; keeps one message from opening an unbounded number of files. */
const MAX_FILES_PER_UPLOAD = 100_000

interface UploadFile {
  displayName: string
  path: string
  size: number
  received: number
  stream: WriteStream
}

interface OpenUpload {
  dir: string
  files: UploadFile[]
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
 * and again when it drained, so the connection can stop reading its socket meanwhile.
 */
export class UploadReceiver {
  private open = new Map<number, OpenUpload>()
  /** Files whose write buffer is full; the socket is paused while any is. */
  private full = new Set<WriteStream>()

  constructor(
    private readonly tempRoot: string,
    private readonly onBackpressure: (full: boolean) => void,
  ) {}

  /** Synchronous on purpose: the file frames that follow may already be in the same read. */
  begin(uploadId: unknown, files: unknown): void {
    if (typeof uploadId !== 'number' || !Number.isInteger(uploadId) || uploadId < 0 || uploadId > 0xffffffff) {
      throw new Error('bad uploadId')
    }
    if (this.open.has(uploadId)) throw new Error(`upload ${uploadId} is already open`)
    const wanted = parseFiles(files)
    const dir = path.join(this.tempRoot, `upload-${process.pid}-${Date.now()}-${uploadId}`)
    mkdirSync(dir, { recursive: true })
    const upload: OpenUpload = { dir, files: [] }
    this.open.set(uploadId, upload)
    wanted.forEach(({ name, size }, index) => {
      const file = path.join(dir, `${index}-${safeFileName(name)}`)
      const stream = createWriteStream(file)
      // A write failure (disk full) surfaces when the upload ends; keep the process alive meanwhile.
      stream.on('error', (error) => console.error(`[web] writing upload ${file} failed: ${error.message}`))
      upload.files.push({ displayName: name, path: file, size, received: 0, stream })
    })
  }

  /**
   * One binary frame. Returns the uploadId it belongs to; throws when it does not fit the
   * upload (unknown upload or file, more bytes than announced).
   */
  chunk(frame: Buffer): number {
    if (frame.length < UPLOAD_FRAME_HEADER_BYTES) throw new Error('binary frame too short')
    const uploadId = frame.readUInt32BE(0)
    const index = frame.readUInt32BE(4)
    const file = this.open.get(uploadId)?.files[index]
    if (!file) throw new Error(`binary frame for an unknown upload file (${uploadId}/${index})`)
    const data = frame.subarray(UPLOAD_FRAME_HEADER_BYTES)
    file.received += data.length
    if (file.received > file.size) throw new Error(`${file.displayName}: more bytes than announced`)
    if (!file.stream.write(data) && !this.full.has(file.stream)) {
      this.full.add(file.stream)
      if (this.full.size === 1) this.onBackpressure(true)
      file.stream.once('drain', () => this.drained(file.stream))
    }
    return uploadId
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
      await Promise.all(upload.files.map((file) => closeStream(file.stream)))
      // An ended stream never emits 'drain' (Node skips it while ending): release the socket here.
      for (const file of upload.files) this.drained(file.stream)
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
    for (const file of upload.files) {
      file.stream.destroy()
      this.drained(file.stream) // a destroyed stream never drains
    }
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
