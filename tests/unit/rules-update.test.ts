// "Update rules" against a local https server (self-signed certificate trusted through the
// service's `ca` option): a real tar.gz built at run time from rules copied out of
// ../shared/sigma loads whole; hostile archives are refused with their named code and leave the
// previous set in place; plain http is refused before anything is asked.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callErrorCode } from '../../common/call-errors'
import { readRuleFolders } from '../../main/detect/rule-files'
import { compileRuleSet } from '../../main/detect/rule-set'
import { DRL_1_1, type RuleSource } from '../../main/rules/rule-sources'
import { downloadedRuleSets, ruleSetRulesFolder, updateRuleSet, type RulesUpdateOptions } from '../../main/rules/rules-update'
import { SHARED_SIGMA } from './helpers/shared-dirs'
import { rawTarGz, startRulesServer, tarGzOf, type RulesServer } from './helpers/rules-server'

const present = existsSync(path.join(SHARED_SIGMA, 'sigmahq', 'rules'))
const title = present ? 'Update rules over https' : 'Update rules: skipped, ../shared/sigma is absent (not part of this repository; set ASHIATO_SHARED)'
const RULE_PATH = 'rules/cloud/aws/cloudtrail/'

describe.skipIf(!present)(title, () => {
  let server: RulesServer
  let work: string
  let copied: string[]
  const source = (route: string, url?: string): RuleSource => ({ id: 'sigmahq', name: 'SigmaHQ', url: url ?? `${server.origin}${route}`, home: 'https://github.com/SigmaHQ/sigma', paths: [RULE_PATH], licence: DRL_1_1 })
  const options = (dataDir: string, extra: Partial<RulesUpdateOptions> = {}): RulesUpdateOptions => ({ dataDir, ca: server.ca, ...extra })
  const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => callErrorCode(await promise.then(() => null, (e: unknown) => e))

  beforeAll(async () => {
    server = await startRulesServer()
    work = mkdtempSync(path.join(tmpdir(), 'ashiato-rules-update-'))
    // A GitHub-shaped archive: <repo>-<branch>/LICENSE, the rule folder, and files to leave out.
    const repo = path.join(work, 'repo')
    const rules = path.join(repo, 'sigma-master', RULE_PATH)
    mkdirSync(rules, { recursive: true })
    copied = readdirSync(path.join(SHARED_SIGMA, 'sigmahq', 'rules')).filter((n) => n.endsWith('.yml')).sort().slice(0, 12)
    for (const name of copied) cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'rules', name), path.join(rules, name))
    cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'LICENSE'), path.join(repo, 'sigma-master', 'LICENSE'))
    mkdirSync(path.join(repo, 'sigma-master', 'rules', 'windows'), { recursive: true })
    cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'rules', copied[0]), path.join(repo, 'sigma-master', 'rules', 'windows', 'not-aws.yml'))
    cpSync(path.join(SHARED_SIGMA, 'sigmahq', 'LICENSE'), path.join(rules, 'README.md'))
    server.routes.set('/good.tar.gz', await tarGzOf(repo, 'sigma-master'))
  })

  afterAll(async () => {
    await server?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('downloads the rule folder and LICENSE only, records the source, and the rules load', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    const record = await updateRuleSet(source('/good.tar.gz'), options(dataDir))
    expect(record.files).toBe(copied.length)
    const folder = ruleSetRulesFolder(dataDir, 'sigmahq')
    expect(readdirSync(folder).sort()).toEqual(copied)
    expect(readFileSync(path.join(dataDir, 'rules', 'sigmahq', 'LICENSE'), 'utf8')).toContain('Detection Rule License')
    const read = readRuleFolders([folder])
    expect(read.problems).toEqual([])
    const set = compileRuleSet(read.files)
    expect(set.rules.length + set.unsupported.length).toBe(copied.length)
    const listed = downloadedRuleSets(dataDir)
    expect(listed).toEqual([{ ...record, folder }])
    expect(listed[0]).toMatchObject({ url: `${server.origin}/good.tar.gz`, licence: 'Detection Rule License 1.1', files: copied.length })
    // Nothing temporary is left beside the set.
    expect(readdirSync(path.join(dataDir, 'rules'))).toEqual(['sigmahq'])
  })

  const hostile: [string, Parameters<typeof rawTarGz>[0], string, Partial<RulesUpdateOptions['limits']>?][] = [
    ['an entry named with ..', [{ path: 'sigma-master/LICENSE', body: 'x' }, { path: 'sigma-master/../evil.yml', body: 'title: evil' }], 'rules-archive-refused'],
    ['an absolute path', [{ path: '/tmp/evil.yml', body: 'title: evil' }], 'rules-archive-refused'],
    ['a symlink among the rules', [{ path: 'sigma-master/LICENSE', body: 'x' }, { path: `sigma-master/${RULE_PATH}link.yml`, type: 'SymbolicLink', linkpath: '/etc/passwd' }], 'rules-archive-refused'],
    ['a hard link among the rules', [{ path: `sigma-master/${RULE_PATH}link.yml`, type: 'Link', linkpath: 'sigma-master/LICENSE' }], 'rules-archive-refused'],
    ['a device among the rules', [{ path: `sigma-master/${RULE_PATH}dev.yml`, type: 'CharacterDevice' }], 'rules-archive-refused'],
    ['two entries of one name', [{ path: 'sigma-master/LICENSE', body: 'x' }, { path: `sigma-master/${RULE_PATH}a.yml`, body: 'title: a' }, { path: `sigma-master/${RULE_PATH}A.yml`, body: 'title: b' }], 'rules-archive-refused'],
    ['no LICENSE', [{ path: `sigma-master/${RULE_PATH}a.yml`, body: 'title: a' }], 'rules-archive-refused'],
    ['a rule file over fileBytes', [{ path: `sigma-master/${RULE_PATH}big.yml`, body: 'x'.repeat(2000) }], 'rules-over-limit', { fileBytes: 1000 }],
    ['more rule files than files', [1, 2, 3, 4].map((i) => ({ path: `sigma-master/${RULE_PATH}r${i}.yml`, body: 'title: r' })), 'rules-over-limit', { files: 3 }],
    ['more bytes than extractedBytes', [1, 2, 3].map((i) => ({ path: `sigma-master/${RULE_PATH}r${i}.yml`, body: 'y'.repeat(600) })), 'rules-over-limit', { extractedBytes: 1000 }],
    ['an archive over compressedBytes', [{ path: 'sigma-master/LICENSE', body: 'x' }], 'rules-over-limit', { compressedBytes: 10 }],
  ]

  it('refuses bytes that are not a tar.gz with rules-archive-refused', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    server.routes.set('/garbage.tar.gz', Buffer.from('<html>not an archive</html>'))
    expect(await codeOf(updateRuleSet(source('/garbage.tar.gz'), options(dataDir)))).toBe('rules-archive-refused')
    expect(readdirSync(path.join(dataDir, 'rules'))).toEqual([])
  })

  for (const [what, entries, code, limits] of hostile) {
    it(`refuses ${what} with ${code}, and the previous set stays`, async () => {
      const dataDir = mkdtempSync(path.join(work, 'data-'))
      const before = await updateRuleSet(source('/good.tar.gz'), options(dataDir))
      const route = `/hostile-${what.replace(/\W+/g, '-')}.tar.gz`
      server.routes.set(route, rawTarGz(entries))
      expect(await codeOf(updateRuleSet(source(route), options(dataDir, { limits })))).toBe(code)
      expect(readdirSync(ruleSetRulesFolder(dataDir, 'sigmahq')).sort()).toEqual(copied)
      expect(downloadedRuleSets(dataDir)).toEqual([{ ...before, folder: ruleSetRulesFolder(dataDir, 'sigmahq') }])
      expect(readdirSync(path.join(dataDir, 'rules'))).toEqual(['sigmahq'])
      expect(existsSync(path.join(dataDir, 'evil.yml')) || existsSync(path.join(dataDir, 'rules', 'evil.yml'))).toBe(false)
    })
  }

  it('refuses a plain http URL before asking anything, and names a network failure', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    expect(await codeOf(updateRuleSet(source('', 'http://127.0.0.1:9/rules.tar.gz'), options(dataDir)))).toBe('rules-https-only')
    expect(await codeOf(updateRuleSet(source('/missing.tar.gz'), options(dataDir)))).toBe('rules-download-failed')
    // Without the test's CA the self-signed server is not trusted.
    expect(await codeOf(updateRuleSet(source('/good.tar.gz'), { dataDir }))).toBe('rules-download-failed')
    expect(downloadedRuleSets(dataDir)).toEqual([])
  })
})
