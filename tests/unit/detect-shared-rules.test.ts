// Every Sigma rule in ../shared/sigma (SigmaHQ and Suzaku, DRL 1.1; read from there, never
// copied) either compiles or is listed with a reason; and each rule's matches on the real logs in
// ../shared/data equal those of a naive evaluator written here, over JSON.parse'd events, that
// shares no code with the engine. Skipped, saying so, when ../shared is absent.

import { existsSync } from 'node:fs'
import { loadAll } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { readRuleFolders } from '../../main/detect/rule-files'
import { compileRuleSet } from '../../main/detect/rule-set'
import { DetectionSession } from '../../main/detect/detect-session'
import { storeOfEvents } from './helpers/make-store'
import { SHARED_DATA_DIR, SHARED_SIGMA, readEventsUnder } from './helpers/shared-dirs'
import { naiveMatches } from './helpers/naive-sigma'

type Json = Record<string, unknown>
const present = existsSync(SHARED_SIGMA) && existsSync(SHARED_DATA_DIR)
const title = present ? 'Sigma rules of ../shared/sigma on ../shared/data' : 'Sigma rules: skipped, ../shared/sigma or ../shared/data is absent (not part of this repository; set ASHIATO_SHARED)'

describe.skipIf(!present)(title, () => {
  const { files, problems } = present ? readRuleFolders([SHARED_SIGMA]) : { files: [], problems: [] }
  const set = compileRuleSet(files)

  it('compiles every rule, or lists it with a reason', () => {
    expect(problems).toEqual([])
    const documents = files.reduce((n, f) => n + loadAll(f.text, null, { json: true }).filter(Boolean).length, 0)
    expect(set.rules.length + set.unsupported.length).toBe(documents)
    console.log(`${set.rules.length} of ${documents} rules run; unsupported:\n${set.unsupported.map((u) => `  ${u.meta.source.slice(SHARED_SIGMA.length + 1)}: ${u.reason}`).join('\n')}`)
    for (const u of set.unsupported) expect(u.reason.length).toBeGreaterThan(10)
    // All but a handful: SigmaHQ's own "unsupported" folder holds Sigma v1 aggregations.
    expect(set.unsupported.length).toBeLessThanOrEqual(10)
    expect(set.unsupported.filter((u) => !u.meta.source.includes('/sigmahq/unsupported/'))).toEqual([])
    expect(set.rules.filter((r) => r.kind === 'correlation').length).toBeGreaterThanOrEqual(5)
  })

  it("matches exactly the events a naive evaluator over JSON.parse'd events finds, rule by rule", async () => {
    // Every folder, but only the first 1,500 of Permiso's 9,226 trimmed console events (their
    // explicit "errorCode": null is what matters): 10 million rule × event pairs would take
    // minutes in the naive evaluator.
    const events = readEventsUnder(SHARED_DATA_DIR).filter((e, i, all) => !e.file.includes('/permiso_ccc/') || all.slice(0, i).filter((x) => x.file.includes('/permiso_ccc/')).length < 1500).map((e) => e.event)
    expect(events.length).toBeGreaterThan(4_000)
    const store = storeOfEvents(events)
    const session = new DetectionSession(files, { workers: 0 })
    await session.update(store)
    const engine = new Map<string, Set<number>>()
    for (const hit of session.matches) {
      const id = set.rules[hit.rule].meta.id
      if (!engine.has(id)) engine.set(id, new Set())
      engine.get(id)!.add(hit.id)
    }
    const parsed = Array.from({ length: store.size }, (_, id) => store.parsed(id))
    let rulesWithHits = 0
    let checked = 0
    for (const file of files) {
      for (const doc of loadAll(file.text, null, { json: true }) as Json[]) {
        if (!doc || doc.correlation || !doc.detection) continue
        const id = String(doc.id)
        if (!set.rules.some((r) => r.meta.id === id)) continue
        const expected = new Set<number>()
        parsed.forEach((event, i) => {
          if (naiveMatches(doc, event)) expected.add(i)
        })
        const got = engine.get(id) ?? new Set<number>()
        expect([...got].sort((a, b) => a - b), `${file.source}: ${String(doc.title)}`).toEqual([...expected].sort((a, b) => a - b))
        if (expected.size > 0) rulesWithHits++
        checked++
      }
    }
    console.log(`${checked} rules checked against the naive evaluator; ${rulesWithHits} match at least one event of ${store.size}`)
    expect(rulesWithHits).toBeGreaterThan(50)
  }, 900_000)

  it('gives the same matches through detection workers as in this thread', async () => {
    const store = storeOfEvents(readEventsUnder(`${SHARED_DATA_DIR}/invictus`).map((e) => e.event))
    const inThread = new DetectionSession(files, { workers: 0 })
    const workers = new DetectionSession(files, { workers: 2 })
    try {
      await inThread.update(store)
      await workers.update(store)
      const key = (h: { rule: number; id: number }): string => `${h.rule}:${h.id}`
      expect(workers.matches.map(key).sort()).toEqual(inThread.matches.map(key).sort())
      expect(inThread.matches.length).toBeGreaterThan(100)
    } finally {
      await workers.close()
    }
  }, 120_000)
})
