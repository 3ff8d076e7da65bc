// The app's side of detections: Stratus Red Team detonations loaded through the service (as a
// drop would); the summary, the list's level markers, the viewer's rules, and the `detection:`
// and `level:` query fields must all agree with the engine's own lists, and a clear forgets them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { SHARED_DATA_DIR, SHARED_SIGMA } from './helpers/shared-dirs'
import { parseServeArgs } from '../../main/web/serve-args'

const stratusDir = path.join(SHARED_DATA_DIR, 'stratus')
const hasStratus = existsSync(stratusDir) && readdirSync(stratusDir).some((n) => n.endsWith('.json'))
const files = hasStratus ? ['aws.defense-evasion.cloudtrail-stop.json', 'aws.persistence.iam-create-admin-user.json', 'aws.initial-access.console-login-without-mfa.json'].map((n) => path.join(stratusDir, n)) : []

async function viewIds(service: AshiatoService, query: string): Promise<number[]> {
  const info = await service.setView({ query, from: null, to: null })
  expect(info.error).toBeUndefined()
  const rows = await service.getRows({ viewId: info.viewId, start: 0, count: 1000 })
  return rows.rows.map((r) => r.id).sort((a, b) => a - b)
}

describe.skipIf(!hasStratus)(hasStratus ? 'detections through the service (Stratus detonations)' : 'detections through the service: skipped, ../shared/data/stratus is absent (set ASHIATO_SHARED)', () => {
  let service: AshiatoService
  const pushes: { rules: number; eventsChecked: number }[] = []

  beforeAll(async () => {
    service = new AshiatoService({ workers: 1 })
    service.onPush((name, payload) => name === 'detectionsChanged' && pushes.push(payload as { rules: number; eventsChecked: number }))
    expect((await service.detectionsSummary()).rules).toEqual([]) // nothing loaded: no workers started
    await service.loadPaths(files)
    await service.whenLoadDone()
    await service.detections.whenIdle()
  })

  afterAll(async () => {
    await service?.dispose()
  })

  it('summarises the hits by level then count, with the author, after the load', async () => {
    const summary = await service.detectionsSummary()
    expect(summary.eventsChecked).toBe(service.store.size)
    expect(summary.rules.length).toBeGreaterThan(0)
    expect(pushes.at(-1)).toEqual({ rules: summary.rules.length, eventsChecked: service.store.size })
    const ranks = summary.rules.map((r) => ['informational', 'low', 'medium', 'high', 'critical'].indexOf(r.level))
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    expect(summary.rules.map((r) => r.title).join('\n')).toMatch(/StopLogging|stopped|logging/i)
    for (const rule of summary.rules) expect(rule.author).not.toBe('')
  })

  it('answers detection: and level queries with exactly the service lists', async () => {
    const summary = await service.detectionsSummary()
    const host = service.detections
    for (const rule of summary.rules) {
      const expected = host.eventIdsOfRule(rule.ruleId)
      expect(expected.length).toBe(rule.events)
      expect(await viewIds(service, `detection:"${rule.ruleId}"`)).toEqual(expected)
      expect(await viewIds(service, `detection:"${rule.title}"`)).toEqual(expected)
    }
    const all = Array.from({ length: service.store.size }, (_, i) => i)
    const levels = await service.eventDetectionLevels(all)
    const rank = (l: string) => ['informational', 'low', 'medium', 'high', 'critical'].indexOf(l)
    const highOrAbove = levels.filter((l) => rank(l.level) >= rank('high')).map((l) => l.id)
    expect(highOrAbove.length).toBeGreaterThan(0)
    expect(await viewIds(service, 'level>=high')).toEqual(highOrAbove)
    expect(await viewIds(service, 'level:medium')).toEqual(levels.filter((l) => l.level === 'medium').map((l) => l.id))
    expect(await viewIds(service, 'detection:*')).toEqual(levels.map((l) => l.id))
    expect(await viewIds(service, 'NOT detection:*')).toEqual(all.filter((id) => !levels.some((l) => l.id === id)))
    expect(await viewIds(service, 'level>=loud')).toEqual([])
  })

  it('gives the viewer the rules of a matched event, with author and references', async () => {
    const [first] = await service.eventDetectionLevels(Array.from({ length: service.store.size }, (_, i) => i))
    const rules = await service.eventDetections(first.id)
    expect(rules.length).toBeGreaterThan(0)
    expect(rules[0].level).toBe(first.level)
    expect(rules[0].author).toBe('Ashiato')
    expect(rules[0].description.length).toBeGreaterThan(0)
  })

  it('counts the detection and level facets of a view from the same lists', async () => {
    const all = Array.from({ length: service.store.size }, (_, i) => i)
    const levels = await service.eventDetectionLevels(all)
    const info = await service.setView({ query: '', from: null, to: null })
    const level = await service.getFacetValues({ viewId: info.viewId, field: 'level' })
    const byLevel = new Map<string, number>()
    for (const l of levels) byLevel.set(l.level, (byLevel.get(l.level) ?? 0) + 1)
    // Most severe first, whatever the counts.
    const order = ['critical', 'high', 'medium', 'low', 'informational'].filter((l) => byLevel.has(l))
    expect(level.values).toEqual(order.map((value) => ({ value, count: byLevel.get(value) })))
    expect(level.missing).toBe(all.length - levels.length)
    const summary = await service.detectionsSummary()
    const detection = await service.getFacetValues({ viewId: info.viewId, field: 'detection' })
    expect(detection.values.length).toBe(new Set(summary.rules.map((r) => r.title)).size)
    for (const v of detection.values) expect(v.count).toBe((await viewIds(service, `detection:"${v.value}"`)).length)
    // Within a narrower view: only its events count.
    const narrow = await service.setView({ query: 'level>=high', from: null, to: null })
    const narrowLevel = await service.getFacetValues({ viewId: narrow.viewId, field: 'level' })
    expect(narrowLevel.values.map((v) => v.value).every((l) => l === 'high' || l === 'critical')).toBe(true)
    expect(narrowLevel.missing).toBe(0)
    const narrowDetection = await service.getFacetValues({ viewId: narrow.viewId, field: 'detection', search: 'zzz-none' })
    expect(narrowDetection.values).toEqual([])
  })

  it('forgets the detections on clear, and detects again on the next load', async () => {
    await service.clearAll()
    expect((await service.detectionsSummary()).rules).toEqual([])
    expect(pushes.at(-1)).toEqual({ rules: 0, eventsChecked: 0 })
    await service.loadPaths(files.slice(0, 1))
    await service.whenLoadDone()
    await service.detections.whenIdle()
    const summary = await service.detectionsSummary()
    expect(summary.eventsChecked).toBe(service.store.size)
    expect(summary.rules.length).toBeGreaterThan(0)
  })
})

const sigmaHq = path.join(SHARED_SIGMA, 'sigmahq')
const hasSigma = hasStratus && existsSync(sigmaHq)

describe.skipIf(!hasSigma)(hasSigma ? "the user's rule folders (../shared/sigma/sigmahq) beside the built-in pack" : "the user's rule folders: skipped, ../shared/sigma/sigmahq or ../shared/data/stratus is absent (set ASHIATO_SHARED)", () => {
  it('runs them with their own authors, and lists the rules it cannot evaluate with why', async () => {
    expect(parseServeArgs(['--rules', sigmaHq, '--rules=/other']).rules).toEqual([sigmaHq, '/other'])
    const service = new AshiatoService({ workers: 1, detect: { ruleFolders: [sigmaHq] } })
    try {
      await service.loadPaths(files)
      await service.whenLoadDone()
      await service.detections.whenIdle()
      const summary = await service.detectionsSummary()
      expect(summary.rules.some((r) => r.source === 'builtin')).toBe(true)
      const theirs = summary.rules.filter((r) => r.source.startsWith(sigmaHq))
      expect(theirs.length).toBeGreaterThan(0)
      for (const rule of theirs) expect(rule.author).not.toBe('Ashiato')
      // SigmaHQ's own unsupported/ folder: Sigma v1 aggregations, listed with the reason.
      const unsupported = summary.unsupported.filter((u) => u.source.includes(`${path.sep}unsupported${path.sep}`))
      expect(unsupported.length).toBeGreaterThan(0)
      for (const u of unsupported) expect(u.reason).not.toBe('')
      const matched = (await service.eventDetectionLevels(Array.from({ length: service.store.size }, (_, i) => i)))[0]
      const rules = await service.eventDetections(matched.id)
      expect(rules.every((r) => r.author !== '')).toBe(true)
    } finally {
      await service.dispose()
    }
  })

  it('takes rule folders from the settings, re-runs every loaded event, and refuses a web client other folders', async () => {
    // As web mode makes it: the command line's folders are the only choices.
    const service = new AshiatoService({ workers: 1, detect: { ruleFolders: [], ruleFolderChoices: [sigmaHq] } })
    try {
      await service.loadPaths(files)
      await service.whenLoadDone()
      await service.detections.whenIdle()
      const before = await service.detectionsSummary()
      expect(before.rules.every((r) => r.source === 'builtin')).toBe(true)
      expect(await service.ruleFolders()).toEqual({ folders: [], choices: [sigmaHq], problems: [], downloaded: [], canUpdateRules: false })
      const pushed: unknown[] = []
      service.onPush((name, payload) => name === 'detectionsChanged' && pushed.push(payload))
      expect((await service.setRuleFolders([sigmaHq])).folders).toEqual([sigmaHq])
      const after = await service.detectionsSummary()
      expect(after.rules.some((r) => r.source.startsWith(sigmaHq))).toBe(true)
      expect(after.eventsChecked).toBe(service.store.size)
      expect(after.unsupported.length).toBeGreaterThan(0)
      expect(pushed.length).toBeGreaterThan(0)
      await expect(service.setRuleFolders(['/etc'])).rejects.toMatchObject({ code: 'rule-folder-not-allowed', values: { folder: '/etc' } })
      expect((await service.ruleFolders()).folders).toEqual([sigmaHq])
      // Problems are those of the last reading, not read again at each call (a missing folder
      // made meanwhile is reported until the folders are read again).
      const missing = path.join(mkdtempSync(path.join(tmpdir(), 'ashiato-rule-problems-')), 'rules')
      const chooser = new AshiatoService({ workers: 1, detect: { ruleFolders: [] } })
      try {
        await chooser.loadPaths(files)
        await chooser.whenLoadDone()
        await chooser.detections.whenIdle()
        const gone = [{ file: missing, reason: 'no such file or folder' }]
        expect((await chooser.setRuleFolders([missing])).problems).toEqual(gone)
        mkdirSync(missing)
        expect((await chooser.ruleFolders()).problems).toEqual(gone)
        expect((await chooser.setRuleFolders([missing])).problems).toEqual([])
      } finally {
        await chooser.dispose()
        rmSync(path.dirname(missing), { recursive: true, force: true })
      }
      // Removed again: only the built-in rules.
      await service.setRuleFolders([])
      expect((await service.detectionsSummary()).rules.every((r) => r.source === 'builtin')).toBe(true)
    } finally {
      await service.dispose()
    }
  })
})
