// Reads one input file whole in a parse worker, refusing it before reading when it is over the
// per-file limit. One open, one fstat and the reads: statSync(path) and then readFileSync(path)
// looked the path up twice and stat'ed it twice (readFileSync fstat's the file again itself),
// on each of the 24,192 files of the 1M-event bench corpus.
//
// It reads what readFileSync reads: the size fstat gives at open (a file that grows meanwhile
// is read to that size, one that shrinks to its new end), and a file that says it is empty
// (a pipe, /proc) to its end.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'

/** What readFileSync refuses to read at once (its kIoMaxLength): named by the same error code. */
const MAX_READ_AT_ONCE = 2 ** 31 - 1

export type InputRead = { ok: true; bytes: Buffer } | { ok: false; size: number }

/**
 * The file's bytes, or `{ ok: false, size }` when its size is over `maxBytes` (nothing read).
 * `beforeRead(size)` runs once the size is known and before any byte is read (the worker
 * reserves its budget there). Throws what readFileSync throws (ENOENT, EACCES, EISDIR, ...).
 */
export function readInput(path: string, maxBytes: number, beforeRead: (size: number) => void): InputRead {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > maxBytes) return { ok: false, size }
    beforeRead(size)
    if (size === 0) return { ok: true, bytes: readFileSync(fd) }
    if (size > MAX_READ_AT_ONCE) throw Object.assign(new RangeError(`File size (${size}) is greater than 2 GiB`), { code: 'ERR_FS_FILE_TOO_LARGE' })
    const bytes = Buffer.allocUnsafe(size)
    let done = 0
    while (done < size) {
      const got = readSync(fd, bytes, done, size - done, -1)
      if (got === 0) break
      done += got
    }
    return { ok: true, bytes: done < size ? bytes.subarray(0, done) : bytes }
  } finally {
    closeSync(fd)
  }
}
