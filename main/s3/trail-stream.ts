// An S3 open as a stream of local files: openTrail hands each object over as it completes, and
// the loader reads an async iterable, so the two meet in a queue. Parsing then starts with the
// first object instead of after the last download (the app and the CLI both open this way).

import { setMaxListeners } from 'node:events'
import type { InputPath } from '../services/service-types'
import { openTrail, type OpenTrailDeps, type S3Summary, type S3TrailRequest } from './open-trail'

/** An unbounded single-consumer queue read with for await; close() ends the iteration. */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = []
  private head = 0
  private waiting: ((result: IteratorResult<T>) => void) | null = null
  private closed = false

  get isClosed(): boolean {
    return this.closed
  }

  push(item: T): void {
    if (this.closed) return
    const waiting = this.waiting
    if (waiting) {
      this.waiting = null
      waiting({ value: item, done: false })
    } else {
      this.items.push(item)
    }
  }

  /** No more items: the reader gets what is queued, then the end. */
  close(): void {
    this.closed = true
    const waiting = this.waiting
    this.waiting = null
    waiting?.({ value: undefined, done: true })
  }

  private next(): Promise<IteratorResult<T>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head++]
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head)
        this.head = 0
      }
      return Promise.resolve({ value, done: false })
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true })
    if (this.waiting) return Promise.reject(new Error('AsyncQueue has one reader'))
    return new Promise((resolve) => (this.waiting = resolve))
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => this.next(),
      // The reader stopped early (a cancelled load): later items are dropped.
      return: async () => {
        this.close()
        this.items = []
        this.head = 0
        return { value: undefined, done: true }
      },
    }
  }
}

export interface TrailStream {
  /** The objects as local files named s3://bucket/key, as they finish; ends when the open does. */
  inputs: AsyncIterable<InputPath>
  /** Pass to the loader: the day folders also hold events just outside the range. */
  timeRange: { from: number; to: number }
  /** The open's summary; rejects (S3OpenError) when it failed as a whole. */
  summary: Promise<S3Summary>
}

/** Starts opening a trail; read `inputs` while it runs. */
export function streamTrail(request: S3TrailRequest, deps: Omit<OpenTrailDeps, 'onObject'>): TrailStream {
  const queue = new AsyncQueue<InputPath>()
  // Every download in flight listens on the signal: a signal of our own, unlimited, so a
  // concurrency above 10 does not print a listener-leak warning; the caller's stops it.
  const stop = new AbortController()
  setMaxListeners(0, stop.signal)
  const abort = () => stop.abort()
  if (deps.signal?.aborted) abort()
  deps.signal?.addEventListener('abort', abort, { once: true })
  const summary = openTrail(request, { ...deps, signal: stop.signal, onObject: (input) => queue.push(input) }).finally(() => {
    deps.signal?.removeEventListener('abort', abort)
    queue.close()
  })
  // The caller usually awaits the load first: a failure must not count as unhandled meanwhile.
  summary.catch(() => undefined)
  return { inputs: queue, timeRange: { from: request.from, to: request.to }, summary }
}
