// common/time: the one reader of typed and written times and the one formatter, over zones, DST
// changes, dates that do not exist and every form the time range inputs, the S3 range and the
// query language accept. (parseEventTime, the strict reader, has its own tests in event-time.test.ts.)
import { describe, expect, it } from 'vitest'
import {
  formatEventTime,
  formatInstant,
  formatInZone,
  isoInZone,
  parseInstant,
  parseInZone,
  parseRangeTime,
  parseTime,
  parseZonedInstant,
  wallMs,
} from '../../common/time'

const T = Date.UTC(2024, 2, 5, 14, 30, 15)

describe('parseTime: forms', () => {
  it('reads each precision, and the period it names', () => {
    expect(parseTime('2024-03')).toEqual({ start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 3, 1), precision: 'month', zoned: false })
    expect(parseTime('2024-12')?.end).toBe(Date.UTC(2025, 0, 1))
    expect(parseTime('2024-03-05')).toMatchObject({ start: Date.UTC(2024, 2, 5), end: Date.UTC(2024, 2, 6), precision: 'day' })
    expect(parseTime('2024-03-05 14:30')).toMatchObject({ start: Date.UTC(2024, 2, 5, 14, 30), precision: 'minute', zoned: false })
    expect(parseTime('2024-03-05T14:30:15')).toMatchObject({ start: T, end: T + 1000, precision: 'second' })
    expect(parseTime('2024-03-05T14:30:15.123456Z')).toMatchObject({ start: T + 123, end: T + 124, precision: 'millisecond', zoned: true })
  })

  it('reads Z (either case) and offsets with or without a colon', () => {
    for (const text of ['2024-03-05T14:30:15Z', '2024-03-05t14:30:15z', '2024-03-05T23:30:15+09:00', '2024-03-05T23:30:15+0900', '2024-03-05T09:00:15-05:30']) {
      expect(parseTime(text)?.start, text).toBe(T)
    }
  })

  it('reads the basic form only when asked', () => {
    expect(parseTime('20240305T143015Z')).toBeNull()
    expect(parseTime('20240305T143015Z', { basic: true })?.start).toBe(T)
  })

  it('refuses dates that do not exist and fields out of range', () => {
    for (const text of ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13', '2024-00-10', '2024-03-00', '2024-03-05T24:00Z', '2024-03-05T10:60Z', '2024-03-05T10:00:60Z', '2024-03-05T10:00+24:00', '2024-03-05T10:00+09:60']) {
      expect(parseTime(text), text).toBeNull()
    }
    expect(parseTime('2024-02-29')).not.toBeNull()
    expect(parseTime('2000-02-29')).not.toBeNull()
    expect(parseTime('1900-02-29')).toBeNull()
  })

  it('refuses what is not a time, including hostile text', () => {
    for (const text of ['', 'yesterday', '2024', '2024-03-05Z', '2024-03Z', '<img src=x>', '2024-03-05T10', '２０２４-03-05', `2024-03-05T10:00:00.${'9'.repeat(100_000)}x`, '1709634061000']) {
      expect(parseTime(text), text.slice(0, 40)).toBeNull()
    }
  })

  it('reads years 0-99 as themselves, not 1900-1999 as Date.UTC does', () => {
    expect(parseTime('0050-01-01')?.start).toBe(new Date(0).setUTCFullYear(50, 0, 1))
  })
})

describe('parseTime in a zone', () => {
  it('reads wall time in the zone, and an instant with Z or an offset as itself', () => {
    expect(parseTime('2024-03-05 23:30:15', { zone: 'Asia/Tokyo' })?.start).toBe(T)
    expect(parseTime('2024-03-05T14:30:15Z', { zone: 'Asia/Tokyo' })?.start).toBe(T)
    expect(parseTime('2024-03-05', { zone: 'Asia/Kolkata' })?.start).toBe(Date.UTC(2024, 2, 4, 18, 30))
  })

  it('gives a day across a DST change its real length (23 h in spring, 25 h in autumn)', () => {
    const spring = parseTime('2021-03-14', { zone: 'America/New_York' })
    expect(spring).toMatchObject({ start: Date.UTC(2021, 2, 14, 5), end: Date.UTC(2021, 2, 15, 4) })
    const autumn = parseTime('2021-11-07', { zone: 'America/New_York' })
    expect(autumn!.end - autumn!.start).toBe(25 * 3_600_000)
    const march = parseTime('2021-03', { zone: 'Europe/London' })
    expect(march).toMatchObject({ start: Date.UTC(2021, 2, 1), end: Date.UTC(2021, 2, 31, 23) })
  })

  it('moves a wall time in the spring gap forward, and reads one in the autumn overlap once', () => {
    // 02:30 does not exist in New York on 2021-03-14; the later offset (EDT) is used.
    expect([Date.UTC(2021, 2, 14, 6, 30), Date.UTC(2021, 2, 14, 7, 30)]).toContain(parseInZone('2021-03-14 02:30', 'America/New_York'))
    const overlap = parseInZone('2021-11-07 01:30', 'America/New_York')
    expect([Date.UTC(2021, 10, 7, 5, 30), Date.UTC(2021, 10, 7, 6, 30)]).toContain(overlap)
    expect(formatInZone(overlap, 'America/New_York')).toBe('2021-11-07 01:30:00')
  })
})

describe('the named readers', () => {
  it('query instants ignore the zone and keep the period', () => {
    expect(parseInstant('2024-03-05 14:30')).toEqual({ start: Date.UTC(2024, 2, 5, 14, 30), end: Date.UTC(2024, 2, 5, 14, 31) })
  })

  it('the time range picker reads each form it offers, in the chosen zone', () => {
    const zone = 'Asia/Tokyo'
    expect(parseInZone('2024-03-05', zone)).toBe(Date.UTC(2024, 2, 4, 15))
    expect(parseInZone('2024-03-05 23:30', zone)).toBe(Date.UTC(2024, 2, 5, 14, 30))
    expect(parseInZone(' 2024-03-05T23:30:15 ', zone)).toBe(T)
    expect(parseInZone('2024-03-05T23:30:15.5', zone)).toBe(T + 500)
    expect(parseInZone('2024-03-05T14:30:15Z', zone)).toBe(T)
    expect(parseInZone('2024-03-05 16:30:15+02:00', zone)).toBe(T)
    expect(parseInZone('2024-02-30', zone)).toBeNull()
    expect(parseInZone('', zone)).toBeNull()
  })

  it('the S3 range reads days and date-times in UTC, not a month alone', () => {
    expect(parseRangeTime('2024-03-10')).toBe(Date.UTC(2024, 2, 10))
    expect(parseRangeTime('2024-03-10 12:00:30')).toBe(Date.UTC(2024, 2, 10, 12, 0, 30))
    expect(parseRangeTime('2024-03-10T12:00+09:00')).toBe(Date.UTC(2024, 2, 10, 3))
    expect(parseRangeTime('2024-03')).toBeUndefined()
    expect(parseRangeTime('2024-02-30')).toBeUndefined()
  })

  it('a written instant needs a zone and seconds; extended or basic', () => {
    expect(parseZonedInstant('2024-03-05T14:30:15Z')).toBe(T)
    expect(parseZonedInstant('20240305T143015Z')).toBe(T)
    expect(parseZonedInstant('2024-03-05T14:30:15.29Z')).toBe(T + 290)
    for (const text of ['2024-03-05', '2024-03-05T14:30:15', '2024-03-05T14:30Z', '2024-03-05 14:30:15Z', '2024-02-31T00:00:00Z', '2016-12-31T23:59:60Z']) {
      expect(parseZonedInstant(text), text).toBeNull()
    }
  })
})

describe('formatting', () => {
  it('shows one instant in every form, in UTC and in a zone', () => {
    expect(formatInZone(T, 'UTC')).toBe('2024-03-05 14:30:15')
    expect(formatInZone(T, 'Asia/Tokyo')).toBe('2024-03-05 23:30:15')
    expect(isoInZone(T + 7, 'America/New_York')).toBe('2024-03-05T09:30:15.007-05:00')
    expect(isoInZone(Date.UTC(2024, 6, 5), 'America/New_York')).toBe('2024-07-04T20:00:00-04:00')
    expect(formatEventTime(T)).toBe('2024-03-05T14:30:15Z')
    expect(formatEventTime(T + 250)).toBe('2024-03-05T14:30:15.250Z')
    expect(formatInstant(T, 'Asia/Kolkata', 'en')).toBe('Tue 2024-03-05 20:00:15 Asia/Kolkata (UTC+05:30)')
    expect(formatInstant(T, 'UTC', 'ja')).toBe('2024-03-05 (火) 14:30:15 UTC')
  })

  it('reads back what it writes, in every zone', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/St_Johns', 'Pacific/Chatham', 'Europe/London']) {
      for (const ms of [T, Date.UTC(2021, 2, 28, 1, 0, 1), Date.UTC(1999, 11, 31, 23, 59, 59)]) {
        expect(parseInZone(formatInZone(ms, zone), zone), `${zone} ${ms}`).toBe(ms)
        expect(parseZonedInstant(isoInZone(ms, zone)), `${zone} ${ms}`).toBe(ms)
      }
    }
  })

  it('writes a dash for no time, and years past 9999 in full', () => {
    expect(formatInZone(null, 'UTC')).toBe('—')
    expect(formatInZone(Number.NaN, 'Asia/Tokyo')).toBe('—')
    expect(isoInZone(8.64e15 + 1, 'UTC')).toBe('—')
    expect(formatInZone(wallMs(12345, 1, 2), 'UTC')).toBe('12345-01-02 00:00:00')
  })
})
