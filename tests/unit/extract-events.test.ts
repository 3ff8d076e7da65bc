// extractEvents on every input shape it accepts, made here from realistic generated events:
// each event must come back as its original bytes, with the fields event-fields derives.

import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { extractEvents } from '../../main/loader/extract-events'
import { splitDeliveryFile } from '../../main/loader/formats/delivery-split'
import { principalIdOf, rowOf } from '../../main/store/event-fields'
import { hashEventId } from '../../main/store/id-hash-table'
import { STRING_COLUMNS } from '../../main/store/parsed-batch'
import { expectBatch, expectWellFormed, viewOf } from './helpers/batch-view'
import { deliveryFile, eventBridgeEnvelope, lookupEvent, makeEvents, makeInsightEvent, seededRandom, type Json } from '../support/cloudtrail-events'

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')
const texts = (events: readonly Json[]): string[] => events.map((e) => JSON.stringify(e))

/** Loads `input` and checks that the events are exactly `expected` (texts, in order). */
function expectEvents(input: Uint8Array, expected: readonly string[]): ReturnType<typeof viewOf> {
  const batch = expectBatch(extractEvents(input, 3))
  expectWellFormed(batch)
  expect(batch.fileIndex).toBe(3)
  expect(batch.kind).toBe('events')
  expect(batch.warning).toBe('')
  const view = viewOf(batch)
  expect(view.map((e) => e.text)).toEqual(expected)
  return view
}

describe('fields of each event', () => {
  it('derives every column through event-fields, with dictionary code 0 for absent fields', () => {
    const events = makeEvents(300, 11)
    const view = expectEvents(utf8(deliveryFile(events)), texts(events))
    for (const got of view) {
      const event = JSON.parse(got.text) as Json
      const row = rowOf(0, event)
      const expected: Record<string, unknown> = { ...row, principalId: principalIdOf(event) }
      for (const name of STRING_COLUMNS) expect(got.columns[name], name).toBe(expected[name])
      expect(got.time).toBe(Date.parse(String(event.eventTime)))
      expect(got.readOnly).toBe(event.readOnly === true ? 1 : 2)
      expect(got.idHash).toBe(hashEventId(`${String(event.eventID)}\u0000${String(event.recipientAccountId)}`))
    }
    // The generator makes errors, service events and events without resources: absent is ''.
    expect(view.some((e) => e.columns.errorCode === '')).toBe(true)
    expect(view.some((e) => e.columns.errorCode !== '')).toBe(true)
    expect(view.some((e) => e.columns.resourceType === '')).toBe(true)
  })

  it('reads readOnly as true, false, "true", "false" or absent', () => {
    const values: unknown[] = [true, false, 'true', 'false', undefined, null, 'yes']
    const events = values.map((readOnly, i) => ({ eventName: `E${i}`, ...(readOnly === undefined ? {} : { readOnly }) }))
    expect(expectEvents(utf8(JSON.stringify(events)), texts(events)).map((e) => e.readOnly)).toEqual([1, 2, 1, 2, 0, 0, 0])
  })

  it('falls back to userIdentity.accountId for the account, hashes eventID with recipientAccountId, NaN without eventID', () => {
    const events = [
      { eventID: 'a', eventName: 'X', userIdentity: { accountId: '999', principalId: 'AIDA1' } },
      { eventID: 'a', eventName: 'X', recipientAccountId: '111', userIdentity: { accountId: '999' } },
      { eventName: 'NoId', '@timestamp': '2020-09-14T01:19:40Z' },
    ]
    const view = expectEvents(utf8(JSON.stringify(events)), texts(events))
    expect(view.map((e) => e.columns.account)).toEqual(['999', '111', ''])
    expect(view[0].columns.principalId).toBe('AIDA1')
    expect(view[0].idHash).toBe(hashEventId('a\u0000'))
    expect(view[1].idHash).toBe(hashEventId('a\u0000111'))
    expect(view[2].idHash).toBeNaN()
    expect(view[2].time).toBeNaN()
  })

  it('keeps every byte of the original text: big integers, key order, escapes, non-ASCII', () => {
    const text = '{"eventVersion":"1.08","zeta":1,"eventTime":"2024-03-05T10:00:00Z","bytes":123456789012345678901234567890,"alpha":-0.000000000000000000001e-300,"eventName":"Put\\u004fbject","note":"山田 \\"quoted\\" \\\\ </script>"}'
    const view = expectEvents(utf8(`{"Records":[${text}]}`), [text])
    expect(view[0].columns.eventName).toBe('PutObject')
  })
})

describe('delivery files as CloudTrail writes them (split by separator, then checked by JSON.parse)', () => {
  const events = makeEvents(60, 17)
  const expected = texts(events)
  const exact = (records: readonly string[]): Buffer => utf8(`{"Records":[${records.join(',')}]}`)

  it('gives the same batch as walking the same events', () => {
    // A space after each comma takes the file off the fast path, onto the walk.
    const fast = expectBatch(extractEvents(exact(expected), 0))
    const walked = expectBatch(extractEvents(utf8(`{"Records":[${expected.join(', ')}]}\n`), 0))
    expect(viewOf(fast)).toEqual(viewOf(walked))
    expect(viewOf(fast).map((e) => e.text)).toEqual(expected)
    // ...and the two did take different paths: the spaced file has no separator, so its one
    // range would be the whole list, which a walk of that range alone refuses.
    const input = exact(expected)
    expect(splitDeliveryFile(input, 0, input.length)?.count).toBe(60)
    const spaced = utf8(`{"Records":[${expected.join(', ')}]}\n`)
    expect(splitDeliveryFile(spaced, 0, spaced.length)).toBeNull()
  })

  it('is not fooled by the separator nested inside an event', () => {
    const nested = '{"eventVersion":"1.08","requestParameters":{"items":[{"a":1},{"eventVersion":"x","eventName":"Inner"}]},"eventName":"Outer"}'
    const records = [expected[0], nested, expected[1]]
    const input = exact(records)
    // The split cuts the nested event in two (4 ranges); JSON.parse refuses them, the walk takes over.
    expect(splitDeliveryFile(input, 0, input.length)?.count).toBe(4)
    expect(viewOf(expectBatch(extractEvents(input, 0))).map((e) => e.text)).toEqual(records)
  })

  it('is not fooled by the separator inside a string, or by events in another key order', () => {
    const inString = '{"eventVersion":"1.08","eventName":"S","note":"},{\\"eventVersion\\":"}'
    const reordered = '{"eventName":"Reordered","eventVersion":"1.08"}'
    const records = [expected[0], inString, reordered, expected[1]]
    expect(viewOf(expectBatch(extractEvents(exact(records), 0))).map((e) => e.text)).toEqual(records)
  })

  it('leaves files with more than Records, or objects that are not events, to the walk', () => {
    const more = utf8(`{"Records":[${expected.slice(0, 2).join(',')}],"Other":{"eventName":"AlsoAnEvent"}}`)
    expect(viewOf(expectBatch(extractEvents(more, 0))).map((e) => JSON.parse(e.text).eventName)).toEqual([events[0].eventName, events[1].eventName, 'AlsoAnEvent'])
    const notEvent = '{"eventVersion":"1.08","wrapped":{"eventName":"Inside"}}'
    const wrapped = expectBatch(extractEvents(exact([expected[0], notEvent]), 0))
    expect(viewOf(wrapped).map((e) => e.text)).toEqual([expected[0], '{"eventName":"Inside"}'])
  })
})

describe('input shapes', () => {
  const events = makeEvents(40, 5)
  const expected = texts(events)

  it('reads a CloudTrail delivery file, plain or gzipped (by content, whatever the name)', () => {
    expectEvents(utf8(deliveryFile(events)), expected)
    expectEvents(gzipSync(deliveryFile(events)), expected)
  })

  it('reads concatenated gzip members as one stream', () => {
    const input = Buffer.concat([gzipSync(deliveryFile(events.slice(0, 10))), gzipSync(deliveryFile(events.slice(10)))])
    const view = viewOf(expectBatch(extractEvents(input, 0)))
    expect(view.map((e) => e.text)).toEqual(expected)
  })

  it('reads a pretty-printed delivery file, with a UTF-8 BOM and CRLF line ends', () => {
    const pretty = JSON.stringify({ Records: events }, null, 2).replace(/\n/g, '\r\n')
    const view = viewOf(expectBatch(extractEvents(utf8(`\uFEFF${pretty}`), 0)))
    expect(view.map((e) => JSON.parse(e.text))).toEqual(events)
  })

  it('reads an empty Records list and an empty array as no events, without a warning', () => {
    for (const text of ['{"Records":[]}', '[]', ' [ ] \n', '{"Events": []}']) {
      const batch = expectBatch(extractEvents(utf8(text), 0))
      expect(batch.starts.length).toBe(0)
      expect(batch.warning).toBe('')
      expect(batch.kind).toBe('events')
    }
  })

  it('reads Insight files: events without userIdentity, whose insightDetails are not events of their own', () => {
    const random = seededRandom(3)
    const insights = [makeInsightEvent(random), makeInsightEvent(random)]
    const view = expectEvents(utf8(deliveryFile(insights)), texts(insights))
    expect(view.map((e) => e.columns.eventType)).toEqual(['AwsCloudTrailInsight', 'AwsCloudTrailInsight'])
    expect(view[0].columns.user).toBe('')
  })

  it('does not count objects inside an event as events, whatever the key order', () => {
    const nested = '{"detail":{"eventName":"Inner","eventSource":"x"},"items":[{"eventID":"inner"}],"eventName":"Outer","eventID":"outer"}'
    const view = expectEvents(utf8(`[${nested}]`), [nested])
    expect(view[0].columns.eventName).toBe('Outer')
  })

  it('reads JSON Lines (LF or CRLF, blank lines, a last line without newline)', () => {
    expectEvents(utf8(`${expected.join('\n')}\n`), expected)
    expectEvents(utf8(`${expected.join('\r\n\r\n')}`), expected)
  })

  it('reads concatenated JSON values, pretty-printed or not', () => {
    expectEvents(utf8(expected.join('')), expected)
    const pretty = events.map((e) => JSON.stringify(e, null, 4))
    expectEvents(utf8(pretty.join('\n')), pretty)
    expectEvents(utf8(`${pretty.join('\n\n')}\n`), pretty)
  })

  it('lets a missing comma between array elements pass (hand-joined exports)', () => {
    const pretty = events.slice(0, 3).map((e) => JSON.stringify(e, null, 2))
    expectEvents(utf8(`{"Records": [\n${pretty.join('\n')}\n]}`), pretty)
  })

  it('reads a plain array of events and a single event object', () => {
    const pretty = events.map((e) => JSON.stringify(e, null, 2))
    expectEvents(utf8(`[\n${pretty.join(',\n')}\n]`), pretty)
    expectEvents(utf8(`${pretty[0]}\n`), [pretty[0]])
  })

  it('reads lookup-events output: the event is the unescaped CloudTrailEvent string', () => {
    const lookups = expected.map(lookupEvent)
    for (const input of [JSON.stringify({ Events: lookups, NextToken: 'abc' }), lookups.map((l) => JSON.stringify(l)).join('\n')]) {
      const batch = expectBatch(extractEvents(utf8(input), 0))
      // The texts exist only as strings in the file: the batch holds a buffer of its own.
      expect(viewOf(batch).map((e) => e.text)).toEqual(expected)
      expect(viewOf(batch)[0].columns.eventName).toBe(events[0].eventName)
    }
  })

  it('reads EventBridge envelopes, one per line or in an array: the event is `detail`, as written', () => {
    const lines = events.map((e) => JSON.stringify(eventBridgeEnvelope(e)))
    expectEvents(utf8(lines.join('\n')), expected)
    expectEvents(utf8(`[${lines.join(',')}]`), expected)
  })

  it('reads Records wrapped in a rule-test harness (streamalert)', () => {
    const harness = [
      { data: { Records: events.slice(0, 2) }, description: 'x', log: 'cloudtrail:events', service: 's3' },
      { data: eventBridgeEnvelope(events[2]), description: 'y', trigger_rules: ['rule'] },
    ]
    const view = viewOf(expectBatch(extractEvents(utf8(JSON.stringify(harness, null, 2)), 0)))
    expect(view.map((e) => JSON.parse(e.text))).toEqual(events.slice(0, 3))
  })

  it('reads trimmed and Logstash-mangled events (no userIdentity, null errorCode, @timestamp)', () => {
    const trimmed = [
      { eventName: 'ListBuckets', eventSource: 's3.amazonaws.com', errorCode: null, eventTime: '2023-01-01T00:00:00Z' },
      { requestParameters: { eventName: 'notMe' }, '@timestamp': '2020-09-14T01:19:40.000Z', eventName: 'GetObject', '@version': '1' },
    ]
    const view = expectEvents(utf8(JSON.stringify(trimmed)), texts(trimmed))
    expect(view.map((e) => e.columns.errorCode)).toEqual(['', ''])
    expect(view[0].time).toBe(Date.UTC(2023, 0, 1))
    expect(view[1].time).toBeNaN()
  })

  it('reports digest files as kind "digest" with no events and no warning', () => {
    const digest = {
      awsAccountId: '111111111111',
      digestStartTime: '2024-03-05T10:00:00Z',
      digestEndTime: '2024-03-05T11:00:00Z',
      digestS3Bucket: 'trail-bucket',
      digestS3Object: 'AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2024/03/05/x.json.gz',
      logFiles: [{ s3Bucket: 'trail-bucket', s3Object: 'a.json.gz', hashValue: 'ab', newestEventTime: '2024-03-05T10:59:00Z' }],
    }
    const batch = expectBatch(extractEvents(gzipSync(JSON.stringify(digest)), 0))
    expect(batch.kind).toBe('digest')
    expect(batch.starts.length).toBe(0)
    expect(batch.warning).toBe('')
  })

  it('accepts any Uint8Array, not only Buffers, at any offset', () => {
    const bytes = utf8(`xx${deliveryFile(events)}`)
    const view = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), 2)
    expect(viewOf(expectBatch(extractEvents(view, 0))).map((e) => e.text)).toEqual(expected)
  })
})
