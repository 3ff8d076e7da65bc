// `ashiato dossier PRINCIPAL PATH...`: argument rules, and the built CLI run as a child process
// on a generated trail file (a real delivery file's shape).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDossierArgs } from '../../main/cli/cli-dossier'
import { runCli } from './helpers/run-cli'
import { assumeRole, call, iamUser, roleSession } from './helpers/identity-gen'

const A = '111111111111'
const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-dossier-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ashiato dossier', () => {
  it('reads its arguments', () => {
    expect(parseDossierArgs(['AKIAALICE00000000001', 'a.json'])).toEqual({ help: false, principal: { kind: 'accessKey', id: 'AKIAALICE00000000001' }, inputs: ['a.json'], pretty: false })
    expect(parseDossierArgs(['role:Admin', 'a', 'b', '--pretty'])).toMatchObject({ principal: { kind: 'role', id: 'Admin' }, inputs: ['a', 'b'], pretty: true })
    expect(parseDossierArgs(['alice'])).toHaveProperty('usageError', expect.stringContaining('no input'))
    expect(parseDossierArgs([])).toHaveProperty('usageError', expect.stringContaining('PRINCIPAL'))
    expect(parseDossierArgs(['alice', 's3://bucket/x'])).toHaveProperty('usageError', expect.stringContaining('s3://'))
    expect(parseDossierArgs(['--bogus', 'alice', 'a'])).toHaveProperty('usageError', expect.stringContaining('--bogus'))
  })

  it('prints one JSON object with the issue\'s fields, and exits 1 when an input is missing', () => {
    const alice = iamUser('alice', A, 'AKIAALICE00000000001')
    const records = [
      call(alice, { time: '2024-03-05T10:00:00Z', name: 'ListBuckets' }),
      assumeRole(alice, `arn:aws:iam::${A}:role/Admin`, 'alice', 'ASIAADMIN00000000001', { time: '2024-03-05T10:02:00Z' }),
      call(roleSession('Admin', 'alice', A, 'ASIAADMIN00000000001'), { time: '2024-03-05T10:03:00Z', error: 'AccessDenied' }),
    ]
    const file = path.join(dir, `${A}_CloudTrail_us-east-1_20240305T1005Z_abc.json`)
    writeFileSync(file, JSON.stringify({ Records: records }))
    const run = runCli(['dossier', 'role:Admin', file])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    const dossier = JSON.parse(run.stdout) as Record<string, unknown>
    expect(Object.keys(dossier)).toEqual(['principal', 'firstSeen', 'lastSeen', 'events', 'errors', 'apis', 'sourceIps', 'userAgents', 'regions', 'accounts', 'accessKeys', 'assumedRoles', 'assumedBy', 'flags'])
    expect(dossier).toMatchObject({ events: 1, errors: 1, apis: [{ name: 'GetObject', source: 's3.amazonaws.com', count: 1, errors: 1 }], assumedBy: [{ value: `arn:aws:iam::${A}:user/alice`, count: 1 }] })
    const missing = runCli(['dossier', 'alice', file, path.join(dir, 'nope.json')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nope.json')
    // A bare name is any principal of that name: the user alice and the session named alice.
    expect((JSON.parse(missing.stdout) as { events: number }).events).toBe(3)
  })
})
