// The parse worker's side of text-segments.ts: appends each parsed file's text to this
// thread's segment file in the store's temporary folder, so the text never crosses to the main
// thread nor stays in memory. The file is opened per job (a job is up to 64 files) and closed
// after it: a worker terminated at the end of a load leaves no descriptor open.

import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { spillReason } from './text-segments'

interface Current {
  prefix: string
  path: string
  size: number
  ino: number
}

let current: Current | null = null
let counter = 0

export class SegmentWriter {
  private fd = -1

  /** Opens this thread's segment under `prefix` (the store's TextSegments.workerPrefix()). */
  constructor(prefix: string) {
    if (current && current.prefix === prefix) {
      try {
        this.fd = openSync(current.path, 'a')
        const stat = fstatSync(this.fd)
        // The file we wrote is still the one there: keep appending to it.
        if (stat.ino === current.ino && stat.size === current.size) return
        closeSync(this.fd)
      } catch {
        // Gone or unreadable: start another file below.
      }
    }
    const file = `${prefix}${threadId}-${counter++}.seg`
    try {
      this.fd = openSync(file, 'wx')
    } catch (error) {
      throw new Error(`its events' text could not be kept: the temporary file could not be made (${spillReason(error)})`, { cause: error })
    }
    current = { prefix, path: file, size: 0, ino: fstatSync(this.fd).ino }
  }

  /** Appends `bytes`; returns the segment's path and where they start. Throws with the reason in words. */
  append(bytes: Uint8Array): { path: string; offset: number } {
    const state = current!
    const offset = state.size
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done)
    } catch (error) {
      try {
        ftruncateSync(this.fd, offset)
      } catch {
        // Best effort: the store never reads past what it was told.
      }
      throw new Error(`its events' text could not be kept in the temporary folder (${spillReason(error)})`, { cause: error })
    }
    state.size += bytes.length
    return { path: state.path, offset }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd)
    this.fd = -1
  }
}
