// Progress of an S3 open: objects and bytes done against what has been listed so far. Totals grow
// while listing runs alongside the downloads, so `listingDone` says when they are final. Updates
// come from many concurrent downloads; they are coalesced to one callback per interval.

import type { S3DownloadCounts } from '../../common/ipc-contract'

/** The download's progress (openTrail's onProgress): the contract's counts, and the day folders listed. */
export interface S3Progress extends S3DownloadCounts {
  phase: 'discovering' | 'listing' | 'downloading' | 'done'
  /** Day folders listed, of those to list. */
  prefixesDone: number
  prefixesTotal: number
}

export interface ProgressTracker {
  state: S3Progress
  phase(phase: S3Progress['phase']): void
  prefixDone(): void
  objectListed(size: number): void
  /** An object finished; `bytes` are those not already counted through bytes(). */
  objectDone(bytes: number, fromCache: boolean): void
  /** Bytes streamed (negative when a failed attempt's bytes are taken back before a retry). */
  bytes(n: number): void
  failed(): void
  finish(cancelled: boolean): void
}

export function createProgress(onProgress: ((p: S3Progress) => void) | undefined, intervalMs: number): ProgressTracker {
  const state: S3Progress = {
    phase: 'discovering', prefixesDone: 0, prefixesTotal: 0, objectsDone: 0, objectsTotal: 0, bytesDone: 0, bytesTotal: 0,
    fromCache: 0, failed: 0, listingDone: false, offline: false, done: false, cancelled: false,
  }
  let last = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const emit = () => {
    timer = undefined
    last = Date.now()
    onProgress?.({ ...state })
  }
  // Leading call at once, then at most one per interval; a trailing call carries the latest state.
  const tick = () => {
    if (!onProgress || timer || state.done) return
    const wait = intervalMs - (Date.now() - last)
    if (wait <= 0) emit()
    else timer = setTimeout(emit, wait)
  }
  return {
    state,
    phase(phase) {
      state.phase = phase
      if (phase === 'downloading') state.listingDone = true
      tick()
    },
    prefixDone() {
      state.prefixesDone++
      tick()
    },
    objectListed(size) {
      state.objectsTotal++
      state.bytesTotal += size
      tick()
    },
    objectDone(bytes, fromCache) {
      state.objectsDone++
      state.bytesDone += bytes
      if (fromCache) state.fromCache++
      tick()
    },
    bytes(n) {
      state.bytesDone += n
      tick()
    },
    failed() {
      state.failed++
      tick()
    },
    finish(cancelled) {
      if (timer) clearTimeout(timer)
      timer = undefined
      state.phase = 'done'
      state.done = true
      state.cancelled = cancelled
      onProgress?.({ ...state })
    },
  }
}
