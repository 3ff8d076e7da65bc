// The timeline's count scales (renderer/components/timeline-scale.ts); its labels' compact counts are tested with renderer/format (renderer-format.test.ts).
import { describe, expect, it } from 'vitest'
import { countScale, gutterFor } from '../../renderer/components/timeline-scale'

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
