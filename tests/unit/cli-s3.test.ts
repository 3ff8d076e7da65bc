// The built CLI on s3:// inputs, against a real S3-shaped endpoint (s3rver): only the range's
// events are printed (the day folders also hold events just outside it), a file that is not a
// log makes the exit status 1 with the object named as s3://bucket/key, and a bucket that does
// not exist is a clear one-line error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seed, seedClient, startProxy, startS3rver, trailFile, trailKey, type LoggingProxy, type S3rverProcess } from './s3-harness'
import { CLI, REPO, runCli, type CliRun } from './helpers/run-cli'
import { spawn } from 'node:child_process'

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

describe('ashiato CLI on s3:// with a profile from AWS config files', () => {
  let config = ''
  let proxy: LoggingProxy
  const NOON_KEY = trailKey(BASE, 'CloudTrail', '111111111111', 'us-east-1', new Date('2024-03-10T12:05:00Z'), 'noon')

  beforeAll(async () => {
    config = mkdtempSync(path.join(tmpdir(), 'ashiato-cli-aws-'))
    writeFileSync(path.join(config, 'config'), '[profile cli-reader]\nregion = us-east-1\n')
    writeFileSync(path.join(config, 'credentials'), '[cli-reader]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n')
    proxy = await startProxy(s3rver.port)
    proxy.rules.denyGet.add(NOON_KEY)
  })
  afterAll(async () => {
    await proxy?.close()
  })

  /** The child sees no AWS_* variable of this machine: only the temporary files. Asynchronous: the proxy runs in this process. */
  async function runProfile(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('AWS_')).map((k) => [k, undefined]))
    Object.assign(env, {
      HOME: config,
      USERPROFILE: config,
      AWS_CONFIG_FILE: path.join(config, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(config, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ASHIATO_CACHE_DIR: undefined,
      ...extraEnv,
    })
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)))
    return { code, stdout, stderr }
  }

  it('prints only the events of the range and exits 0 when every object was read', async () => {
    const cache = path.join(config, 'cache-ok')
    const { code, stdout, stderr } = await runProfile(['--profile', 'cli-reader', '--endpoint-url', s3rver.url, '--cache-dir', cache, '--from', '2024-03-11', '--to', '2024-03-12', `s3://${BUCKET}/`])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.trim().split('\n').map((line) => (JSON.parse(line) as { eventID: string }).eventID)).toEqual(['late-1'])
  })

  it('an object the profile may not read: exit 1, the object on stderr, the other events still printed', async () => {
    const { code, stdout, stderr } = await runProfile(['--profile=cli-reader', `--endpoint-url=${proxy.url}`, '--from=2024-03-10', '--to=2024-03-11', '--concurrency=2', `s3://${BUCKET}/AWSLogs/`], {
      ASHIATO_CACHE_DIR: path.join(config, 'cache-env'),
    })
    expect(code).toBe(1)
    expect(stdout.trim().split('\n').map((line) => (JSON.parse(line) as { eventID: string }).eventID)).toEqual(['early-1', 'late-0'])
    expect(stderr).toContain(`ashiato: s3://${BUCKET}/${NOON_KEY}: Access denied: s3:GetObject on s3://${BUCKET}/${NOON_KEY} — the profile "cli-reader" lacks s3:GetObject`)
    expect(stderr).toContain(`ashiato: s3://${BUCKET}/${JUNK_KEY}: not CloudTrail JSON`)
    expect(stderr.trim().split('\n')).toHaveLength(2)
    // ASHIATO_CACHE_DIR chose the cache folder.
    expect(readdirSync(path.join(config, 'cache-env'))).toContain(BUCKET)
  })

  it('a profile that does not exist is one line naming it, and exit 1', async () => {
    const { code, stdout, stderr } = await runProfile(['--profile', 'nobody', '--endpoint-url', s3rver.url, '--cache-dir', path.join(config, 'cache-x'), '--from', '2024-03-10', '--to', '2024-03-11', `s3://${BUCKET}/`])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n'), stderr).toHaveLength(1)
    // What the chain tried and the way out, still on that one line.
    expect(stderr).toMatch(/^ashiato: s3:\/\/cli-trail\/: No AWS credentials found for the profile "nobody" \(tried: .*credentials.*\): .*aws sso login --profile nobody/)
  })
})
