// Deduplication drops only the same event delivered twice: same eventID, same account and the
// same text but for whitespace. Events that only share an eventID (AWS documentation examples,
// anonymised datasets where every eventID is "redacted") are all kept, counted and marked.

import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EventStore } from '../../main/store/event-store'
import { loadInto } from '../../main/loader/load-files'
import { normalisedJsonHash, sameNormalisedJson } from '../../main/store/json-normal'
import { sampleEvent } from './helpers/export-fixtures'
import { SHARED_DATA, batchOfTexts as batchOf } from './helpers/make-store'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('exact deduplication in the store', () => {
  it('keeps two different events that share eventID and account, and marks both as collisions', () => {
    const store = new EventStore()
    const success = JSON.stringify(sampleEvent(1))
    const failure = JSON.stringify(sampleEvent(1, { errorCode: 'AccessDenied' }))
    const result = store.addBatch(batchOf([success, failure]), store.addFile('docs.json'))
    expect(result).toMatchObject({ added: 2, duplicates: 0, idCollisions: 2 })
    expect(store.text(0)).toBe(success)
    expect(store.text(1)).toBe(failure)
    expect(store.row(0).idCollision).toBe(true)
    expect(store.row(1).idCollision).toBe(true)
    expect(store.eventMarks(1)).toEqual({ idCollision: true })
  })

  it('drops the same event delivered twice even when one copy is pretty-printed', () => {
    const store = new EventStore()
    const event = sampleEvent(2, { requestParameters: { note: 'two  spaces\tand a tab, kept in the string' } })
    store.addBatch(batchOf([JSON.stringify(event)]), store.addFile('compact.json'))
    const second = store.addBatch(batchOf([JSON.stringify(event, null, 2)]), store.addFile('pretty.json'))
    expect(second).toMatchObject({ added: 0, duplicates: 1, idCollisions: 0 })
    expect(store.size).toBe(1)
    expect(store.row(0).idCollision).toBeUndefined()
  })

  it('keeps events that differ only inside a string, in key order, or in how a character is escaped', () => {
    const base = JSON.stringify(sampleEvent(3, { userAgent: 'a b' }))
    const variants = [base.replace('"a b"', '"a  b"'), base.replace('"a b"', '"a\\u0020b"'), JSON.stringify({ zz: 1, ...sampleEvent(3, { userAgent: 'a b' }) })]
    const store = new EventStore()
    const result = store.addBatch(batchOf([base, ...variants, base]), store.addFile('x'))
    expect(result).toMatchObject({ added: 4, duplicates: 1, idCollisions: 4 })
    expect([0, 1, 2, 3].map((id) => store.text(id))).toEqual([base, ...variants])
  })

  it('a trail where every eventID is "redacted" keeps all its events', () => {
    const events = Array.from({ length: 2000 }, (_, i) => JSON.stringify(sampleEvent(i, { eventID: 'redacted', recipientAccountId: 'redacted' })))
    const store = new EventStore()
    const first = store.addBatch(batchOf(events.slice(0, 1000)), store.addFile('a'))
    const second = store.addBatch(batchOf([...events.slice(1000), ...events.slice(0, 10)]), store.addFile('b'))
    expect(first).toMatchObject({ added: 1000, duplicates: 0, idCollisions: 1000 })
    expect(second).toMatchObject({ added: 1000, duplicates: 10, idCollisions: 1000 })
    expect(store.size).toBe(2000)
    expect(store.idCollisions).toBe(2000)
  })

  it('a hash match alone never drops an event: the texts are compared', () => {
    // The store finds candidates by the batch's id hash: give two different identities the
    // same hash, as a 52-bit collision would, and both events stay.
    const batch = batchOf([JSON.stringify(sampleEvent(4)), JSON.stringify(sampleEvent(5))])
    batch.idHashes[1] = batch.idHashes[0]
    const store = new EventStore()
    expect(store.addBatch(batch, store.addFile('x'))).toMatchObject({ added: 2, duplicates: 0, idCollisions: 0 })
  })

  it('forgets collisions on clear', () => {
    const store = new EventStore()
    store.addBatch(batchOf([JSON.stringify(sampleEvent(1)), JSON.stringify(sampleEvent(1, { eventName: 'Other' }))]), store.addFile('x'))
    store.clear()
    store.addBatch(batchOf([JSON.stringify(sampleEvent(1))]), store.addFile('x'))
    expect(store.idCollisions).toBe(0)
    expect(store.row(0).idCollision).toBeUndefined()
  })

  it('after clear, still compares against the events of the cleared store', () => {
    // clear() replaces the store's state; the duplicate check must read the new events, not a
    // discarded store's (whose arrays are empty).
    const store = new EventStore()
    store.addBatch(batchOf([JSON.stringify(sampleEvent(7))]), store.addFile('x'))
    store.clear()
    const twin = JSON.stringify(sampleEvent(1))
    const result = store.addBatch(batchOf([twin, twin, JSON.stringify(sampleEvent(1, { eventName: 'Other' }))]), store.addFile('y'))
    expect(result).toMatchObject({ added: 2, duplicates: 1, idCollisions: 2 })
    expect(store.row(1).idCollision).toBe(true)
  })
})

describe('whitespace-normalised comparison', () => {
  const same = (a: string, b: string): boolean => sameNormalisedJson(encode(a), encode(b))
  it('ignores whitespace between tokens only', () => {
    expect(same('{"a": [1, 2]}', '{\n  "a":[1,2]\n}')).toBe(true)
    expect(same('{"a":"x y"}', '{"a":"xy"}')).toBe(false)
    expect(same('{"a":"\\" x"}', '{"a":"\\"x"}')).toBe(false)
    expect(same('{"a":1}', '{"a":1} ')).toBe(true)
    expect(same('{"a":1}', '{"a":12}')).toBe(false)
  })
  it('hashes equal texts equally', () => {
    expect(normalisedJsonHash(encode('{"a": "b c"}'))).toBe(normalisedJsonHash(encode('{"a":"b c"}')))
    expect(normalisedJsonHash(encode('{"a": "b c"}'))).not.toBe(normalisedJsonHash(encode('{"a":"bc"}')))
  })
})

describe('deduplication on real data', () => {
  const permiso = path.join(SHARED_DATA, 'permiso_ccc')
  const trailscraper = path.join(SHARED_DATA, 'trailscraper')

  it.skipIf(!existsSync(trailscraper))('trailscraper: the .json and .json.gz of one file are exact duplicates', async () => {
    const store = new EventStore()
    const summary = await loadInto(store, [{ path: trailscraper }])
    expect(summary).toMatchObject({ events: 2, duplicates: 2, idCollisions: 0 })
  })

  it.skipIf(!existsSync(permiso))('permiso_ccc: eventIDs that repeat across files with other content are all kept', async () => {
    const store = new EventStore()
    const summary = await loadInto(store, [{ path: permiso }])
    // Every event read is kept or counted as an exact duplicate: nothing else is dropped.
    let read = 0
    const counted = new EventStore()
    await loadInto(counted, [{ path: permiso }], {}, { onFileReport: (r) => (read += r.events) })
    expect(summary.events + summary.duplicates).toBe(read)
    expect(summary.idCollisions).toBeGreaterThan(0)
    // Each marked event really has a twin with the same eventID and account but other content.
    const byIdentity = new Map<string, string[]>()
    for (let id = 0; id < store.size; id++) {
      const event = store.parsed(id)
      if (typeof event.eventID !== 'string' || event.eventID === '') continue
      const key = `${String(event.eventID)}\u0000${String(event.recipientAccountId)}`
      byIdentity.set(key, [...(byIdentity.get(key) ?? []), JSON.stringify(event)])
    }
    let marked = 0
    for (let id = 0; id < store.size; id++) if (store.isIdCollision(id)) marked++
    expect(marked).toBe(summary.idCollisions)
    const shared = [...byIdentity.values()].filter((group) => group.length > 1)
    expect(marked).toBe(shared.reduce((sum, group) => sum + group.length, 0))
  })
})
