// A detection worker's reader of the events' bytes: it reads the store's segment files itself,
// through the main thread's descriptors and the mirror's (segment, offset, length) columns, a
// chunk at a time into one buffer it keeps. A worker matches ranges of consecutive ids, which
// lie one after another in a segment, so one read serves a few hundred events; reading them
// through the store's block cache made a fresh 64 KB buffer per block and an LRU update per
// event, and the collector's work on those buffers was a fifth of the matcher's time.

import { readSync } from 'node:fs'
import type { EventBytes } from './event-text'
import type { MirrorArrays, MirrorUpdate } from '../store/mirror-update'

/** Bytes read at once (the buffer grows for an event larger than this). */
const CHUNK = 512 * 1024

export class MirrorBytes implements EventBytes {
  buffer: Buffer = Buffer.allocUnsafeSlow(CHUNK)
  start = 0
  end = 0
  private arrays: MirrorArrays | null = null
  private fds: number[] = []
  private paths: string[] = []
  private generation = -1
  /** What the buffer holds: [chunkStart, chunkEnd) of segment chunkSegment. */
  private chunkSegment = -1
  private chunkStart = 0
  private chunkEnd = 0

  /** Follows the mirror (the same update the worker's store adopts). */
  adopt(update: MirrorUpdate): void {
    if (update.generation !== this.generation) {
      this.generation = update.generation
      this.fds = []
      this.paths = []
      this.arrays = null
    }
    if (update.arrays) this.arrays = update.arrays
    update.segments.forEach(({ path, fd }, i) => {
      this.fds[update.segmentsFrom + i] = fd
      this.paths[update.segmentsFrom + i] = path
    })
    // A segment may have grown since it was read: read again rather than trust a short chunk.
    this.chunkSegment = -1
  }

  read(id: number): void {
    const arrays = this.arrays
    if (!arrays) throw new Error('detection worker: events asked for before the store was mirrored')
    const segment = arrays.segmentOf[id]
    const offset = arrays.offsets[id]
    const length = arrays.lengths[id]
    if (segment !== this.chunkSegment || offset < this.chunkStart || offset + length > this.chunkEnd) this.fill(segment, offset, length)
    this.start = offset - this.chunkStart
    this.end = this.start + length
  }

  private fill(segment: number, offset: number, length: number): void {
    const fd = this.fds[segment]
    if (fd === undefined) throw new Error(`detection worker: the events' text segment ${segment} is not open`)
    // A new buffer only when an event is larger than the one kept (views of the old one are
    // dropped with the event that used them).
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(length)
    let got = 0
    while (got < this.buffer.length) {
      const n = readSync(fd, this.buffer, got, this.buffer.length - got, offset + got)
      if (n === 0) break
      got += n
    }
    if (got < length) throw new Error(`the events' text file ${this.paths[segment]} is shorter than expected: it was changed outside Ashiato`)
    this.chunkSegment = segment
    this.chunkStart = offset
    this.chunkEnd = offset + got
  }
}
