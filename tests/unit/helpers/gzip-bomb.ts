// Decompression bombs for tests, cheap to make: one gzip member of 16 MiB of spaces (16 KiB
// compressed) repeated; concatenated members are one stream to zlib, as to gzip(1). The JSON
// starts as a delivery file, so a loader without a cap would inflate all of it before parsing.

import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const CHUNK = 16 * 1024 * 1024
let member: Buffer | undefined

/** Writes a .json.gz at `file` that inflates to about `inflatedBytes` (rounded up to 16 MiB). */
export function writeGzipBomb(file: string, inflatedBytes: number): number {
  member ??= gzipSync(Buffer.alloc(CHUNK, 0x20), { level: 9 })
  const head = gzipSync('{"Records":[')
  const count = Math.ceil(inflatedBytes / CHUNK)
  const bomb = Buffer.concat([head, ...Array.from({ length: count }, () => member!)])
  writeFileSync(file, bomb)
  return bomb.length
}
