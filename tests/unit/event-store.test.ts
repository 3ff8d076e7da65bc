import { describe, expect, it } from 'vitest'
import { EventStore } from '../../main/store/event-store'
import { IdHashTable, hashEventId } from '../../main/store/id-hash-table'
import { sampleEvent } from './helpers/export-fixtures'
import { batchOfTexts as batchOf } from './helpers/make-store'

const texts = (events: Record<string, unknown>[]): string[] => events.map((e) => JSON.stringify(e))

describe('EventStore', () => {
  it('keeps each event\'s original bytes and indexes its fields', () => {
    const original = '{"eventID":"a","eventTime":"2024-01-01T00:00:00Z","eventName":"GetObject","size":12345678901234567890,"userIdentity":{"userName":"alice"}}'
    const store = new EventStore()
    store.addBatch(batchOf([original]), store.addFile('one.json'))
    expect(store.size).toBe(1)
    expect(store.text(0)).toBe(original)
    expect(store.fileOfEvent(0)).toBe('one.json')
    expect(store.value(store.codes('eventName')[0])).toBe('GetObject')
    expect(store.value(store.codes('user')[0])).toBe('alice')
    expect(store.times[0]).toBe(Date.UTC(2024, 0, 1))
  })

  it('drops exact duplicates by eventID and account, across batches, and counts them', () => {
    const store = new EventStore()
    const first = store.addBatch(batchOf(texts([sampleEvent(1), sampleEvent(2)])), store.addFile('a.json'))
    const second = store.addBatch(batchOf(texts([sampleEvent(2), sampleEvent(3)])), store.addFile('b.json'))
    expect(first).toEqual({ added: 2, duplicates: 0, idCollisions: 0, noTime: 0 })
    expect(second).toEqual({ added: 1, duplicates: 1, idCollisions: 0, noTime: 0 })
    expect(store.size).toBe(3)
    expect(store.row(2).eventId).toBe(sampleEvent(3).eventID)
    expect(store.fileOfEvent(2)).toBe('b.json')
  })

  it('keeps the same eventID delivered to two accounts (an organization trail)', () => {
    const store = new EventStore()
    store.addBatch(batchOf(texts([sampleEvent(1), sampleEvent(1, { recipientAccountId: '999999999999' })])), store.addFile('x'))
    expect(store.size).toBe(2)
  })

  it('never deduplicates events without an eventID', () => {
    const store = new EventStore()
    store.addBatch(batchOf(texts([sampleEvent(1, { eventID: undefined }), sampleEvent(1, { eventID: undefined })])), store.addFile('x'))
    expect(store.size).toBe(2)
  })

  it('shares one dictionary across files and clears completely', () => {
    const store = new EventStore()
    store.addBatch(batchOf(texts([sampleEvent(1)])), store.addFile('a'))
    store.addBatch(batchOf(texts([sampleEvent(3)])), store.addFile('b'))
    expect(store.codes('eventName')[0]).toBe(store.codes('eventName')[1])
    const version = store.version
    store.clear()
    expect(store.size).toBe(0)
    expect(store.version).toBeGreaterThan(version)
    expect(store.codeOf('GetObject')).toBe(-1)
  })
})

describe('IdHashTable', () => {
  it('finds inserted hashes and settles collisions by the caller\'s comparison', () => {
    const table = new IdHashTable(4)
    for (let i = 0; i < 10_000; i++) expect(table.findOrInsert(hashEventId(`id-${i}`), i, () => true)).toBe(-1)
    expect(table.size).toBe(10_000)
    expect(table.findOrInsert(hashEventId('id-77'), 99_999, () => true)).toBe(77)
    // Same hash, but the caller says the events differ: both are kept.
    expect(table.findOrInsert(hashEventId('id-5'), 100_000, () => false)).toBe(-1)
    expect(table.size).toBe(10_001)
  })

  it('hashes to exact 52-bit integers that differ for near-identical ids', () => {
    const a = hashEventId('fbe6e9f7-379d-47bc-80f8-51be080370fd')
    const b = hashEventId('fbe6e9f7-379d-47bc-80f8-51be080370fe')
    expect(Number.isSafeInteger(a)).toBe(true)
    expect(a).not.toBe(b)
  })
})
