// The timeline's count labels and scales (renderer/components/timeline-scale.ts).
import { describe, expect, it } from 'vitest'
import { compactCount, countScale, gutterFor } from '../../renderer/components/timeline-scale'

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

describe('count scales', () => {
  it('linear: the largest bucket fills the height, half of it half', () => {
    const s = countScale(200, 44, false)
    expect(s.height(200)).toBe(44)
    expect(s.height(100)).toBe(22)
    expect(s.ticks).toEqual([0, 200])
  })

  it('log: one spike does not flatten the rest (3 of 10,000 stays visible)', () => {
    const linear = countScale(10_000, 44, false)
    const log = countScale(10_000, 44, true)
    expect(linear.height(3)).toBeLessThan(0.1)
    expect(log.height(3)).toBeGreaterThan(5)
    expect(log.height(0)).toBe(0)
    expect(log.height(10_000)).toBeCloseTo(44)
    expect(log.ticks).toEqual([0, 10, 100, 1000, 10_000])
  })

  it('leaves the labels room at the left', () => {
    expect(gutterFor(['0', '1.2k'])).toBeGreaterThanOrEqual(4 * 6)
    expect(gutterFor(['0', '9'])).toBeLessThan(gutterFor(['0', '999k']))
  })
})
