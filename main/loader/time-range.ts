// Keeps only the events of a batch inside a time range: an S3 date range lists a day more than
// it asks for (CloudTrail delivers late), so the extra events are dropped here, before the store.

import type { ParsedBatch } from '../store/parsed-batch'

/**
 * The batch reduced to events with from <= eventTime < to. Events without a time are kept: they
 * are in a file the range chose, and nothing tells they are outside it.
 */
export function keepTimeRange(batch: ParsedBatch, range: { from: number; to: number }): ParsedBatch {
  const keep: number[] = []
  for (let i = 0; i < batch.times.length; i++) {
    const t = batch.times[i]
    if (Number.isNaN(t) || (t >= range.from && t < range.to)) keep.push(i)
  }
  if (keep.length === batch.times.length) return batch
  const pick = <T extends Uint32Array | Float64Array | Uint8Array>(array: T): T => {
    const out = new (array.constructor as new (n: number) => T)(keep.length)
    for (let j = 0; j < keep.length; j++) out[j] = array[keep[j]]
    return out
  }
  return {
    ...batch,
    starts: pick(batch.starts),
    ends: pick(batch.ends),
    times: pick(batch.times),
    readOnly: pick(batch.readOnly),
    idHashes: pick(batch.idHashes),
    columns: batch.columns.map(pick),
  }
}
