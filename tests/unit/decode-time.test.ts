// Instants: parsing CloudTrail's ISO forms, showing them in a zone, and their distance from the
// newest loaded event.
import { describe, expect, it } from 'vitest'
import { describeSpan, relativeToNewest } from '../../common/decode'
import { formatInstant, isValidZone, offsetLabel, parseZonedInstant } from '../../common/time'

const SEED = Date.UTC(2020, 4, 5, 3, 33, 28)

describe('parseZonedInstant', () => {
  it('reads the extended and basic ISO forms CloudTrail writes', () => {
    expect(parseZonedInstant('2020-05-05T03:33:28Z')).toBe(SEED)
    expect(parseZonedInstant('20131102T010628Z')).toBe(Date.UTC(2013, 10, 2, 1, 6, 28))
    expect(parseZonedInstant('2020-05-05T12:33:28+09:00')).toBe(SEED)
    expect(parseZonedInstant('2020-05-05T03:33:28.250Z')).toBe(SEED + 250)
  })

  it('refuses what is not an instant', () => {
    for (const text of ['eventTime', '2020-05-05', '2020-05-05T03:33:28', '2020-13-05T03:33:28Z', 'Nov 30, 2024, 8:43:17 PM', '']) {
      expect(parseZonedInstant(text), text).toBeNull()
    }
  })
})

describe('formatInstant', () => {
  it('keeps the UTC form the viewer always showed', () => {
    expect(formatInstant(SEED, 'UTC', 'en')).toBe('Tue 2020-05-05 03:33:28 UTC')
    expect(formatInstant(SEED, 'UTC', 'ja')).toBe('2020-05-05 (火) 03:33:28 UTC')
  })

  it('shows another zone with its name and offset, across the date line', () => {
    expect(formatInstant(SEED, 'Asia/Tokyo', 'en')).toBe('Tue 2020-05-05 12:33:28 Asia/Tokyo (UTC+09:00)')
    expect(formatInstant(Date.UTC(2020, 4, 5, 20, 0, 0), 'Asia/Tokyo', 'ja')).toBe('2020-05-06 (水) 05:00:00 Asia/Tokyo (UTC+09:00)')
    expect(formatInstant(SEED, 'America/New_York', 'en')).toBe('Mon 2020-05-04 23:33:28 America/New_York (UTC-04:00)')
    expect(formatInstant(SEED, 'Asia/Kolkata', 'en')).toContain('(UTC+05:30)')
  })

  it('falls back to UTC for a zone Intl does not know', () => {
    expect(isValidZone('Mars/Olympus')).toBe(false)
    expect(formatInstant(SEED, 'Mars/Olympus', 'en')).toBe('Tue 2020-05-05 03:33:28 UTC')
  })

  it('labels offsets', () => {
    expect(offsetLabel(0)).toBe('UTC')
    expect(offsetLabel(540)).toBe('UTC+09:00')
    expect(offsetLabel(-210)).toBe('UTC-03:30')
  })
})

describe('relativeToNewest', () => {
  it('counts back from the newest event', () => {
    expect(relativeToNewest(SEED, SEED + 3 * 86_400_000 + 5000, 'en')).toBe('3 days before the newest event')
    expect(relativeToNewest(SEED, SEED + 3 * 86_400_000, 'ja')).toBe('最新のイベントの 3 日前')
    expect(relativeToNewest(SEED, SEED + 3_600_000, 'en')).toBe('1 hour before the newest event')
    expect(relativeToNewest(SEED, SEED, 'en')).toBe('the time of the newest event')
    expect(relativeToNewest(SEED, null, 'en')).toBeNull()
  })

  it('says spans coarsely', () => {
    expect(describeSpan(90_000, 'en')).toBe('1 minute')
    expect(describeSpan(2 * 365 * 86_400_000, 'en')).toBe('2 years')
    expect(describeSpan(400, 'ja')).toBe('0 秒')
  })
})
