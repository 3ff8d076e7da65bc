// Parse workers send columns in their coder's thread codes (column-coder.ts, pack-job.ts): each
// distinct value crosses to the main thread once, and the coder's table starts over past its
// bound. Whatever the bound, every event's columns must read back as event-fields derives them
// from the parsed event: a stale or shifted code would show another caller's key or address.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import path from 'node:path'
import { EventStore } from '../../main/store/event-store'
import { loadInto } from '../../main/loader/load-files'
import { STRING_COLUMNS } from '../../main/store/parsed-batch'
import { principalIdOf, rowOf } from '../../main/store/event-fields'
import { makeEvents } from '../support/cloudtrail-events'

const FILES = 24
const PER_FILE = 40
let root: string

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ashiato-thread-codes-'))
  const day = path.join(root, 'AWSLogs', '111111111111', 'CloudTrail', 'us-east-1', '2024', '03', '05')
  mkdirSync(day, { recursive: true })
  // Every call its own caller (key, principal, session name, some in Japanese): ~5 new values an event.
  const events = makeEvents(FILES * PER_FILE, 11).map((event) => JSON.stringify(event))
  for (let f = 0; f < FILES; f++) {
    const body = `{"Records":[${events.slice(f * PER_FILE, (f + 1) * PER_FILE).join(',')}]}`
    writeFileSync(path.join(day, `file-${String(f).padStart(2, '0')}.json.gz`), gzipSync(body))
  }
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Files that leave the common path: more events than the scratch arrays' first guess, escapes, odd key order, a huge event. */
function writeUnusualFiles(dir: string): number {
  mkdirSync(dir, { recursive: true })
  // 3,000 events of ~60 bytes: far more than a size/512 guess, so the batch arrays grow mid-file.
  const tiny = Array.from({ length: 3000 }, (_, k) => `{"eventID":"t${k}","eventName":"N${k % 700}","sourceIPAddress":"10.0.${k % 250}.${k % 7}"}`)
  writeFileSync(path.join(dir, 'tiny.json.gz'), gzipSync(`{"Records":[${tiny.join(',')}]}`))
  const odd = [
    // Escaped values (decoded, not sliced), non-ASCII, keys in another order, userIdentity last.
    `{"eventID":"e1","recipientAccountId":"111111111111","eventName":"Get\\u004fbject","sourceIPAddress":"\\u0031.2.3.4","userIdentity":{"principalId":"AROA:caf\u00e9","type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/r/caf\u00e9"},"eventTime":"2024-03-05T10:00:00Z"}`,
    `{"eventTime":"2024-03-05T10:00:01Z","userIdentity":{"accessKeyId":"ASIA\\/X","userName":"\\"quoted\\""},"eventSource":"s3.amazonaws.com","eventID":"e2","eventName":"\u30c6\u30b9\u30c8"}`,
    // A huge event: a 3 MB request parameter between the fields.
    `{"eventID":"e3","eventName":"PutObject","requestParameters":{"policy":"${'x'.repeat(3 * 1024 * 1024)}"},"sourceIPAddress":"203.0.113.9","userIdentity":{"type":"IAMUser","userName":"big"}}`,
  ]
  writeFileSync(path.join(dir, 'odd.json.gz'), gzipSync(`{"Records":[${odd.join(',')}]}`))
  return tiny.length + odd.length
}

/** Every column of every event, as the store reads it back, against event-fields on the parsed text. */
function mismatches(store: EventStore): string[] {
  const wrong: string[] = []
  for (let id = 0; id < store.size; id++) {
    const event = store.parsed(id)
    const row = rowOf(id, event)
    const expected: Record<string, string> = {
      eventName: row.eventName, eventSource: row.eventSource, user: row.user, identityType: row.identityType, region: row.region,
      sourceIp: row.sourceIp, errorCode: row.errorCode, account: row.account, accessKey: row.accessKey, principalId: principalIdOf(event),
      eventType: row.eventType, resourceType: row.resourceType,
    }
    for (const column of STRING_COLUMNS) {
      const got = store.value(store.codes(column)[id])
      if (got !== expected[column]) wrong.push(`event ${id} ${column}: ${got} instead of ${expected[column]}`)
    }
  }
  return wrong
}

describe('thread codes from the parse workers', () => {
  it('read back as the parsed events say, with the default table', async () => {
    const store = new EventStore()
    await loadInto(store, [{ path: root }], { workers: 2 })
    expect(store.size).toBe(FILES * PER_FILE)
    expect(mismatches(store)).toEqual([])
    store.clear()
  })

  it('read back as the parsed events say when the coder starts over every few files', async () => {
    const store = new EventStore()
    // 100 values: the table starts over every file or two, on both workers, mid-job.
    await loadInto(store, [{ path: root }], { workers: 2, maxCodedValues: 100 })
    expect(store.size).toBe(FILES * PER_FILE)
    expect(mismatches(store)).toEqual([])
    // Each distinct string is still held once by the store, however often a worker sent it again.
    const values = new Set<string>()
    for (let code = 0; code < store.dictionarySize; code++) values.add(store.value(code))
    expect(values.size).toBe(store.dictionarySize)
    store.clear()
  })

  it('read back as the parsed events say on files off the common path (grown arrays, escapes, key order, a huge event)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-unusual-'))
    const events = writeUnusualFiles(dir)
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    for (const maxCodedValues of [undefined, 50]) {
      const store = new EventStore()
      await loadInto(store, [{ path: dir }, { path: root }], { workers: 2, maxCodedValues })
      expect(store.size).toBe(events + FILES * PER_FILE)
      expect(mismatches(store)).toEqual([])
      store.clear()
    }
  })
})
