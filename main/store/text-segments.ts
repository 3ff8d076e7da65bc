// The events' original bytes, out of the JS heap and out of resident memory: each load's text
// is appended to segment files in a temporary folder of this process (the OS temp folder, never
// beside the logs) and read back by offset with pread. The OS page cache keeps them hot while
// memory allows; what the process itself holds is a few recently read blocks.
//
// Parse workers write their own segments (segment-writer.ts) and the store registers them by
// path; text given in memory (tests, synthetic stores) is appended here on the calling thread.
// A segment is kept open from registration on, so a temp cleaner deleting the file (Linux,
// macOS) loses nothing already loaded. The folder is removed on clear() and at process exit.

import { closeSync, fstatSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Bytes read from disk at once and kept: consecutive events (a scan, a page of rows) share one
 * read. Only when reads go in order: a sparse walk (the events of one name, scattered over the
 * load) reads each event alone, not a block per event (measured: 51,000 scattered events read
 * 13 GB as whole 256 KB blocks).
 */
const BLOCK = 64 * 1024
/** Blocks kept (4 MB): a screenful of rows, a sort's key reads, a few scans in step. */
const KEPT_BLOCKS = 64
const FOLDER_PREFIX = 'ashiato-text-'

/** Writing or reading the temporary text failed: says which file and why, in words. */
export class SpillError extends Error {}

export function spillReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC') return 'no space left on the disk of the temporary folder'
  if (code === 'EDQUOT') return 'disk quota exceeded on the temporary folder'
  if (code === 'EROFS') return 'the temporary folder is on a read-only disk'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied in the temporary folder'
  if (code === 'ENOENT') return 'the temporary file was removed'
  return error instanceof Error ? error.message : String(error)
}

const liveFolders = new Set<string>()
const swept = new Set<string>()
let exitHooked = false

function removeAtExit(folder: string): void {
  liveFolders.add(folder)
  if (exitHooked) return
  exitHooked = true
  process.on('exit', () => {
    for (const live of liveFolders) rmSync(live, { recursive: true, force: true })
  })
}

/**
 * Removes text folders that processes which died without cleaning up left behind (their pid,
 * in the folder's name, is gone). Cheap: one readdir of the temp folder.
 */
export function sweepStaleFolders(root = os.tmpdir()): number {
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return 0
  }
  for (const name of names) {
    const match = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name)
    if (!match || Number(match[1]) === process.pid) continue
    try {
      process.kill(Number(match[1]), 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue
      rmSync(path.join(root, name), { recursive: true, force: true })
      removed++
    }
  }
  return removed
}

interface Segment {
  path: string
  fd: number
  /** Bytes written (own segments only). */
  size: number
  /** A descriptor of another thread's TextSegments (query workers): not ours to close. */
  borrowed?: boolean
}

/** Where events' bytes are, for scans that read them in disk order (main/query/segment-scan.ts). */
export interface TextLayout {
  segmentOf: Uint32Array
  offsets: Float64Array
  lengths: Uint32Array
  readInto(segment: number, offset: number, length: number, target: Uint8Array): void
  /** Each segment's descriptor, by index (the process's: readable from any thread). */
  fds(): number[]
}

export class TextSegments {
  private folder: string | null = null
  private segments: Segment[] = []
  private byPath = new Map<string, number>()
  /** The segment this thread appends to; -1 until the first append. */
  private own = -1
  private blocks = new Map<number, Buffer>()
  /** The block of the previous read: a read in it or the next one is taken as a scan. */
  private lastKey = -1

  /** `root`: where the folder is made (the OS temp folder unless a test says otherwise). */
  constructor(private readonly root = os.tmpdir()) {}

  /** The folder of this set's segments (made on first use). */
  dir(): string {
    if (this.folder === null) {
      // Once per process and folder: what crashed runs left is removed before adding more.
      if (!swept.has(this.root)) {
        swept.add(this.root)
        sweepStaleFolders(this.root)
      }
      try {
        this.folder = mkdtempSync(path.join(this.root, `${FOLDER_PREFIX}${process.pid}-`))
      } catch (error) {
        throw new SpillError(`Could not make a temporary folder for the events' text in ${this.root}: ${spillReason(error)}.`, { cause: error })
      }
      removeAtExit(this.folder)
    }
    return this.folder
  }

  /** What parse workers prefix their segment files with. */
  workerPrefix(): string {
    return path.join(this.dir(), 'w')
  }

  /** The segment index of a file a worker wrote (opened for reading on first sight). */
  register(file: string): number {
    const known = this.byPath.get(file)
    if (known !== undefined) return known
    if (path.dirname(file) !== this.folder) throw new SpillError(`The text file ${file} does not belong to this set of events.`)
    let fd: number
    try {
      fd = openSync(file, 'r')
    } catch (error) {
      throw new SpillError(`Could not read back the events' text from ${file}: ${spillReason(error)}.`, { cause: error })
    }
    this.segments.push({ path: file, fd, size: 0 })
    this.byPath.set(file, this.segments.length - 1)
    return this.segments.length - 1
  }

  /** The segments' paths and descriptors, by index, `from` on (for a query worker's mirror). */
  handles(from = 0): { path: string; fd: number }[] {
    return this.segments.slice(from).map(({ path, fd }) => ({ path, fd }))
  }

  /**
   * In a query worker: reads the main thread's segments `from` on through the main thread's own
   * descriptors (they are the process's), under the same indexes. They stay the main thread's:
   * never closed here, so a worker stopped mid-query (a newer query) leaks none.
   */
  adoptHandles(from: number, handles: { path: string; fd: number }[]): void {
    handles.forEach(({ path, fd }, i) => {
      if (from + i >= this.segments.length) this.segments.push({ path, fd, size: 0, borrowed: true })
    })
  }

  /**
   * Appends bytes to this thread's own segment; returns where they are. On failure (a full
   * disk) the segment is cut back to what it held, so everything appended before stays whole.
   */
  append(bytes: Uint8Array): { segment: number; offset: number } {
    if (this.own < 0) {
      const file = path.join(this.dir(), 'main.seg')
      let fd: number
      try {
        fd = openSync(file, 'w+')
      } catch (error) {
        throw new SpillError(`Could not make the temporary text file ${file}: ${spillReason(error)}.`, { cause: error })
      }
      this.segments.push({ path: file, fd, size: 0 })
      this.byPath.set(file, this.segments.length - 1)
      this.own = this.segments.length - 1
    }
    const segment = this.segments[this.own]
    const offset = segment.size
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(segment.fd, bytes, done, bytes.length - done, offset + done)
    } catch (error) {
      try {
        ftruncateSync(segment.fd, offset)
      } catch {
        // The cut is best effort: offsets past `size` are never handed out anyway.
      }
      throw new SpillError(`Could not keep the events' text in ${segment.path}: ${spillReason(error)}.`, { cause: error })
    }
    segment.size += bytes.length
    return { segment: this.own, offset }
  }

  /** The bytes [offset, offset + length) of a segment: a view of a kept block, or a fresh buffer. */
  read(segment: number, offset: number, length: number): Uint8Array {
    const first = Math.floor(offset / BLOCK)
    if (length <= BLOCK / 2 && Math.floor((offset + length - 1) / BLOCK) === first) {
      const block = this.block(segment, first, offset - first * BLOCK + length)
      if (block) return block.subarray(offset - first * BLOCK, offset - first * BLOCK + length)
    }
    return this.readFresh(segment, offset, length)
  }

  /** The kept or newly read block, or null when the read is not part of a scan (read it alone). */
  private block(segment: number, index: number, needed: number): Buffer | null {
    const key = segment * 2 ** 28 + index
    let block = this.blocks.get(key)
    const inOrder = key === this.lastKey || key === this.lastKey + 1
    this.lastKey = key
    // A block read while its segment was still being written may be short: read it again.
    if (block && block.length >= needed) {
      this.blocks.delete(key)
      this.blocks.set(key, block)
      return block
    }
    if (!inOrder) return null
    block = this.readFresh(segment, index * BLOCK, BLOCK, needed)
    this.blocks.set(key, block)
    if (this.blocks.size > KEPT_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as number)
    return block
  }

  /**
   * Reads bytes [offset, offset + length) of a segment into `target` (from its start), for
   * scans that read whole regions into one reused buffer instead of a block per event.
   */
  readInto(segment: number, offset: number, length: number, target: Uint8Array): void {
    this.readAt(segment, offset, length, length, target)
  }

  /** Reads up to `length` bytes at `offset`; at least `needed` must be there. */
  private readFresh(segment: number, offset: number, length: number, needed = length): Buffer {
    // allocUnsafeSlow: its own memory, never a slice of Node's pool that views would pin.
    const out = Buffer.allocUnsafeSlow(length)
    const got = this.readAt(segment, offset, length, needed, out)
    return got < length ? out.subarray(0, got) : out
  }

  /** Reads up to `length` bytes at `offset` into `target`; fewer than `needed` is a changed file. */
  private readAt(segment: number, offset: number, length: number, needed: number, target: Uint8Array): number {
    const entry = this.segments[segment]
    if (!entry) throw new SpillError(`The events' text segment ${segment} is not open (was the set cleared?).`)
    let got: number
    try {
      got = readUpTo(entry.fd, offset, length, target)
    } catch (error) {
      throw new SpillError(`Could not read back the events' text from ${entry.path}: ${spillReason(error)}.`, { cause: error })
    }
    if (got < needed) throw new SpillError(`The events' text file ${entry.path} is shorter than expected (${offset + got} of ${offset + needed} bytes): it was changed outside Ashiato.`)
    return got
  }

  /** Bytes the segments take on disk. */
  diskBytes(): number {
    let total = 0
    for (const segment of this.segments) {
      try {
        total += fstatSync(segment.fd).size
      } catch {
        // A closed or broken descriptor counts as nothing.
      }
    }
    return total
  }

  /** Closes and removes every segment and the folder. */
  dispose(): void {
    for (const segment of this.segments) {
      if (segment.borrowed) continue
      try {
        closeSync(segment.fd)
      } catch {
        // Already closed: nothing to do.
      }
    }
    this.segments = []
    this.byPath.clear()
    this.blocks.clear()
    this.own = -1
    if (this.folder !== null) {
      rmSync(this.folder, { recursive: true, force: true })
      liveFolders.delete(this.folder)
      this.folder = null
    }
  }
}

/** Reads up to `length` bytes of a file at `offset` into `target` (from its start); the count read. */
export function readUpTo(fd: number, offset: number, length: number, target: Uint8Array): number {
  let got = 0
  while (got < length) {
    const n = readSync(fd, target, got, length - got, offset + got)
    if (n === 0) break
    got += n
  }
  return got
}
