import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../common/i18n'
import { compactCount, durationParts, fileBaseName, formatBytes, formatCount, formatDuration, formatUtc } from '../../renderer/format/format'
import { scrollToReveal, virtualWindow, windowsCovering, MAX_SCROLL_HEIGHT } from '../../renderer/list/virtual-window'

describe('compact counts', () => {
  it('fit in four characters at any size', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [999, '999'],
      [1000, '1k'],
      [1011, '1k'],
      [1234, '1.2k'],
      [9_960, '10k'],
      [12_345, '12k'],
      [999_499, '999k'],
      [999_500, '1M'],
      [1_234_567, '1.2M'],
      [10_000_000, '10M'],
      [2_000_000_000, '2G'],
    ]
    for (const [n, text] of cases) {
      expect(compactCount(n), String(n)).toBe(text)
      expect(text.length).toBeLessThanOrEqual(4)
    }
  })
})

describe('durations (a load\'s time left)', () => {
  it('are rounded as a person would say them, in both languages', () => {
    expect(durationParts(8_000)).toEqual({ h: 0, min: 0, s: 8 })
    expect(durationParts(200_000)).toEqual({ h: 0, min: 3, s: 20 })
    expect(durationParts(3_900_000)).toEqual({ h: 1, min: 5, s: 0 })
    expect(durationParts(10)).toEqual({ h: 0, min: 0, s: 1 }) // never "0 s left"
    expect(formatDuration(8_000, MESSAGES.en)).toBe('8 s')
    expect(formatDuration(200_000, MESSAGES.en)).toBe('3 min 20 s')
    expect(formatDuration(3_900_000, MESSAGES.en)).toBe('1 h 5 min')
    expect(formatDuration(200_000, MESSAGES.ja)).toBe('3 分 20 秒')
    expect(formatDuration(3_900_000, MESSAGES.ja)).toBe('1 時間 5 分')
  })
})

describe('time formatting (UTC)', () => {
  const t = Date.UTC(2020, 4, 5, 3, 33, 28)

  it('formats ms as UTC, whatever the local zone', () => {
    expect(formatUtc(t)).toBe('2020-05-05 03:33:28')
    expect(formatUtc(0)).toBe('1970-01-01 00:00:00')
  })

  it('shows a dash for a missing time', () => {
    expect(formatUtc(null)).toBe('—')
    expect(formatUtc(undefined)).toBe('—')
    expect(formatUtc(Number.NaN)).toBe('—')
    expect(formatUtc(8.64e15 + 1)).toBe('—')
  })

  it('formats counts and sizes', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(12)).toBe('12')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB')
  })

  it('names a file by the last part of its path', () => {
    expect(fileBaseName('/var/log/trail/a.json.gz')).toBe('a.json.gz')
    expect(fileBaseName('C:\\logs\\b.json')).toBe('b.json')
    expect(fileBaseName('s3://bucket/AWSLogs/c.json.gz')).toBe('c.json.gz')
    expect(fileBaseName('plain.json')).toBe('plain.json')
    expect(fileBaseName('folder/')).toBe('folder/')
  })
})

describe('virtual list geometry', () => {
  it('renders only the rows in view plus overscan', () => {
    const w = virtualWindow(10_000, 20, 2000, 400, 5)
    expect(w.spacerHeight).toBe(200_000)
    expect(w.first).toBe(95)
    expect(w.last).toBe(125)
    expect(w.top(100)).toBe(2000)
  })

  it('clamps to the list', () => {
    const w = virtualWindow(3, 20, 0, 400, 5)
    expect([w.first, w.last]).toEqual([0, 3])
    const empty = virtualWindow(0, 20, 0, 400)
    expect([empty.first, empty.last, empty.spacerHeight]).toEqual([0, 0, 0])
  })

  it('scales the scrollbar for lists taller than the browser allows', () => {
    const count = 5_000_000
    const w = virtualWindow(count, 26, MAX_SCROLL_HEIGHT - 500, 500, 0)
    expect(w.spacerHeight).toBe(MAX_SCROLL_HEIGHT)
    expect(w.last).toBe(count) // the bottom of the scrollbar reaches the last row
    expect(w.top(count - 1) + 26).toBeCloseTo(MAX_SCROLL_HEIGHT, 3)
  })

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(5, 100, 20, 0, 200)).toBeNull()
    expect(scrollToReveal(10, 100, 20, 0, 200)).toBe(20)
    expect(scrollToReveal(2, 100, 20, 100, 200)).toBe(40)
  })

  it('lists the row windows to fetch', () => {
    expect(windowsCovering(95, 125, 100)).toEqual([0, 1])
    expect(windowsCovering(0, 0, 100)).toEqual([])
    expect(windowsCovering(200, 300, 100)).toEqual([2])
  })
})
