// `ashiato detect` runs the rule sets "Update rules" downloaded, as the desktop app does: a set
// made by the real download (updateRuleSet over https from a local server, so the folder layout is
// the one the app and `ashiato update-rules` write: <data>/rules/<id>/rules/*.yml, LICENSE,
// source.json) in the folder ASHIATO_USER_DATA_DIR names, run by default, said in --stats, and
// left out with --no-downloaded-rules.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRL_1_1 } from '../../main/rules/rule-sources'
import { updateRuleSet } from '../../main/rules/rules-update'
import { startRulesServer, tarGzOf, type RulesServer } from './helpers/rules-server'
import { runCli } from './helpers/run-cli'

let server: RulesServer
let work = ''
let dataDir = ''
let logs = ''

const RULE = `title: Downloaded set saw a trail stopped
id: 6d1c1d8e-2222-4b4b-8d8d-000000000001
author: A Set Author
level: high
logsource: {product: aws, service: cloudtrail}
detection:
  selection: {eventName: StopLogging}
  condition: selection
`

beforeAll(async () => {
  server = await startRulesServer()
  work = mkdtempSync(path.join(tmpdir(), 'ashiato-detect-sets-'))
  // A GitHub-shaped archive: <repo>-<branch>/LICENSE and the rule folder.
  const repo = path.join(work, 'repo')
  const rules = path.join(repo, 'sigma-master', 'rules', 'cloud', 'aws', 'cloudtrail')
  mkdirSync(rules, { recursive: true })
  writeFileSync(path.join(rules, 'stopped.yml'), RULE)
  writeFileSync(path.join(repo, 'sigma-master', 'LICENSE'), 'Detection Rule License (DRL) 1.1')
  server.routes.set('/set.tar.gz', await tarGzOf(repo, 'sigma-master'))
  dataDir = path.join(work, 'user-data')
  await updateRuleSet({ id: 'sigmahq', name: 'SigmaHQ', url: `${server.origin}/set.tar.gz`, home: 'https://github.com/SigmaHQ/sigma', paths: ['rules/cloud/aws/cloudtrail/'], licence: DRL_1_1 }, { dataDir, ca: server.ca })
  logs = path.join(work, 'logs')
  mkdirSync(logs)
  const event = { eventVersion: '1.09', eventTime: '2024-08-01T12:00:01Z', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', userIdentity: { type: 'IAMUser', userName: 'alice' }, eventID: 'id-stop', recipientAccountId: '111122223333' }
  writeFileSync(path.join(logs, 'a.json'), JSON.stringify({ Records: [event] }))
}, 60_000)

afterAll(async () => {
  await server?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

const titles = (stdout: string): string[] => stdout.trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { title: string }).title)

describe('ashiato detect and the downloaded rule sets', () => {
  it('runs them by default, beside the built-in pack, and names them in --stats', () => {
    const run = runCli(['detect', '--stats', logs], { env: { ASHIATO_USER_DATA_DIR: dataDir } })
    expect(run.code).toBe(0)
    expect(titles(run.stdout)).toContain('Downloaded set saw a trail stopped')
    expect(titles(run.stdout)).toContain('CloudTrail logging stopped')
    const line = JSON.parse(run.stdout.trim().split('\n').find((l) => l.includes('Downloaded set'))!) as { source: string; author: string }
    expect(line.source).toBe(path.join(dataDir, 'rules', 'sigmahq', 'rules', 'stopped.yml'))
    expect(line.author).toBe('A Set Author')
    const stats = JSON.parse(run.stderr.trim().split('\n').pop()!) as { ruleSets: { id: string; name: string; files: number; folder: string }[] }
    expect(stats.ruleSets).toEqual([expect.objectContaining({ id: 'sigmahq', name: 'SigmaHQ', files: 1, folder: path.join(dataDir, 'rules', 'sigmahq', 'rules') })])
  }, 60_000)

  it('runs them alone with --no-builtin-rules, and leaves them out with --no-downloaded-rules', () => {
    const alone = runCli(['detect', '--no-builtin-rules', logs], { env: { ASHIATO_USER_DATA_DIR: dataDir } })
    expect(alone.code).toBe(0)
    expect(titles(alone.stdout)).toEqual(['Downloaded set saw a trail stopped'])
    const without = runCli(['detect', '--no-downloaded-rules', '--stats', logs], { env: { ASHIATO_USER_DATA_DIR: dataDir } })
    expect(without.code).toBe(0)
    expect(titles(without.stdout)).not.toContain('Downloaded set saw a trail stopped')
    expect(JSON.parse(without.stderr.trim().split('\n').pop()!)).toMatchObject({ ruleSets: [] })
    // Nothing left to run: a usage error that says where the sets were looked for.
    const none = runCli(['detect', '--no-builtin-rules', logs], { env: { ASHIATO_USER_DATA_DIR: path.join(work, 'empty') } })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain(path.join(work, 'empty'))
    expect(runCli(['detect', '--no-builtin-rules', '--no-downloaded-rules', logs]).code).toBe(2)
  }, 60_000)
})
