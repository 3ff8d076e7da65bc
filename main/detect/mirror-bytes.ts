// A detection worker's reader of the events' bytes, through its mirror of the store: where each
// event is (the mirror's segment, offset and length columns) and the segments' descriptors (the
// main thread's, which the mirror adopted) come from the store's text layout, and the reads are
// the store's own loop (readUpTo, text-segments.ts): nothing here keeps a second list of files.
// It reads a chunk at a time into one buffer it keeps: a worker matches ranges of consecutive
// ids, which lie one after another in a segment, so one read serves a few hundred events;
// reading them through the store's block cache made a fresh 64 KB buffer per block and an LRU
// update per event, and the collector's work on those buffers was a fifth of the matcher's time.

import { readUpTo, type TextLayout } from '../store/text-segments'
import type { EventBytes } from './event-text'
import type { EventStore } from '../store/event-store'

/** Bytes read at once (a buffer of its own is made for an event larger than this). */
const CHUNK = 512 * 1024

export class MirrorBytes implements EventBytes {
  buffer: Buffer = Buffer.allocUnsafeSlow(CHUNK)
  start = 0
  end = 0
  /** The kept chunk buffer (`buffer` is another one while an event larger than it is read). */
  private readonly chunk = this.buffer
  private layout: TextLayout | null = null
  private fds: number[] = []
  /** What `buffer` holds: [chunkStart, chunkEnd) of segment chunkSegment. */
  private chunkSegment = -1
  private chunkStart = 0
  private chunkEnd = 0

  constructor(private readonly store: EventStore) {}

  /** Called after the store adopted a mirror update: its columns and descriptors may be new. */
  follow(): void {
    this.layout = this.store.textLayout()
    this.fds = this.layout.fds()
    // A segment may have grown since it was read: read again rather than trust a short chunk.
    this.chunkSegment = -1
  }

  read(id: number): void {
    const layout = this.layout
    if (!layout) throw new Error('detection worker: events asked for before the store was mirrored')
    const segment = layout.segmentOf[id]
    const offset = layout.offsets[id]
    const length = layout.lengths[id]
    if (segment !== this.chunkSegment || offset < this.chunkStart || offset + length > this.chunkEnd) this.fill(segment, offset, length)
    this.start = offset - this.chunkStart
    this.end = this.start + length
  }

  private fill(segment: number, offset: number, length: number): void {
    const fd = this.fds[segment]
    if (fd === undefined) throw new Error(`detection worker: the events' text segment ${segment} is not open`)
    // An event larger than the chunk gets a buffer of its own, dropped with the next chunk read,
    // rather than growing the kept one for the worker's life.
    const target = length > this.chunk.length ? Buffer.allocUnsafeSlow(length) : this.chunk
    const got = readUpTo(fd, offset, target.length, target)
    if (got < length) throw new Error(`the events' text segment ${segment} is shorter than expected (${offset + got} of ${offset + length} bytes): it was changed outside Ashiato`)
    this.buffer = target
    this.chunkSegment = segment
    this.chunkStart = offset
    this.chunkEnd = offset + got
  }
}
