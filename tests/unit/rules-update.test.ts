// "Update rules" against a local https server (self-signed certificate trusted through the
// service's `ca` option): a real tar.gz built at run time from rules copied out of
// ../shared/sigma loads whole; hostile archives are refused with their named code and leave the
// previous set in place; plain http is refused before anything is asked.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CallError, callErrorCode } from '../../common/call-errors'
import { readRuleFolders } from '../../main/detect/rule-files'
import { compileRuleSet } from '../../main/detect/rule-set'
import { DRL_1_1, testRuleSources, type RuleSource } from '../../main/rules/rule-sources'
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

  const LICENSE = { path: 'sigma-master/LICENSE', body: 'x' }
  type Refusal = { entry: string; reason: string }
  // Each refused archive carries a LICENSE, so that it is refused for the entry named, not for the missing LICENSE.
  const hostile: [string, Parameters<typeof rawTarGz>[0], string, Refusal?, Partial<RulesUpdateOptions['limits']>?][] = [
    ['an entry named with ..', [LICENSE, { path: 'sigma-master/../evil.yml', body: 'title: evil' }], 'rules-archive-refused', { entry: 'sigma-master/../evil.yml', reason: 'a path with ..' }],
    ['a rule escaping its folder with ..', [LICENSE, { path: `sigma-master/${RULE_PATH}../../../../../evil.yml`, body: 'title: evil' }], 'rules-archive-refused', { entry: `sigma-master/${RULE_PATH}../../../../../evil.yml`, reason: 'a path with ..' }],
    ['an absolute path', [LICENSE, { path: '/tmp/evil.yml', body: 'title: evil' }], 'rules-archive-refused', { entry: '/tmp/evil.yml', reason: 'absolute path' }],
    ['a symlink among the rules', [LICENSE, { path: `sigma-master/${RULE_PATH}link.yml`, type: 'SymbolicLink', linkpath: '/etc/passwd' }], 'rules-archive-refused', { entry: `sigma-master/${RULE_PATH}link.yml`, reason: 'a SymbolicLink entry' }],
    ['a hard link among the rules', [LICENSE, { path: `sigma-master/${RULE_PATH}link.yml`, type: 'Link', linkpath: 'sigma-master/LICENSE' }], 'rules-archive-refused', { entry: `sigma-master/${RULE_PATH}link.yml`, reason: 'a Link entry' }],
    ['a device among the rules', [LICENSE, { path: `sigma-master/${RULE_PATH}dev.yml`, type: 'CharacterDevice' }], 'rules-archive-refused', { entry: `sigma-master/${RULE_PATH}dev.yml`, reason: 'a CharacterDevice entry' }],
    ['two entries of one name', [LICENSE, { path: `sigma-master/${RULE_PATH}a.yml`, body: 'title: a' }, { path: `sigma-master/${RULE_PATH}A.yml`, body: 'title: b' }], 'rules-archive-refused', { entry: `sigma-master/${RULE_PATH}A.yml`, reason: 'a second entry with the same name' }],
    ['no LICENSE', [{ path: `sigma-master/${RULE_PATH}a.yml`, body: 'title: a' }], 'rules-archive-refused'],
    ['a rule file over fileBytes', [{ path: `sigma-master/${RULE_PATH}big.yml`, body: 'x'.repeat(2000) }], 'rules-over-limit', undefined, { fileBytes: 1000 }],
    ['more rule files than files', [1, 2, 3, 4].map((i) => ({ path: `sigma-master/${RULE_PATH}r${i}.yml`, body: 'title: r' })), 'rules-over-limit', undefined, { files: 3 }],
    ['more bytes than extractedBytes', [1, 2, 3].map((i) => ({ path: `sigma-master/${RULE_PATH}r${i}.yml`, body: 'y'.repeat(600) })), 'rules-over-limit', undefined, { extractedBytes: 1000 }],
    ['an archive over compressedBytes', [LICENSE], 'rules-over-limit', undefined, { compressedBytes: 10 }],
  ]

  it('refuses bytes that are not a tar.gz with rules-archive-refused', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'))
    server.routes.set('/garbage.tar.gz', Buffer.from('<html>not an archive</html>'))
    expect(await codeOf(updateRuleSet(source('/garbage.tar.gz'), options(dataDir)))).toBe('rules-archive-refused')
    expect(readdirSync(path.join(dataDir, 'rules'))).toEqual([])
  })

  for (const [what, entries, code, refusal, limits] of hostile) {
    it(`refuses ${what} with ${code}, and the previous set stays`, async () => {
      // The data folder sits three levels down its own temporary folder, so that an entry escaping
      // the download folder with .. still lands where the recursive listing below looks.
      const outer = mkdtempSync(path.join(work, 'data-'))
      const dataDir = path.join(outer, 'a', 'b', 'data')
      const before = await updateRuleSet(source('/good.tar.gz'), options(dataDir))
      const listing = (): string[] => (readdirSync(outer, { recursive: true }) as string[]).sort()
      const filesBefore = listing()
      const route = `/hostile-${what.replace(/\W+/g, '-')}.tar.gz`
      server.routes.set(route, rawTarGz(entries))
      const error = await updateRuleSet(source(route), options(dataDir, { limits })).then(() => null, (e: unknown) => e)
      expect(callErrorCode(error)).toBe(code)
      if (refusal) expect((error as CallError).values).toEqual(refusal)
      expect(readdirSync(ruleSetRulesFolder(dataDir, 'sigmahq')).sort()).toEqual(copied)
      expect(downloadedRuleSets(dataDir)).toEqual([{ ...before, folder: ruleSetRulesFolder(dataDir, 'sigmahq') }])
      expect(listing()).toEqual(filesBefore)
      expect(filesBefore.filter((f) => f.includes('evil'))).toEqual([])
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

describe('test rule sources from the environment', () => {
  const env = (id: unknown): NodeJS.ProcessEnv => ({ ASHIATO_TEST_RULE_SOURCES: JSON.stringify([{ id, name: 'x', url: 'https://127.0.0.1/x.tar.gz', home: '', paths: [RULE_PATH], licence: DRL_1_1 }]) })

  it('refuses an id that is not a plain folder name (it reaches path.join and a recursive rm)', () => {
    expect(testRuleSources(env('sigmahq-2')).sources?.[0].id).toBe('sigmahq-2')
    for (const id of ['../..', '/etc', 'a/b', '', 'A', 7]) expect(() => testRuleSources(env(id)), String(id)).toThrow(/is not made of a-z, 0-9 and -/)
    expect(testRuleSources({})).toEqual({})
  })
})
