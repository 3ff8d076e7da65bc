// The tables the app reads (each rule's events and times, each event's level) are kept up to
// date as matches arrive, batch after batch: they must say what the whole sorted assembly of
// every detection says (assemble.ts, what the CLI prints), whatever the batches were. Run on
// the Stratus and Invictus detonations of ../shared/data with the built-in pack (its
// correlation included), in four batches, through detection workers.

import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DetectionSession } from '../../main/detect/detect-session'
import { DetectionTables } from '../../main/detect/detection-tables'
import { builtinRuleTexts } from '../../main/detect/builtin-rules'
import { levelRank } from '../../main/detect/rule-model'
import { EventStore } from '../../main/store/event-store'
import { batchOfTexts } from './helpers/make-store'
import { SHARED_DATA_DIR, readEventsUnder } from './helpers/shared-dirs'

const folders = ['stratus', 'invictus'].map((f) => path.join(SHARED_DATA_DIR, f))
const present = folders.every((f) => existsSync(f))

describe.skipIf(!present)(present ? 'detection tables, batch after batch' : 'detection tables: skipped, ../shared/data is absent', () => {
  it('say what the sorted assembly of every detection says', async () => {
    const texts = folders.flatMap((f) => readEventsUnder(f)).map((e) => JSON.stringify(e.event))
    expect(texts.length).toBeGreaterThan(1000)
    const store = new EventStore()
    const session = new DetectionSession(builtinRuleTexts(), { workers: 2 })
    const tables = new DetectionTables(session.set)
    try {
      const quarter = Math.ceil(texts.length / 4)
      const parts = [0, 1, 2, 3].map((q) => texts.slice(q * quarter, (q + 1) * quarter))
      // Last, a batch that no correlation's base rule matches: the correlations found stay.
      parts.push(Array.from({ length: 20 }, (_, i) => JSON.stringify({ eventTime: '2024-08-01T12:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', userIdentity: { type: 'IAMUser', userName: 'u' }, eventID: `plain-${i}`, recipientAccountId: '1' })))
      for (const [i, part] of parts.entries()) {
        store.addBatch(batchOfTexts(part), store.addFile(`part-${i}.json`))
        await session.update(store)
        tables.update(session.matchList, store.size, store.times)
      }
      const whole = session.detections(store)
      const rules = session.set.rules
      // Per rule: its events and times.
      const expected = new Map<number, { ids: Set<number>; first: number; last: number }>()
      const levels = new Uint8Array(store.size)
      for (const d of whole) {
        let e = expected.get(d.rule)
        if (!e) expected.set(d.rule, (e = { ids: new Set(), first: Infinity, last: -Infinity }))
        for (const id of d.eventIds) {
          e.ids.add(id)
          levels[id] = Math.max(levels[id], levelRank(rules[d.rule].meta.level) + 1)
        }
        e.first = Math.min(e.first, d.firstTime)
        e.last = Math.max(e.last, d.lastTime)
      }
      expect(whole.filter((d) => rules[d.rule].kind === 'correlation').length).toBeGreaterThan(0)
      // The correlations, kept from their base matches batch after batch, are the whole run's.
      const key = (d: { rule: number; firstTime: number; eventIds: number[] }): string => `${d.rule} ${d.firstTime} ${d.eventIds[0]}`
      const sorted = <T extends { rule: number; firstTime: number; eventIds: number[] }>(list: T[]): T[] => [...list].sort((a, b) => key(a).localeCompare(key(b)))
      expect(sorted(tables.correlations)).toEqual(sorted(whole.filter((d) => rules[d.rule].kind === 'correlation')))
      for (const [rule, e] of expected) {
        const ids = [...e.ids].sort((a, b) => a - b)
        expect(tables.eventIdsOf(new Set([rule])), rules[rule].meta.title).toEqual(ids)
        if (rules[rule].kind === 'detection') expect([tables.plain.get(rule)!.first, tables.plain.get(rule)!.last]).toEqual([e.first, e.last])
      }
      expect([...tables.plain.keys()].every((rule) => expected.has(rule))).toBe(true)
      expect(Array.from(tables.levels)).toEqual(Array.from(levels))
      // The viewer's list of an event's rules.
      for (let id = 0; id < store.size; id += 97) {
        const want = [...expected].filter(([, e]) => e.ids.has(id)).map(([rule]) => rule).sort((a, b) => a - b)
        expect(tables.rulesOf(id).sort((a, b) => a - b)).toEqual(want)
      }
    } finally {
      await session.close()
      store.clear()
    }
  }, 120_000)
})
