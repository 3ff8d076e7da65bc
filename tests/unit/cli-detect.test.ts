// `ashiato detect`, the built CLI run as a child process (dist/main/cli.cjs from the global
// setup): detections as JSON Lines or CSV, the rules' authors, --min-level, --rules folders,
// unsupported rules listed on stderr, --stats, and the exit statuses.

import { beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from './helpers/run-cli'

let dir = ''
let logs = ''
let rules = ''

const event = (name: string, second: number, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.09',
  eventTime: `2024-08-01T12:00:${String(second).padStart(2, '0')}Z`,
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: name,
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/alice', userName: 'alice' },
  eventID: `id-${name}-${second}`,
  recipientAccountId: '111122223333',
  ...extra,
})

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ashiato-detect-'))
  logs = path.join(dir, 'logs')
  rules = path.join(dir, 'rules')
  mkdirSync(logs)
  mkdirSync(rules)
  const events = [event('StopLogging', 1), event('DescribeTrails', 2), event('CreateTrail', 3, { eventSource: 'cloudtrail.amazonaws.com' })]
  writeFileSync(path.join(logs, 'a.json'), JSON.stringify({ Records: events }))
  writeFileSync(path.join(rules, 'mine.yml'), `title: Trail created
id: 0b5c2f0e-1111-4a4a-9c9c-000000000001
author: Jane Doe
level: low
logsource: {product: aws, service: cloudtrail}
detection:
  selection: {eventName: CreateTrail}
  condition: selection
`)
  writeFileSync(path.join(rules, 'old.yml'), `title: Old aggregation
id: 0b5c2f0e-1111-4a4a-9c9c-000000000002
author: Someone
logsource: {product: aws, service: cloudtrail}
detection:
  selection: {eventName: Describe*}
  condition: selection | count() > 5
`)
})

describe('ashiato detect', () => {
  it('prints built-in detections as JSON Lines with the rule author and the events', () => {
    const { code, stdout, stderr } = runCli(['detect', logs])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toEqual([
      expect.objectContaining({ title: 'CloudTrail logging stopped', level: 'high', author: 'Ashiato', source: 'builtin', eventIds: ['id-StopLogging-1'], firstTime: '2024-08-01T12:00:01.000Z', lastTime: '2024-08-01T12:00:01.000Z' }),
    ])
    expect(Object.keys(lines[0])).toEqual(['ruleId', 'title', 'level', 'author', 'tags', 'source', 'eventIds', 'firstTime', 'lastTime'])
    expect(lines[0].ruleId).toMatch(/^[0-9a-f-]{36}$/)
    expect(lines[0].tags).toContain('attack.t1562.008')
  })

  it('adds --rules folders, lists the rules it cannot run on stderr, and filters with --min-level', () => {
    const all = runCli(['detect', '--rules', rules, logs])
    expect(all.code).toBe(0)
    expect(all.stderr).toMatch(/old\.yml: rule "Old aggregation" not evaluated: condition: Sigma v1 aggregation/)
    const titles = all.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(titles.map((t) => [t.title, t.author, t.source])).toEqual([['CloudTrail logging stopped', 'Ashiato', 'builtin'], ['Trail created', 'Jane Doe', path.join(rules, 'mine.yml')]])
    const high = runCli(['detect', '--rules', rules, '--min-level', 'high', logs])
    expect(high.stdout.trim().split('\n').map((l) => JSON.parse(l).title)).toEqual(['CloudTrail logging stopped'])
    const mineOnly = runCli(['detect', '--no-builtin-rules', '--rules', rules, logs])
    expect(mineOnly.stdout.trim().split('\n').map((l) => JSON.parse(l).title)).toEqual(['Trail created'])
  })

  it('writes CSV with a header, and --stats on stderr', () => {
    const { code, stdout, stderr } = runCli(['detect', '--format', 'csv', '--stats', logs])
    expect(code).toBe(0)
    const [header, row] = stdout.trim().split('\n')
    expect(header).toBe('ruleId,title,level,author,tags,source,eventIds,firstTime,lastTime,group')
    expect(row).toContain(',CloudTrail logging stopped,high,Ashiato,')
    const stats = JSON.parse(stderr.trim())
    expect(stats).toMatchObject({ events: 3, files: 1, rulesUnsupported: 0, detections: 1 })
    expect(stats.rules).toBeGreaterThanOrEqual(40)
    expect(typeof stats.detectMs).toBe('number')
  })

  it('exits 1 when an input cannot be read (still printing what it found), 2 for usage errors', () => {
    const broken = path.join(dir, 'broken.json.gz')
    writeFileSync(broken, 'not a log')
    const partial = runCli(['detect', logs, broken])
    expect(partial.code).toBe(1)
    expect(partial.stdout).toContain('CloudTrail logging stopped')
    expect(partial.stderr).toContain('broken.json.gz')
    expect(runCli(['detect', '--min-level', 'severe', logs]).code).toBe(2)
    expect(runCli(['detect', '--no-builtin-rules', logs], { env: { ASHIATO_USER_DATA_DIR: path.join(dir, 'no-user-data') } }).code).toBe(2)
    const missing = runCli(['detect', '--rules', path.join(dir, 'nope'), logs])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--rules .*nope: no such file or folder/)
    expect(runCli(['detect', '--help']).stdout).toMatch(/^Usage: ashiato detect/)
  })
})
