// pack-job.ts: a worker's batches cross to the main thread as three packed buffers and a count
// per batch, the batches without their arrays; unpackColumns gives each batch back exactly its
// own events' arrays (in thread codes), however many events each had, none included.
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../main/loader/extract-events'
import { JobPacker, unpackColumns } from '../../main/loader/pack-job'
import { threadCoder } from '../../main/loader/column-coder'
import { STRING_COLUMNS, type ParsedBatch } from '../../main/store/parsed-batch'
import { makeEvents } from '../support/cloudtrail-events'

/** A batch's arrays as plain numbers, its codes read as strings (the coder's thread codes). */
function snapshot(batch: ParsedBatch, valueOf: (code: number) => string) {
  return {
    starts: [...batch.starts],
    ends: [...batch.ends],
    times: [...batch.times],
    idHashes: [...batch.idHashes],
    readOnly: [...batch.readOnly],
    columns: batch.columns.map((column) => [...column].map(valueOf)),
  }
}

describe('JobPacker and unpackColumns', () => {
  it('give every batch back its own arrays, for batches of 0, 1 and many events', () => {
    const events = makeEvents(90, 5).map((event) => JSON.stringify(event))
    const sizes = [3, 0, 1, 40, 46]
    const packer = new JobPacker()
    const expected: ReturnType<typeof snapshot>[] = []
    const sent: ParsedBatch[] = []
    let from = 0
    for (const size of sizes) {
      const text = Buffer.from(`{"Records":[${events.slice(from, from + size).join(',')}]}`)
      from += size
      // On the thread's scratch arrays, as in the worker: the next extraction overwrites them.
      const batch = extractEvents(text, 0, { scratch: true }) as ParsedBatch
      expect(batch.starts).toHaveLength(size)
      expect(batch.columns).toHaveLength(STRING_COLUMNS.length)
      const dictionary = batch.dictionary
      expected.push(snapshot(batch, (code) => dictionary[code]))
      packer.add(batch, threadCoder.threadCodes(batch.dictionary)!)
      sent.push(batch)
    }
    const { packed, transfer } = packer.take()
    // The packed buffers, then each batch's text (these were not written to a segment file).
    expect(transfer.slice(0, 3)).toStrictEqual([packed.u32.buffer, packed.f64.buffer, packed.u8.buffer])
    // The batches cross without arrays: nothing but the packed buffers carries their events.
    for (const batch of sent) expect(batch.starts).toHaveLength(0)
    const received = structuredClone({ batches: sent, packed }, { transfer })
    unpackColumns(received.batches, received.packed)
    const values = ['', ...threadCoder.valuesFrom(0)]
    expect(received.batches.map((batch) => snapshot(batch, (code) => values[code]))).toEqual(expected)
  })

  it('refuses counts that do not match the batches', () => {
    const packer = new JobPacker()
    const batch = extractEvents(Buffer.from(`{"Records":[${JSON.stringify(makeEvents(2, 9)[0])}]}`), 0, { scratch: true }) as ParsedBatch
    packer.add(batch, threadCoder.threadCodes(batch.dictionary)!)
    const { packed } = packer.take()
    expect(() => unpackColumns([], packed)).toThrow(/1 packed counts/)
    expect(() => unpackColumns([batch], { ...packed, counts: [2] })).toThrow(/sum to 2 of 1 events/)
  })
})
