// The S3 dialog's date range: typed in UTC, a date alone at midnight, presets relative to now.
import { describe, expect, it } from 'vitest'
import { checkRange, formatRangeTime, parseRangeTime, presetRange } from '../../renderer/state/s3-range'

describe('S3 dialog date range', () => {
  it('reads a date as midnight UTC and a date-time as UTC unless it has an offset', () => {
    expect(parseRangeTime('2024-03-10')).toBe(Date.UTC(2024, 2, 10))
    expect(parseRangeTime(' 2024-03-10T12:05Z ')).toBe(Date.UTC(2024, 2, 10, 12, 5))
    expect(parseRangeTime('2024-03-10 12:05:30')).toBe(Date.UTC(2024, 2, 10, 12, 5, 30))
    expect(parseRangeTime('2024-03-10T12:00+09:00')).toBe(Date.UTC(2024, 2, 10, 3))
    for (const bad of ['', '2024-02-30', '10/03/2024', '2024-03-10T25:00Z', 'yesterday']) expect(parseRangeTime(bad), bad).toBeUndefined()
  })

  it('writes times back as it reads them', () => {
    expect(formatRangeTime(Date.UTC(2024, 2, 10))).toBe('2024-03-10')
    expect(formatRangeTime(Date.UTC(2024, 2, 10, 12, 5))).toBe('2024-03-10T12:05Z')
    expect(formatRangeTime(Date.UTC(2024, 2, 10, 12, 5, 7))).toBe('2024-03-10T12:05:07Z')
  })

  it('presets: today is the UTC day; the last 24 hours and 7 days end at the next whole minute', () => {
    const now = Date.UTC(2024, 2, 10, 15, 42, 10)
    expect(presetRange('today', now)).toEqual({ from: '2024-03-10', to: '2024-03-11' })
    expect(presetRange('last24h', now)).toEqual({ from: '2024-03-09T15:43Z', to: '2024-03-10T15:43Z' })
    expect(presetRange('last7d', now)).toEqual({ from: '2024-03-03T15:43Z', to: '2024-03-10T15:43Z' })
  })

  it('says which field is wrong', () => {
    expect(checkRange('2024-03-10', '2024-03-11')).toEqual({ ok: true, from: Date.UTC(2024, 2, 10), to: Date.UTC(2024, 2, 11) })
    expect(checkRange('x', '2024-03-11')).toEqual({ ok: false, field: 'from' })
    expect(checkRange('2024-03-10', '')).toEqual({ ok: false, field: 'to' })
    expect(checkRange('2024-03-11', '2024-03-10')).toEqual({ ok: false, field: 'range' })
  })
})
