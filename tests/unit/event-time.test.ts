// eventTime is a zoned ISO 8601 instant or "no time": nothing is guessed (Date.parse made a date
// of "<img src=x>" and "2001", and read a time without a zone in the machine's own zone).

import { describe, expect, it } from 'vitest'
import { parseEventTime } from '../../common/time'
import { extractEvents } from '../../main/loader/extract-events'
import { keepTimeRange } from '../../main/loader/time-range'
import { EventStore } from '../../main/store/event-store'
import { evaluate } from '../../main/query/evaluate'
import { isFailure } from '../../main/loader/worker-messages'
import type { ParsedBatch } from '../../main/store/parsed-batch'

const NOT_TIMES = [
  '<img src=x>', '2001', '2001-01-01', '2024-03-05T10:21:01', '2024-03-05 10:21:01Z', 'eventTime', '', ' 2024-03-05T10:21:01Z',
  '2024-03-05T10:21:01Z ', '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-03-05T24:00:00Z', '2024-03-05T10:60:00Z',
  '2024-03-05T10:21:60Z', '2024-13-05T10:21:01Z', '2024-03-05T10:21:01+24:00', '2024-03-05T10:21:01+0900', '2024-03-05T10:21:01.Z',
  '+002024-03-05T10:21:01Z', 'Tue, 05 Mar 2024 10:21:01 GMT', '1709634061000', '２０２４-03-05T10:21:01Z',
]

describe('parseEventTime', () => {
  it('reads zoned instants, with offsets and fractions, to the millisecond', () => {
    expect(parseEventTime('2024-03-05T10:21:01Z')).toBe(Date.UTC(2024, 2, 5, 10, 21, 1))
    expect(parseEventTime('2024-03-05T19:21:01+09:00')).toBe(Date.UTC(2024, 2, 5, 10, 21, 1))
    expect(parseEventTime('2024-03-04T23:21:01.250-11:00')).toBe(Date.UTC(2024, 2, 5, 10, 21, 1, 250))
    expect(parseEventTime('2024-03-05T10:21:01.123456789Z')).toBe(Date.UTC(2024, 2, 5, 10, 21, 1, 123))
    expect(parseEventTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
    const year99 = new Date(0)
    year99.setUTCFullYear(99, 0, 1)
    expect(parseEventTime('0099-01-01T00:00:00Z')).toBe(year99.getTime())
  })

  it.each(NOT_TIMES)('%j is no time', (text) => {
    expect(parseEventTime(text)).toBeNaN()
  })

  it('is no time for non-strings', () => {
    for (const value of [null, undefined, 1709634061000, true, {}, ['2024-03-05T10:21:01Z']]) expect(parseEventTime(value)).toBeNaN()
  })
})

function batchOf(times: unknown[]): ParsedBatch {
  const events = times.map((eventTime, i) => JSON.stringify({ eventVersion: '1.08', eventTime, eventID: `e-${i}`, eventName: 'GetObject' }))
  const result = extractEvents(Buffer.from(`{"Records":[${events.join(',')}]}`), 0)
  if (isFailure(result)) throw new Error(result.reason)
  return result
}

describe('the loader reads eventTime strictly', () => {
  it('gives bad times no time, both when reading fields from bytes and when parsing', () => {
    const times = ['2024-03-05T10:21:01Z', ...NOT_TIMES.slice(0, 12), 20240305, null]
    const fast = batchOf(times)
    expect(fast.times[0]).toBe(Date.UTC(2024, 2, 5, 10, 21, 1))
    for (let i = 1; i < times.length; i++) expect(fast.times[i], String(times[i])).toBeNaN()
    // A duplicate key makes the field reader decline: the parse path must agree.
    const parsed = extractEvents(Buffer.from(`{"Records":[{"eventTime":"2001","eventTime":"<img src=x>","eventID":"x"}]}`), 0) as ParsedBatch
    expect(parsed.times[0]).toBeNaN()
  })

  it('keeps events without a time out of time filters but in the set, counted and marked', () => {
    const store = new EventStore()
    const result = store.addBatch(batchOf(['2024-03-05T10:21:01Z', '2001', '<img src=x>']), store.addFile('x'))
    expect(result).toMatchObject({ added: 3, noTime: 2 })
    expect(store.noTimeEvents).toBe(2)
    expect(store.eventMarks(1)).toEqual({ noTime: true })
    expect(store.row(2).time).toBeNull()
    expect(store.text(2)).toContain('"eventTime":"<img src=x>"')
    const everything = evaluate(store, '', { from: Date.UTC(1900, 0, 1), to: Date.UTC(2100, 0, 1) })
    expect(Array.from(everything.ids)).toEqual([0])
  })

  it('an S3 date range keeps events without a time (nothing says they are outside it)', () => {
    const batch = batchOf(['2024-03-05T10:21:01Z', '2024-03-07T10:21:01Z', 'junk'])
    const kept = keepTimeRange(batch, { from: Date.UTC(2024, 2, 5), to: Date.UTC(2024, 2, 6) })
    expect(kept.starts.length).toBe(2)
    expect(kept.times[1]).toBeNaN()
  })
})
