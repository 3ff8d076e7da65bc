// Packs a job's batches (up to 64 files) into three buffers before they cross to the main
// thread, and moves their codes onto the worker's running dictionary in the same copy.
// Measured on 200,000 realistic events in 24,192 files (a profile of each parse worker):
// transferring ~20 small typed arrays per file cost 1.3–1.5 s of ~12.9 s per worker (V8
// materialises an on-heap typed array's buffer to transfer it, and each is one more object to
// serialise), and the separate remap loop another 0.8 s. The batches keep their shape: their
// arrays become views of the packed buffers, which the main thread receives as views too.

import { STRING_COLUMNS, type BatchFailure, type ParsedBatch } from '../store/parsed-batch'
import { isFailure } from './worker-messages'

const COLUMNS = STRING_COLUMNS.length

/**
 * Rewrites every batch in `results` onto packed buffers and running codes (strings new to
 * `running` are appended to `added`); returns the buffers to transfer.
 */
export function packResults(results: (ParsedBatch | BatchFailure)[], running: Map<string, number>, added: string[]): ArrayBuffer[] {
  const batches = results.filter((r): r is ParsedBatch => !isFailure(r))
  let total = 0
  for (const batch of batches) total += batch.starts.length
  // u32: starts, ends, then the columns; f64: times, idHashes; u8: readOnly.
  const u32 = new Uint32Array(total * (2 + COLUMNS))
  const f64 = new Float64Array(total * 2)
  const u8 = new Uint8Array(total)
  const transfer: ArrayBuffer[] = [u32.buffer, f64.buffer, u8.buffer]
  let at = 0
  for (const batch of batches) {
    const n = batch.starts.length
    const codes = runningCodes(batch.dictionary, running, added)
    const starts = u32.subarray(at, at + n)
    const ends = u32.subarray(total + at, total + at + n)
    starts.set(batch.starts)
    ends.set(batch.ends)
    const columns: Uint32Array[] = []
    for (let c = 0; c < COLUMNS; c++) {
      const from = (2 + c) * total + at
      const target = u32.subarray(from, from + n)
      const source = batch.columns[c]
      for (let i = 0; i < n; i++) target[i] = codes[source[i]]
      columns.push(target)
    }
    const times = f64.subarray(at, at + n)
    const idHashes = f64.subarray(total + at, total + at + n)
    times.set(batch.times)
    idHashes.set(batch.idHashes)
    const readOnly = u8.subarray(at, at + n)
    readOnly.set(batch.readOnly)
    Object.assign(batch, { starts, ends, times, idHashes, readOnly, columns, dictionary: [] })
    if (batch.text.length > 0) {
      batch.text = ownBuffer(batch.text)
      transfer.push(batch.text.buffer as ArrayBuffer)
    }
    at += n
  }
  return [...new Set(transfer)]
}

/** The running code of each of a batch's dictionary entries. */
function runningCodes(dictionary: string[], running: Map<string, number>, added: string[]): Uint32Array {
  const codes = new Uint32Array(dictionary.length)
  for (let i = 0; i < dictionary.length; i++) {
    const value = dictionary[i]
    let code = running.get(value)
    if (code === undefined) {
      code = running.size
      running.set(value, code)
      added.push(value)
    }
    codes[i] = code
  }
  return codes
}

/**
 * Text still sent in memory (no segment folder) must be a buffer of its own: Node's shared
 * allocation pool must not be transferred (that would detach the pool), so pooled ones are copied.
 */
function ownBuffer(view: Uint8Array): Uint8Array {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view
  return new Uint8Array(view)
}
