// Gunzip with a cap on the output (a small .gz can inflate to terabytes) that keeps what can be
// saved from damaged input: a cut-off download still holds every event before the cut.
// Concatenated gzip members are one stream to zlib, as they are to gzip(1).

import { constants as bufferConstants } from 'node:buffer'
import zlib from 'node:zlib'

export type Inflated =
  | { ok: true; data: Buffer; damage: '' | 'truncated' | 'corrupt'; detail: string }
  | { ok: false; reason: string; tooLarge?: true }

/** Tries a corrupt stream's prefixes to find how much inflates (bounded: each try re-inflates). */
const MAX_PREFIX_TRIES = 20
/** zlib's smallest output chunk, and the largest worth allocating in one piece up front. */
const MIN_CHUNK = 64
const MAX_CHUNK = 64 * 1024 * 1024
/** Deflate cannot inflate more than ~1032 times its input: a larger recorded size is a lie. */
const MAX_RATIO = 1032

export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`
}

function errorCode(error: unknown): string {
  return String((error as NodeJS.ErrnoException | undefined)?.code ?? '')
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The output chunk for zlib: the size gzip records in its last four bytes (ISIZE), when it is
 * believable. Inflating into one buffer of the right size skips zlib's 16 KiB chunks and their
 * final concatenation (measured: a fifth less time), and gives a buffer of its own that the
 * worker can transfer without a copy. Only a hint: with several members or a lie, zlib simply
 * adds chunks.
 */
function chunkSizeFor(b: Uint8Array, maxOutputLength: number): number {
  if (b.length < 18) return MIN_CHUNK
  const recorded = (b[b.length - 4] | (b[b.length - 3] << 8) | (b[b.length - 2] << 16) | (b[b.length - 1] << 24)) >>> 0
  if (recorded === 0 || recorded > b.length * MAX_RATIO) return 16 * 1024
  return Math.max(MIN_CHUNK, Math.min(recorded, maxOutputLength, MAX_CHUNK))
}

/** Why a file over the per-file limit was not loaded: says the limit, how to change it, and what was kept. */
export function overLimitReason(limit: number, inflated: boolean): string {
  const what = inflated ? 'inflates to more than' : 'is larger than'
  return `${what} the per-file limit of ${formatBytes(limit)} of JSON (a guard against decompression bombs and memory exhaustion; set with --max-file-size); nothing was loaded from this file`
}

/**
 * The gzip's own guess of its inflated size (ISIZE), when believable; else a first guess from
 * the compressed size. Only where a budgeted inflate starts: a lie costs a retry, not memory.
 */
export function inflatedSizeHint(b: Uint8Array): number {
  if (b.length >= 18) {
    const recorded = (b[b.length - 4] | (b[b.length - 3] << 8) | (b[b.length - 2] << 16) | (b[b.length - 1] << 24)) >>> 0
    if (recorded > 0 && recorded <= b.length * MAX_RATIO) return recorded
  }
  return Math.max(1024 * 1024, b.length * 16)
}

export function gunzipCapped(b: Uint8Array, cap: number): Inflated {
  const maxOutputLength = Math.max(1, Math.min(Math.floor(cap), bufferConstants.MAX_LENGTH))
  const tooLarge: Inflated = { ok: false, reason: overLimitReason(maxOutputLength, true), tooLarge: true }
  try {
    return { ok: true, data: zlib.gunzipSync(b, { maxOutputLength, chunkSize: chunkSizeFor(b, maxOutputLength) }), damage: '', detail: '' }
  } catch (error) {
    if (errorCode(error) === 'ERR_BUFFER_TOO_LARGE') return tooLarge
    // Z_SYNC_FLUSH hands back what was inflated instead of failing at the missing end. Tried
    // only after a failure: a whole file then costs one pass, and the damage can be named.
    const partial = { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH }
    if (errorCode(error) === 'Z_BUF_ERROR') {
      try {
        return { ok: true, data: zlib.gunzipSync(b, partial), damage: 'truncated', detail: '' }
      } catch (again) {
        if (errorCode(again) === 'ERR_BUFFER_TOO_LARGE') return tooLarge
        return { ok: false, reason: `corrupt gzip: ${errorMessage(again)}` }
      }
    }
    // Corrupt data (a flipped bit, trailing garbage): the longest prefix that inflates without
    // error, found by bisection, holds everything before the damage.
    let good = 0
    let bad = b.length
    let best: Buffer | undefined
    for (let tries = 0; tries < MAX_PREFIX_TRIES && bad - good > 1; tries++) {
      const middle = Math.floor((good + bad) / 2)
      try {
        best = zlib.gunzipSync(b.subarray(0, middle), partial)
        good = middle
      } catch (again) {
        if (errorCode(again) === 'ERR_BUFFER_TOO_LARGE') return tooLarge
        bad = middle
      }
    }
    if (!best || best.length === 0) return { ok: false, reason: `corrupt gzip: ${errorMessage(error)}` }
    return { ok: true, data: best, damage: 'corrupt', detail: `${errorMessage(error)} near byte ${bad} of ${b.length}` }
  }
}
