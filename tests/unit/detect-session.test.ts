// The detection session over a growing, clearable store, through real detection workers (the
// built bundle's worker, as the app runs it): workers read the store's columns and text files
// themselves, and matches of a load that was cleared while they ran never reach the new one.

import { describe, expect, it } from 'vitest'
import { DetectionSession } from '../../main/detect/detect-session'
import { builtinRuleTexts } from '../../main/detect/builtin-rules'
import { EventStore } from '../../main/store/event-store'
import { batchOfTexts } from './helpers/make-store'

const stop = (i: number): string =>
  JSON.stringify({ eventTime: `2024-08-01T12:00:00Z`, eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', userIdentity: { type: 'IAMUser', userName: `u${i}` }, eventID: `stop-${i}`, recipientAccountId: '1' })
const describeCall = (i: number): string =>
  JSON.stringify({ eventTime: `2024-08-01T12:00:00Z`, eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', userIdentity: { type: 'IAMUser', userName: `u${i}` }, eventID: `describe-${i}`, recipientAccountId: '1' })

describe('DetectionSession with workers', () => {
  it('matches what it matches in this thread, incrementally, and drops the matches of a store cleared meanwhile', async () => {
    const store = new EventStore()
    const workers = new DetectionSession(builtinRuleTexts(), { workers: 2 })
    const inThread = new DetectionSession(builtinRuleTexts(), { workers: 0 })
    const key = (h: { rule: number; id: number }): string => `${h.rule}:${h.id}`
    try {
      store.addBatch(batchOfTexts(Array.from({ length: 20_000 }, (_, i) => stop(i))), store.addFile('old.json'))
      const running = workers.update(store)
      // Cleared and reloaded with other events before the workers answer.
      store.clear()
      store.addBatch(batchOfTexts(Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? stop(i) : describeCall(i)))), store.addFile('new.json'))
      const again = workers.update(store)
      await Promise.all([running, again])
      await inThread.update(store)
      expect(inThread.matches.length).toBe(10)
      expect(workers.matches.map(key).sort()).toEqual(inThread.matches.map(key).sort())
      // A second batch: only its events are sent, and found.
      store.addBatch(batchOfTexts([stop(100), describeCall(101)]), store.addFile('more.json'))
      await workers.update(store)
      await inThread.update(store)
      expect(workers.matches.map(key).sort()).toEqual(inThread.matches.map(key).sort())
      expect(workers.matches.some((h) => h.id === 30)).toBe(true)
    } finally {
      await workers.close()
      store.clear()
    }
  }, 60_000)

  it('hands the ranges of a large update to whichever worker is free, and keeps the matches in id order', async () => {
    const store = new EventStore()
    const workers = new DetectionSession(builtinRuleTexts(), { workers: 2 })
    const inThread = new DetectionSession(builtinRuleTexts(), { workers: 0 })
    try {
      // 100,000 events: 20 ranges of 5,000, most of them matching, some not at all.
      store.addBatch(batchOfTexts(Array.from({ length: 100_000 }, (_, i) => ((i >> 12) % 3 === 0 ? describeCall(i) : stop(i)))), store.addFile('many.json'))
      await workers.update(store)
      await inThread.update(store)
      expect(workers.matches.length).toBeGreaterThan(50_000)
      // In id order as they are kept (not sorted here): the service reads them from an offset on.
      expect(workers.matches).toEqual(inThread.matches)
    } finally {
      await workers.close()
      store.clear()
    }
  }, 120_000)

  it('reads an event larger than its read buffer, and the events after it, in a worker', async () => {
    const store = new EventStore()
    const workers = new DetectionSession(builtinRuleTexts(), { workers: 1 })
    try {
      // 600 KB of padding: more than the worker's 512 KB chunk (mirror-bytes.ts).
      const huge = JSON.stringify({ ...JSON.parse(stop(1)), requestParameters: { padding: 'x'.repeat(600_000) } })
      store.addBatch(batchOfTexts([stop(0), huge, stop(2), describeCall(3), stop(4)]), store.addFile('huge.json'))
      await workers.update(store)
      expect(workers.matches.map((h) => h.id).sort()).toEqual([0, 1, 2, 4])
    } finally {
      await workers.close()
      store.clear()
    }
  }, 60_000)
})
