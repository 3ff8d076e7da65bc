// "Update rules" through the service, as the desktop app calls it: the downloaded set joins the
// rule set at once (the loaded events matched again, a SigmaHQ rule now hits the Stratus
// StopLogging detonation), is listed with its source and licence, and stays across a new
// service; a service without a data folder (web mode) refuses the call with its code.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callErrorCode } from '../../common/call-errors'
import { AshiatoService } from '../../main/services/ashiato-service'
import { DRL_1_1, type RuleSource } from '../../main/rules/rule-sources'
import { SHARED_DATA_DIR, SHARED_SIGMA } from './helpers/shared-dirs'
import { startRulesServer, tarGzOf, type RulesServer } from './helpers/rules-server'

const RULE = path.join(SHARED_SIGMA, 'sigmahq', 'rules', 'aws_cloudtrail_disable_logging.yml')
const EVENTS = path.join(SHARED_DATA_DIR, 'stratus', 'aws.defense-evasion.cloudtrail-stop.json')
const present = existsSync(RULE) && existsSync(EVENTS)
const title = present ? 'Update rules through the service' : 'Update rules through the service: skipped, ../shared/sigma or ../shared/data/stratus is absent (set ASHIATO_SHARED)'

describe.skipIf(!present)(title, () => {
  let server: RulesServer
  let work: string
  let sources: RuleSource[]

  beforeAll(async () => {
    server = await startRulesServer()
    work = mkdtempSync(path.join(tmpdir(), 'ashiato-rules-service-'))
    const rules = path.join(work, 'repo', 'sigma-master', 'rules', 'cloud', 'aws', 'cloudtrail')
    mkdirSync(rules, { recursive: true })
    cpSync(RULE, path.join(rules, path.basename(RULE)))
    cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'LICENSE'), path.join(work, 'repo', 'sigma-master', 'LICENSE'))
    server.routes.set('/sigma.tar.gz', await tarGzOf(path.join(work, 'repo'), 'sigma-master'))
    sources = [{ id: 'sigmahq', name: 'SigmaHQ', url: `${server.origin}/sigma.tar.gz`, home: 'https://github.com/SigmaHQ/sigma', paths: ['rules/cloud/aws/cloudtrail/'], licence: DRL_1_1 }]
  })

  afterAll(async () => {
    await server?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('runs the downloaded rules over the loaded events at once, and keeps them for the next start', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    const options = { workers: 1, detect: { rulesUpdate: { dataDir, sources, ca: server.ca } } }
    const service = new AshiatoService(options)
    const progress: string[] = []
    service.onPush((name, payload) => name === 'rulesUpdateProgress' && progress.push((payload as { phase: string }).phase))
    try {
      await service.loadPaths([EVENTS])
      await service.whenLoadDone()
      await service.detections.whenIdle()
      const before = await service.detectionsSummary()
      expect((await service.ruleFolders()).downloaded).toEqual([])
      expect(before.rules.some((r) => r.source.startsWith(dataDir))).toBe(false)

      const info = await service.updateRules()
      expect(info.canUpdateRules).toBe(true)
      expect(info.folders).toEqual([]) // the user's own folders are untouched
      expect(info.downloaded).toEqual([expect.objectContaining({ id: 'sigmahq', files: 1, licence: 'Detection Rule License 1.1', url: `${server.origin}/sigma.tar.gz` })])
      expect(info.problems).toEqual([])
      expect(progress[0]).toBe('downloading')
      expect(progress.at(-1)).toBe('done')
      const after = await service.detectionsSummary()
      expect(after.rulesRun).toBe(before.rulesRun + 1)
      const hit = after.rules.find((r) => r.source === path.join(info.downloaded[0].folder, path.basename(RULE)))
      expect(hit?.events).toBeGreaterThan(0)
    } finally {
      await service.dispose()
    }

    // A new start (same data folder): the set runs without downloading again.
    const again = new AshiatoService({ workers: 1, detect: { rulesUpdate: { dataDir } } })
    try {
      await again.loadPaths([EVENTS])
      await again.whenLoadDone()
      await again.detections.whenIdle()
      expect((await again.detectionsSummary()).rules.some((r) => r.source.startsWith(dataDir))).toBe(true)
    } finally {
      await again.dispose()
    }
  })

  it('two "Update rules" at once share one download and one new matching of the events', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    const service = new AshiatoService({ workers: 1, detect: { rulesUpdate: { dataDir, sources, ca: server.ca } } })
    try {
      await service.loadPaths([EVENTS])
      await service.whenLoadDone()
      await service.detections.whenIdle()
      const pushed: string[] = []
      service.onPush((name) => (name === 'detectionsChanged' || name === 'rulesUpdateProgress') && pushed.push(name))
      const [first, second] = await Promise.all([service.updateRules(), service.updateRules()])
      expect(second).toEqual(first)
      expect(first.downloaded).toEqual([expect.objectContaining({ id: 'sigmahq', files: 1 })])
      expect(pushed.filter((n) => n === 'detectionsChanged')).toHaveLength(1)
      expect(pushed.filter((n) => n === 'rulesUpdateProgress').length).toBeGreaterThan(0)
    } finally {
      await service.dispose()
    }
  })

  it('is refused where there is no data folder to keep rules (web mode)', async () => {
    const service = new AshiatoService({ detect: { ruleFolders: [], ruleFolderChoices: [] } })
    try {
      expect(callErrorCode(await service.updateRules().catch((e: unknown) => e))).toBe('rules-update-unavailable')
      expect((await service.ruleFolders()).canUpdateRules).toBe(false)
    } finally {
      await service.dispose()
    }
  })
})
