// The identity worker's mirror (identity-mirror.ts): a follow copies only the columns the link
// table reads, a call every column. A store adopting its updates, as the worker's does, must
// read the same values as the main thread's store wherever it may read: the followed columns
// after each follow, every column after a call, across the shared arrays' growth (1,024 rows,
// then doubling) and with rows added between follows and calls.

import { describe, expect, it } from 'vitest'
import { EventStore } from '../../main/store/event-store'
import { STRING_COLUMNS } from '../../main/store/parsed-batch'
import { FOLLOW_COLUMNS, IdentityMirror } from '../../main/services/identity-mirror'
import { batchOfTexts } from './helpers/make-store'
import { call, iamUser } from './helpers/identity-gen'

const A = '111111111111'

function addEvents(store: EventStore, from: number, count: number): void {
  const texts: string[] = []
  for (let i = from; i < from + count; i++) {
    const user = iamUser(`user-${i % 37}`, A, `AKIA${String(i % 501).padStart(16, '0')}`)
    texts.push(JSON.stringify(call(user, { time: `2024-03-05T10:${String(i % 60).padStart(2, '0')}:00Z`, ip: `10.0.${(i >> 8) & 255}.${i & 255}`, name: i % 7 === 0 ? 'AssumeRole' : 'GetObject' })))
  }
  store.addBatch(batchOfTexts(texts), store.addFile(`batch-${from}.json`))
}

function expectSame(worker: EventStore, store: EventStore, columns: readonly (typeof STRING_COLUMNS)[number][], withReadOnly: boolean): void {
  expect(worker.size).toBe(store.size)
  expect(Array.from(worker.times.subarray(0, store.size))).toEqual(Array.from(store.times.subarray(0, store.size)))
  for (const column of columns) {
    expect(Array.from(worker.codes(column).subarray(0, store.size)), column).toEqual(Array.from(store.codes(column).subarray(0, store.size)))
  }
  if (withReadOnly) expect(Array.from(worker.mirrorSource().readOnly.subarray(0, store.size))).toEqual(Array.from(store.mirrorSource().readOnly.subarray(0, store.size)))
  for (let id = 0; id < store.size; id += 97) {
    expect(worker.value(worker.codes('accessKey')[id])).toBe(store.value(store.codes('accessKey')[id]))
    expect(Buffer.from(worker.bytes(id)).toString()).toBe(Buffer.from(store.bytes(id)).toString())
  }
}

describe('identity mirror', () => {
  it('gives the worker the followed columns at each follow, and every column at a call, across growth', () => {
    const store = new EventStore()
    const worker = new EventStore()
    const mirror = new IdentityMirror()
    let added = 0
    // Follows of batches that cross 1,024 and 2,048 rows, a call, more follows, a call.
    for (const [count, all] of [[700, false], [700, false], [300, true], [900, false], [900, false], [50, true]] as const) {
      addEvents(store, added, count)
      added += count
      worker.adoptMirror(mirror.update(store, all))
      expectSame(worker, store, all ? STRING_COLUMNS : FOLLOW_COLUMNS, all)
    }
    expect(store.size).toBe(3_550)
    store.clear()
    addEvents(store, 0, 10)
    worker.adoptMirror(mirror.update(store, true))
    expectSame(worker, store, STRING_COLUMNS, true)
  })

  it('sends a new worker everything again', () => {
    const store = new EventStore()
    const mirror = new IdentityMirror()
    addEvents(store, 0, 1_500)
    new EventStore().adoptMirror(mirror.update(store, true))
    mirror.forgetWorker()
    const fresh = new EventStore()
    fresh.adoptMirror(mirror.update(store, false))
    expectSame(fresh, store, STRING_COLUMNS, true)
  })
})
