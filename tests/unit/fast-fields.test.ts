// The field reader (main/loader/fast-fields.ts, fast-row.ts, strict-scanner.ts) against the
// path it replaces: JSON.parse of each event + rowOf. Every batch extractEvents makes must be
// the one it makes with { parseEveryEvent: true } (same ranges, times, readOnly, id hashes and
// column values), on real logs and on thousands of generated events in every shape: the
// reader may decline an event (it is then parsed), never read it otherwise. Damaged input,
// the one-pass delivery reader and the column coder: fast-fields-damage.test.ts.

import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { deliveryFile, makeEvent, makeEvents, makeInsightEvent, seededRandom, type Json } from '../support/cloudtrail-events'
import { isBatch, viewOf } from './helpers/batch-view'
import { SHARED_DATA_DIR, filesUnder } from './helpers/shared-dirs'
import { expectReadAsParsed, expectSameAsParsing, readFields, setRaw } from './helpers/fast-fields-check'

const dataDir = SHARED_DATA_DIR

describe.skipIf(!existsSync(dataDir))(`the reader on real CloudTrail logs in ${dataDir} (skipped when absent: not part of the repo)`, () => {
  it('gives every file the batch that parsing every event gives, and reads nearly all events itself', () => {
    let events = 0
    let read = 0
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file)
      const result = expectSameAsParsing(bytes, file)
      if (!isBatch(result)) continue
      for (const event of viewOf(result)) {
        events++
        if (expectReadAsParsed(event.text, file) !== null) read++
      }
    }
    expect(events).toBeGreaterThan(13000)
    // Only odd shapes are declined (numbers where strings are read, escaped keys...).
    expect(read / events).toBeGreaterThan(0.95)
  })
})

const ESCAPED_NAMES = ['user\\u0041', 'a\\"b', '\\u5c71\\u7530', 'tab\\there', 'slash\\/s', '\\ud83d\\ude00', 'back\\\\slash', '\\u0000nul']

describe('the reader on generated events', () => {
  it('reads thousands of generated events, compact and pretty-printed, exactly as parsing does', () => {
    const random = seededRandom(11)
    for (let k = 0; k < 3000; k++) {
      const event = k % 50 === 0 ? makeInsightEvent(random) : makeEvent(random)
      const compact = JSON.stringify(event)
      expect(expectReadAsParsed(compact), compact).not.toBeNull()
      expect(expectReadAsParsed(JSON.stringify(event, null, k % 2 ? 2 : '\t'))).not.toBeNull()
    }
  })

  it('files of generated events: delivery, arrays, pretty, JSON Lines, CRLF, gzip-free', () => {
    const events = makeEvents(400, 5)
    expectSameAsParsing(Buffer.from(deliveryFile(events)))
    expectSameAsParsing(Buffer.from(JSON.stringify(events)))
    expectSameAsParsing(Buffer.from(JSON.stringify({ Records: events }, null, 2)))
    expectSameAsParsing(Buffer.from(JSON.stringify({ Records: events }, null, 2).replace(/\n/g, '\r\n')))
    expectSameAsParsing(Buffer.from(events.map((e) => JSON.stringify(e)).join('\n')))
    expectSameAsParsing(Buffer.from(`{"Records":[${events.map((e) => JSON.stringify(e)).join(', ')}]}`))
  })

  it('escaped and non-ASCII strings in every field it reads (decoded, and coded like the plain value)', () => {
    const random = seededRandom(3)
    const fields = ['eventName', 'eventSource', 'awsRegion', 'sourceIPAddress', 'errorCode', 'recipientAccountId', 'eventID', 'eventType', 'eventTime']
    const identityFields = ['type', 'userName', 'arn', 'principalId', 'accountId', 'accessKeyId', 'invokedBy']
    const texts: string[] = []
    for (const raw of ESCAPED_NAMES) {
      for (const field of fields) texts.push(setRaw(makeEvent(random), field, `"${raw}"`))
      for (const field of identityFields) {
        const event = makeEvent(random)
        const marker = '"__ID__"'
        texts.push(JSON.stringify({ ...event, userIdentity: { ...(event.userIdentity as Json), [field]: '__ID__' } }).replace(marker, `"${raw}"`))
      }
    }
    // The same value escaped in one event and plain in the next: one dictionary entry.
    texts.push(setRaw(makeEvent(random), 'eventName', '"Get\\u004fbject"'), setRaw(makeEvent(random), 'eventName', '"GetObject"'))
    texts.push(JSON.stringify({ ...makeEvent(random), eventName: 'Ünïcødé 山田 😀', awsRegion: 'é' }))
    texts.push(JSON.stringify({ ...makeEvent(random), eventTime: '2024-03-05T10:00:00\u005a' }).replace('00Z"', '00\\u005a"'))
    for (const text of texts) expectReadAsParsed(text)
    expectSameAsParsing(Buffer.from(`{"Records":[${texts.join(',')}]}`))
    expectSameAsParsing(Buffer.from(`[${texts.join(',\n')}]`))
  })

  it('numbers, booleans, nulls, containers and absences where strings are read', () => {
    const random = seededRandom(4)
    const raws = ['123', '1.0', '-0', '1e3', 'true', 'false', 'null', '{}', '[]', '["x"]', '{"a":"b"}', '""']
    const texts: string[] = []
    for (const raw of raws) {
      for (const field of ['eventName', 'eventTime', 'recipientAccountId', 'eventID', 'readOnly', 'userIdentity', 'resources', 'errorCode', 'eventType']) {
        texts.push(setRaw(makeEvent(random), field, raw))
      }
      const event = makeEvent(random)
      const identity = event.userIdentity as Json
      for (const field of ['userName', 'arn', 'principalId', 'accountId', 'type', 'sessionContext', 'invokedBy']) {
        texts.push(JSON.stringify({ ...event, userIdentity: { ...identity, [field]: '__ID__' } }).replace('"__ID__"', raw))
      }
      texts.push(JSON.stringify({ ...event, userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: '__ID__' } } }).replace('"__ID__"', raw))
      texts.push(JSON.stringify({ ...event, userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: { userName: '__ID__' } } } }).replace('"__ID__"', raw))
      texts.push(JSON.stringify({ ...event, resources: ['__ID__', { type: 'AWS::S3::Object' }] }).replace('"__ID__"', raw))
      texts.push(JSON.stringify({ ...event, resources: [{ type: '__ID__' }] }).replace('"__ID__"', raw))
    }
    for (const text of texts) expectReadAsParsed(text)
    expectSameAsParsing(Buffer.from(`[${texts.join(',')}]`))
  })

  it('the precedence of user, account and readOnly', () => {
    const base = { eventTime: '2024-03-05T10:00:00Z', eventName: 'X', eventID: 'id-1' }
    const identities: Json[] = [
      { userName: 'u', arn: 'arn:aws:iam::1:user/a', principalId: 'p', invokedBy: 'i' },
      { userName: '', arn: 'arn:aws:iam::1:user/path/a', principalId: 'p' },
      { arn: 'arn:aws:iam::1:root' },
      { arn: 'noslashnocolon' },
      { arn: 'trailing/' },
      { arn: 'trailing:' },
      { arn: '', sessionContext: { sessionIssuer: { userName: 'issuer' } }, principalId: 'p' },
      { sessionContext: { sessionIssuer: { userName: '' } }, principalId: 'p' },
      { sessionContext: [], principalId: 'p' },
      { principalId: '', invokedBy: 'ec2.amazonaws.com' },
      { type: 'AWSService' },
      {},
    ]
    for (const userIdentity of identities) {
      for (const recipient of [undefined, null, '', '111111111111']) {
        const event = { ...base, userIdentity: { ...userIdentity, accountId: '222222222222' }, recipientAccountId: recipient }
        expect(expectReadAsParsed(JSON.stringify(event))).not.toBeNull()
      }
    }
    for (const readOnly of ['true', 'false', '"true"', '"false"', '"TRUE"', '"fals"', 'null', '1', '0', '{}', '"tru\\u0065"']) {
      expectReadAsParsed(`{"eventName":"X","readOnly":${readOnly}}`)
    }
  })

  it('event times: CloudTrail form read from the bytes, every other one as Date.parse reads it', () => {
    const random = seededRandom(9)
    const times: string[] = []
    for (let k = 0; k < 2000; k++) times.push(new Date(Date.UTC(1970, 0, 1) + Math.floor(random() * 4e12)).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    for (let month = 1; month <= 12; month++) for (const day of [0, 1, 28, 29, 30, 31, 32]) times.push(`2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00Z`)
    times.push('2024-02-29T23:59:59Z', '2024-03-05T24:00:00Z', '2024-03-05T24:30:00Z', '2024-03-05T24:00:01Z', '2024-03-05T23:60:00Z', '2024-03-05T23:59:60Z', '2024-13-05T10:00:00Z')
    times.push('0999-03-05T10:00:00Z', '0050-03-05T10:00:00Z', '9999-12-31T23:59:59Z', '2024-03-05T10:00:00.123Z', '2024-03-05T10:00:00+09:00')
    times.push('2024-03-05 10:00:00Z', '2024-03-05T10:00:00z', '2024-03-05', '2024-3-5T1:0:0Z', 'x024-03-05T10:00:00Z', '2024-03-05T10:0a:00Z', 'short', '')
    for (const eventTime of times) expectReadAsParsed(JSON.stringify({ eventTime, eventName: 'X' }))
  })

  it('duplicate keys (JSON.parse keeps the last): declined, so the result is still the parse', () => {
    const texts = [
      '{"eventName":"A","eventName":"B"}',
      '{"eventName":"A","userIdentity":{"userName":"a"},"userIdentity":{"userName":"b"}}',
      '{"eventName":"A","userIdentity":{"userName":"a","userName":"b"}}',
      '{"eventName":"A","userIdentity":{"sessionContext":{"sessionIssuer":{"userName":"a","userName":"b"}}}}',
      '{"eventName":"A","userIdentity":{"sessionContext":{"sessionIssuer":{"userName":"a"},"sessionIssuer":{}}}}',
      '{"eventName":"A","resources":[{"type":"a","type":"b"}]}',
      '{"eventName":"A","readOnly":true,"readOnly":false}',
      '{"eventName":"A","recipientAccountId":"1","recipientAccountId":"2","eventID":"x"}',
    ]
    for (const text of texts) expect(readFields(text), text).toBeNull()
    // Duplicates of keys it does not read change nothing it reads.
    expectReadAsParsed('{"eventName":"A","userAgent":"a","userAgent":"b","requestParameters":{"k":1,"k":2}}')
    expectSameAsParsing(Buffer.from(`[${texts.join(',')}]`))
  })

  it('escaped keys, deep nesting, huge strings, whitespace everywhere', () => {
    const random = seededRandom(6)
    const event = makeEvent(random)
    // "event\u004eame" is eventName: declined (keys are matched as bytes).
    expect(readFields(JSON.stringify(event).replace('"eventName"', '"event\\u004eame"'))).toBeNull()
    // Escaped keys it does not read are skipped like any other.
    expectReadAsParsed(JSON.stringify({ ...event, 'x\u0041y': 1 }).replace('"xAy"', '"x\\u0041y"'))
    for (const depth of [10, 63, 64, 65, 200]) {
      const nested = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`
      const text = setRaw(event, 'requestParameters', nested)
      const fields = expectReadAsParsed(text)
      if (depth < 60) expect(fields).not.toBeNull()
      expectSameAsParsing(Buffer.from(`{"Records":[${text}]}`))
    }
    const huge = JSON.stringify({ ...event, errorMessage: 'x'.repeat(3_000_000), userAgent: 'é'.repeat(100_000) })
    expect(expectReadAsParsed(huge)).not.toBeNull()
    const spaced = JSON.stringify(event, null, 1).replace(/":/g, '" \t:\r\n ').replace(/,/g, ' ,\n\t')
    expect(expectReadAsParsed(` \n${spaced}\n `)).not.toBeNull()
  })
})
