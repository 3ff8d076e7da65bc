// The built CLI on s3:// inputs, against a real S3-shaped endpoint (s3rver): only the range's
// events are printed (the day folders also hold events just outside it), a file that is not a
// log makes the exit status 1 with the object named as s3://bucket/key, and a bucket that does
// not exist is a clear one-line error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seed, seedClient, startS3rver, trailFile, trailKey, type S3rverProcess } from './s3-harness'
import { runCli, type CliRun } from './helpers/run-cli'

const BUCKET = 'cli-trail'
const BASE = 'AWSLogs/111111111111/'
let s3rver: S3rverProcess
let home = ''
const JUNK_KEY = `${BASE}CloudTrail/us-east-1/2024/03/10/notes.txt`

beforeAll(async () => {
  s3rver = await startS3rver([BUCKET])
  home = mkdtempSync(path.join(tmpdir(), 'ashiato-cli-s3-'))
  // No real AWS configuration may leak in: an empty home, and only s3rver's fixed keys.
  writeFileSync(path.join(home, 'empty'), '')
  const file = (at: string, tag: string, times: string[]) => ({
    key: trailKey(BASE, 'CloudTrail', '111111111111', 'us-east-1', new Date(at), tag),
    body: trailFile(times.map((eventTime, i) => ({ eventID: `${tag}-${i}`, eventTime }))),
  })
  await seed(seedClient(s3rver.url), BUCKET, [
    // Delivered after midnight, holding an event from the day before: outside the range.
    file('2024-03-10T00:05:00Z', 'early', ['2024-03-09T23:58:00Z', '2024-03-10T00:01:00Z']),
    file('2024-03-10T12:05:00Z', 'noon', ['2024-03-10T12:00:00Z', '2024-03-10T11:59:00Z']),
    file('2024-03-11T00:05:00Z', 'late', ['2024-03-10T23:59:00Z', '2024-03-11T00:02:00Z']),
    { key: JUNK_KEY, body: Buffer.from('not a log\n') },
  ])
}, 120_000)

afterAll(async () => {
  await s3rver?.stop()
})

function runS3(args: string[]): CliRun {
  const env = {
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, 'empty'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'empty'),
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_PROFILE: '',
  }
  const connection = ['--endpoint-url', s3rver.url, '--region', 'us-east-1', '--cache-dir', path.join(home, 'cache')]
  return runCli([...connection, ...args], { env })
}

describe('ashiato CLI on s3://', () => {
  it('prints the events of the range, oldest first, and reports an object that is not a log', () => {
    const { code, stdout, stderr } = runS3(['--stats', '--from', '2024-03-10', '--to', '2024-03-11', `s3://${BUCKET}/`])
    const events = stdout.trim().split('\n').map((line) => JSON.parse(line) as { eventID: string })
    expect(events.map((e) => e.eventID)).toEqual(['early-1', 'noon-1', 'noon-0', 'late-0'])
    expect(code).toBe(1)
    expect(stderr).toContain(`ashiato: s3://${BUCKET}/${JUNK_KEY}: not CloudTrail JSON`)
    const stats = JSON.parse(stderr.trim().split('\n').at(-1)!) as { events: number; badFiles: unknown[]; matched: number }
    expect(stats).toMatchObject({ events: 4, matched: 4 })
    expect(stats.badFiles).toHaveLength(1)
  })

  it('a query and --count work on S3 inputs as on files (the second run reads the cache)', () => {
    const { stdout } = runS3(['--count', '-q', 'eventId:noon-*', '--from', '2024-03-10', '--to', '2024-03-11', `s3://${BUCKET}/`])
    expect(stdout).toBe('2\n')
  })

  it('a bucket that does not exist is one clear line and exit 1', () => {
    const { code, stdout, stderr } = runS3(['--from', '2024-03-10', '--to', '2024-03-11', 's3://no-such-bucket/'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n'), stderr).toHaveLength(1)
    expect(stderr).toMatch(/^ashiato: s3:\/\/no-such-bucket\/: /)
  })
})
