// The timeline's detections layer (main/query/level-histogram.ts through histogram()): events
// with a detection per bucket, by their highest level, over the same buckets as the bars.
import { describe, expect, it } from 'vitest'
import { histogram } from '../../main/query/facets'
import { allIds } from '../../main/query/id-lists'
import { setDetectionProvider } from '../../main/detect/detection-column'
import { storeOfEvents } from './helpers/make-store'

const minute = 60_000
const base = Date.UTC(2024, 2, 5, 10, 0)

function store() {
  return storeOfEvents([
    { eventTime: new Date(base).toISOString() },
    { eventTime: new Date(base + 5_000).toISOString(), eventName: 'PutUserPolicy' },
    { eventTime: new Date(base + 7_000).toISOString(), eventName: 'CreateAccessKey' },
    { eventTime: new Date(base + 9 * minute).toISOString(), eventName: 'DeleteTrail' },
    { eventName: 'no time' },
  ])
}

/** The level column as detection keeps it: 0 none, else 1 + the highest level's rank. */
function detect(s: ReturnType<typeof store>, levels: number[]): void {
  setDetectionProvider(s, { levels: () => Uint8Array.from(levels), rules: () => [], eventIdsOfRule: () => [] })
}

describe('the timeline by detection level', () => {
  it('counts events with a detection per bucket, each under its highest level', () => {
    const s = store()
    detect(s, [0, 4, 2, 5, 5])
    const h = histogram(s, allIds(s.size), 100)
    expect(h.bucketMs).toBe(10_000)
    expect(h.levels).toHaveLength(5)
    for (const series of h.levels!) expect(series).toHaveLength(h.errors.length)
    expect(h.levels![3][0]).toBe(1) // high, first bucket
    expect(h.levels![1][0]).toBe(1) // low, first bucket
    expect(h.levels![4][54]).toBe(1) // critical, 9 minutes in
    // The untimed event (critical) is in no bucket; nothing else is counted.
    expect(h.levels!.flat().reduce((a, b) => a + b)).toBe(3)
  })

  it('follows the result: only the ids asked for', () => {
    const s = store()
    detect(s, [0, 4, 2, 5, 5])
    const h = histogram(s, Uint32Array.from([0, 1]), 100)
    expect(h.levels!.flat().reduce((a, b) => a + b)).toBe(1)
    expect(h.levels![3][(base + 5_000 - h.start) / h.bucketMs]).toBe(1)
  })

  it('adds nothing when no event of the result matched, or nothing detects', () => {
    const s = store()
    expect(histogram(s, allIds(s.size), 100)).not.toHaveProperty('levels')
    detect(s, [0, 4, 0, 0, 0])
    expect(histogram(s, Uint32Array.from([0, 2, 3]), 100)).not.toHaveProperty('levels')
  })

  it('counts the detections on events without a time beside the untimed count, even when no event has a time', () => {
    const s = store()
    detect(s, [0, 4, 2, 5, 5])
    const h = histogram(s, allIds(s.size), 100)
    expect(h.untimed).toBe(1)
    // The untimed event's highest level is critical (rank 4): counted there, in no bucket.
    expect(h.untimedLevels).toEqual([0, 0, 0, 0, 1])
    // Timed events only: nothing untimed to count.
    expect(histogram(s, Uint32Array.from([0, 1, 2, 3]), 100)).not.toHaveProperty('untimedLevels')
    // The untimed event alone: no bucket at all, and its detection still counted.
    const alone = histogram(s, Uint32Array.from([4]), 100)
    expect(alone.untimed).toBe(1)
    expect(alone).not.toHaveProperty('levels')
    expect(alone.untimedLevels).toEqual([0, 0, 0, 0, 1])
    // An untimed event without a detection adds no untimedLevels.
    detect(s, [0, 4, 2, 5, 0])
    expect(histogram(s, allIds(s.size), 100)).not.toHaveProperty('untimedLevels')
  })
})
