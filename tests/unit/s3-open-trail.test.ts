// openTrail against a real S3 endpoint (s3rver behind a logging proxy): an organization trail with
// several accounts and regions, files on both sides of the date range, objects that are denied,
// KMS-protected, throttled, cut off mid-transfer, not CloudTrail, or truncated; then the cache
// (a second open fetches nothing it has) and offline use of the cache.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import { discoverLayout, eventTimeInRange, openTrail, S3OpenError, type S3Progress, type S3Summary, type S3TrailRequest } from '../../main/s3/open-trail'
import { listBuckets } from '../../main/s3/s3-bucket'
import type { InputPath } from '../../main/services/service-types'
import {
  seed, seedClient, startProxy, startS3rver, TEST_CONFIG, TEST_CREDENTIALS, trailFile, trailKey, useTemporaryAwsConfig,
  type FixtureEvent, type LoggingProxy, type S3rverProcess,
} from './s3-harness'

const BUCKET = 'org-trail'
const ROOT = 'trails/AWSLogs/'
const ORG = 'o-abc123defg'
const A1 = `${ROOT}${ORG}/111111111111/`
const A2 = `${ROOT}${ORG}/222222222222/`
const A3 = `${ROOT}333333333333/` // an account's own trail, beside the organization's
const FOLDERS = [
  { base: A1, account: '111111111111', kind: 'CloudTrail', regions: ['us-east-1', 'eu-west-1'], times: ['00:10', '06:05', '11:30', '12:05', '18:00', '23:55'] },
  { base: A1, account: '111111111111', kind: 'CloudTrail-Insight', regions: ['us-east-1'], times: ['12:30'] },
  { base: A2, account: '222222222222', kind: 'CloudTrail', regions: ['us-east-1', 'ap-northeast-1'], times: ['00:10', '06:05', '11:30', '12:05', '18:00', '23:55'] },
  { base: A3, account: '333333333333', kind: 'CloudTrail', regions: ['us-east-1'], times: ['00:10', '11:30', '12:05', '23:55'] },
]
const DAYS = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12', '2024-03-13']
const FROM = Date.parse('2024-03-10T12:00:00Z')
const TO = Date.parse('2024-03-12T00:00:00Z')
const LISTED_DAYS = ['2024/03/10/', '2024/03/11/', '2024/03/12/']

interface Fixture {
  key: string
  body: Buffer
  events: FixtureEvent[]
}
const fixtures: Fixture[] = []
// Events happen before their file is written (CloudTrail delivers minutes later).
const addFile = (base: string, kind: string, account: string, region: string, at: string, tag: string, eventsAt: number[] = [2, 5, 8]) => {
  const delivered = new Date(at)
  const events = eventsAt.map((minutesBefore, i) => ({ eventID: `${tag}-${i}`, eventTime: new Date(delivered.getTime() - minutesBefore * 60_000).toISOString().replace('.000', '') }))
  const key = trailKey(base, kind, account, region, delivered, tag)
  fixtures.push({ key, body: trailFile(events), events })
  return key
}
for (const f of FOLDERS)
  for (const region of f.regions)
    for (const day of DAYS) for (const time of f.times) addFile(f.base, f.kind, f.account, region, `${day}T${time}:00Z`, `${f.account}-${f.kind}-${region}-${day}-${time.replace(":", "")}`)
// Delivered 3.5 hours late, into the day after the range: still found.
addFile(A2, 'CloudTrail', '222222222222', 'us-east-1', '2024-03-12T02:30:00Z', 'late', [210])
const DENIED = addFile(A1, 'CloudTrail', '111111111111', 'eu-west-1', '2024-03-11T18:30:00Z', 'denied')
const KMS = addFile(A2, 'CloudTrail', '222222222222', 'us-east-1', '2024-03-11T19:00:00Z', 'kms')
const SLOW = addFile(A2, 'CloudTrail', '222222222222', 'ap-northeast-1', '2024-03-11T20:00:00Z', 'slow')
const BUSY = addFile(A3, 'CloudTrail', '333333333333', 'us-east-1', '2024-03-11T21:00:00Z', 'busy')
const CUT = addFile(A1, 'CloudTrail', '111111111111', 'eu-west-1', '2024-03-11T09:00:00Z', 'cut')
const TRUNC = addFile(A1, 'CloudTrail', '111111111111', 'us-east-1', '2024-03-11T15:00:00Z', 'trunc')
const trunc = fixtures.find((f) => f.key === TRUNC)!
trunc.body = trunc.body.subarray(0, trunc.body.length >> 1)
const NOTES = `${A1}CloudTrail/us-east-1/2024/03/11/notes.txt`
fixtures.push({ key: NOTES, body: Buffer.from('not a CloudTrail file\n'), events: [] })
// Folders that must never be listed by day: digests, and another service's logs.
for (const day of DAYS) fixtures.push({ key: `${A1}CloudTrail-Digest/us-east-1/${day.replaceAll('-', '/')}/111111111111_CloudTrail-Digest_us-east-1_t_us-east-1_${day.replaceAll('-', '')}T0100Z.json.gz`, body: Buffer.from('{}'), events: [] })
fixtures.push({ key: `${A1}Config/us-east-1/2024/3/11/ConfigHistory/config.json.gz`, body: Buffer.from('{}'), events: [] })
const DENIED_LIST = `${A3}CloudTrail/us-east-1/2024/03/12/`

const dayPrefixesOf = (accounts?: string[], regions?: string[], insight = true) =>
  FOLDERS.filter((f) => (insight || f.kind === 'CloudTrail') && (!accounts || accounts.includes(f.account))).flatMap((f) =>
    f.regions.filter((r) => !regions || regions.includes(r)).flatMap((r) => LISTED_DAYS.map((d) => `${f.base}${f.kind}/${r}/${d}`)),
  )
const fileTime = (key: string) => {
  const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(key)
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : undefined
}
/** What a correct plan fetches: objects of the listed day folders, less files written over an hour before FROM. */
const expectedFetched = () =>
  fixtures
    .filter((f) => dayPrefixesOf().some((p) => f.key.startsWith(p)) && !f.key.startsWith(DENIED_LIST))
    .filter((f) => (fileTime(f.key) ?? Infinity) >= FROM - 3_600_000)
    .map((f) => f.key)

let s3rver: S3rverProcess
let proxy: LoggingProxy
let aws: ReturnType<typeof useTemporaryAwsConfig>
const cacheDir = mkdtempSync(path.join(tmpdir(), 'ashiato-s3cache-'))
const tuning = { pageSize: 5, retryBaseMs: 5, progressIntervalMs: 10 }

beforeAll(async () => {
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
  s3rver = await startS3rver([BUCKET, 'empty-bucket'])
  await seed(seedClient(s3rver.url), BUCKET, fixtures)
  proxy = await startProxy(s3rver.port)
  proxy.rules.denyGet.add(DENIED)
  proxy.rules.kmsDeny.add(KMS)
  proxy.rules.throttle.set(SLOW, 2)
  proxy.rules.throttle.set(BUSY, 1_000)
  proxy.rules.truncateOnce.add(CUT)
  proxy.rules.denyListPrefix.add(DENIED_LIST)
})
afterAll(async () => {
  await proxy?.close()
  await s3rver?.stop()
  aws?.restore()
})

async function open(req: Partial<S3TrailRequest> = {}, dir = cacheDir, endpointUrl = proxy.url) {
  const inputs: InputPath[] = []
  const errors: { file: string; reason: string }[] = []
  const progress: S3Progress[] = []
  const summary: S3Summary = await openTrail(
    { bucket: BUCKET, prefix: 'trails/', from: FROM, to: TO, includeInsight: true, profile: 'ashiato-test', endpointUrl, ...req },
    { cacheDir: dir, onObject: (i) => inputs.push(i), onError: (e) => errors.push(e), onProgress: (p) => progress.push(p), tuning },
  )
  return { inputs, errors, progress, summary }
}
const keyOf = (i: InputPath) => i.displayName!.slice(`s3://${BUCKET}/`.length)
const sorted = (xs: string[]) => [...xs].sort()

describe('openTrail on an organization trail', () => {
  let first: Awaited<ReturnType<typeof open>>

  it('lists only the day folders of the range (plus the day after) and fetches only their objects', async () => {
    first = await open()
    const lists = proxy.lists()
    // Never a listing of the whole bucket: each is a delimiter listing, or one day folder.
    for (const l of lists) expect(l.query.get('delimiter') === '/' || /\/\d{4}\/\d{2}\/\d{2}\/$/.test(l.query.get('prefix') ?? '')).toBe(true)
    const dayLists = new Set(lists.filter((l) => l.query.get('delimiter') !== '/').map((l) => l.query.get('prefix')!))
    expect(sorted([...dayLists])).toEqual(sorted(dayPrefixesOf()))
    expect(first.summary.dayPrefixes).toEqual(expect.arrayContaining(dayPrefixesOf()))
    // Pagination was followed: page size 5, a day folder holds more.
    expect(lists.some((l) => l.query.has('continuation-token'))).toBe(true)

    const expected = expectedFetched()
    const retried = [SLOW, SLOW, BUSY, BUSY, BUSY, CUT] // 2 SlowDowns then success; 4 tries; cut once then success
    expect(sorted(proxy.gets())).toEqual(sorted([...expected, ...retried]))
    expect(proxy.gets().some((k) => k.includes('2024/03/09/') || k.includes('2024/03/13/') || k.includes('Digest'))).toBe(false)
    expect(first.summary.skippedBeforeRange).toBeGreaterThan(0)
  })

  it('hands every fetched object over as a cached local file named s3://bucket/key', () => {
    const ok = expectedFetched().filter((k) => ![DENIED, KMS, BUSY].includes(k))
    expect(sorted(first.inputs.map(keyOf))).toEqual(sorted(ok))
    for (const input of first.inputs) {
      expect(input.path, keyOf(input)).toBe(path.join(cacheDir, BUCKET, ...keyOf(input).split("/")))
      expect(readFileSync(input.path).equals(fixtures.find((f) => f.key === keyOf(input))!.body), keyOf(input)).toBe(true)
    }
    // Not CloudTrail, or a damaged gzip: handed over all the same (the loader says what is wrong).
    expect(first.inputs.map(keyOf)).toEqual(expect.arrayContaining([NOTES, TRUNC]))
    expect(first.summary).toMatchObject({ objects: ok.length, downloaded: ok.length, fromCache: 0, failed: 3, offline: false, cancelled: false })
  })

  it('reports each failure once, with the action, the key and what to do', () => {
    const byFile = new Map(first.errors.map((e) => [e.file, e.reason]))
    expect(first.errors).toHaveLength(4)
    expect(byFile.get(`s3://${BUCKET}/${DENIED}`)).toMatch(/Access denied: s3:GetObject on s3:\/\/org-trail\/.*denied\.json\.gz.*profile "ashiato-test" lacks s3:GetObject/)
    expect(byFile.get(`s3://${BUCKET}/${KMS}`)).toMatch(/encrypted with an AWS KMS key.*lacks kms:Decrypt/)
    expect(byFile.get(`s3://${BUCKET}/${BUSY}`)).toMatch(/throttled s3:GetObject .*SlowDown.*after 4 attempts/)
    expect(byFile.get(`s3://${BUCKET}/${DENIED_LIST}`)).toMatch(/Access denied: s3:ListBucket on s3:\/\/org-trail\/trails\/AWSLogs\/333333333333\/CloudTrail\/us-east-1\/2024\/03\/12\/.*lacks s3:ListBucket/)
  })

  it('finds every event of the range, late deliveries included, once the loader applies eventTimeInRange', () => {
    const inRange = eventTimeInRange(first.summary.timeRange.from, first.summary.timeRange.to)
    const unreadable = new Set([DENIED, KMS, BUSY, TRUNC])
    const want = fixtures
      .filter((f) => !unreadable.has(f.key) && !f.key.startsWith(DENIED_LIST))
      .flatMap((f) => f.events)
      .filter((e) => inRange(Date.parse(e.eventTime)))
      .map((e) => e.eventID)
    const got: string[] = []
    for (const input of first.inputs) {
      if (input.path.endsWith('.txt') || keyOf(input) === TRUNC) continue
      const records = (JSON.parse(gunzipSync(readFileSync(input.path)).toString()) as { Records: FixtureEvent[] }).Records
      got.push(...records.filter((r) => inRange(Date.parse(r.eventTime))).map((r) => r.eventID))
    }
    expect(want).toContain('late-0')
    expect(sorted(got)).toEqual(sorted(want))
  })

  it('reports progress in objects and bytes, ending once with done', () => {
    const last = first.progress.at(-1)!
    const bytes = first.inputs.reduce((n, i) => n + readFileSync(i.path).length, 0)
    expect(first.progress.filter((p) => p.done)).toHaveLength(1)
    expect(last).toMatchObject({ phase: 'done', done: true, listingDone: true, objectsDone: first.inputs.length, failed: 3, bytesDone: bytes, prefixesDone: 18, prefixesTotal: 18 })
    expect(last.objectsTotal).toBe(first.inputs.length + 3)
  })

  it('reopening the range fetches only what the cache lacks', async () => {
    proxy.requests.length = 0
    const again = await open()
    expect(new Set(proxy.gets())).toEqual(new Set([DENIED, KMS, BUSY]))
    expect(sorted(again.inputs.map(keyOf))).toEqual(sorted(first.inputs.map(keyOf)))
    expect(again.summary).toMatchObject({ downloaded: 0, fromCache: first.inputs.length, failed: 3 })
    expect(again.inputs.map((i) => i.path)).toEqual(expect.arrayContaining(first.inputs.map((i) => i.path)))
  })

  it('works offline from the cached day folders, and says so', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const deadPort = (closed.address() as { port: number }).port
    await new Promise<void>((r) => closed.close(() => r()))
    const offline = await open({}, cacheDir, `http://127.0.0.1:${deadPort}`)
    expect(offline.summary.offline).toBe(true)
    expect(offline.summary.notice).toMatch(/Network error on s3:ListBucket .*Showing the objects already in the cache/)
    expect(offline.errors.map((e) => e.reason)).toContain(offline.summary.notice)
    expect(sorted(offline.inputs.map(keyOf))).toEqual(sorted(first.inputs.map(keyOf)))
    expect(offline.progress.at(-1)).toMatchObject({ offline: true, done: true })

    // Nothing cached for this bucket: a clear error rather than an empty result.
    const empty = mkdtempSync(path.join(tmpdir(), 'ashiato-s3cache-'))
    await expect(open({}, empty, `http://127.0.0.1:${deadPort}`)).rejects.toThrow(/Network error on s3:ListBucket s3:\/\/org-trail\/trails\/AWSLogs\//)
  })

  it('opens only the chosen accounts and regions', async () => {
    proxy.requests.length = 0
    const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-s3cache-'))
    const some = await open({ accounts: ['222222222222'], regions: ['ap-northeast-1'] }, dir)
    const dayLists = new Set(proxy.lists().filter((l) => l.query.get('delimiter') !== '/').map((l) => l.query.get('prefix')!))
    expect(sorted([...dayLists])).toEqual(sorted(dayPrefixesOf(['222222222222'], ['ap-northeast-1'])))
    expect(some.inputs.length).toBeGreaterThan(0)
    expect(some.inputs.every((i) => keyOf(i).startsWith(`${A2}CloudTrail/ap-northeast-1/`))).toBe(true)
    expect(existsSync(path.join(dir, '.ashiato-s3-cache.json'))).toBe(true)
  })

  it('a prefix under AWSLogs/ pins the account to open', async () => {
    proxy.requests.length = 0
    const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-s3cache-'))
    const one = await open({ prefix: `${A3}`, includeInsight: false }, dir)
    expect(one.summary.layout.accounts).toEqual(['333333333333'])
    expect(one.inputs.every((i) => keyOf(i).startsWith(A3))).toBe(true)
    expect(proxy.lists().some((l) => l.query.get('prefix') === ROOT)).toBe(false)
  })
})

describe('bucket browsing', () => {
  it('discovers the layout with delimiter listings', async () => {
    proxy.requests.length = 0
    const layout = await discoverLayout({ bucket: BUCKET, prefix: 'trails', profile: 'ashiato-test', endpointUrl: proxy.url })
    expect(layout).toMatchObject({
      orgIds: [ORG],
      accounts: ['111111111111', '222222222222', '333333333333'],
      regions: ['ap-northeast-1', 'eu-west-1', 'us-east-1'],
      hasInsight: true,
      hasDigest: true,
      basePrefixes: [A3, A1, A2].sort(),
    })
    expect(proxy.lists().every((l) => l.query.get('delimiter') === '/')).toBe(true)
  })

  it('lists the buckets, and says clearly when a bucket has no trail', async () => {
    const buckets = await listBuckets({ profile: 'ashiato-test', endpointUrl: proxy.url })
    expect(buckets.map((b) => b.name)).toEqual(['empty-bucket', 'org-trail'])
    const err = await open({ bucket: 'empty-bucket', prefix: '' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(S3OpenError)
    expect((err as S3OpenError).message).toMatch(/No CloudTrail logs found under s3:\/\/empty-bucket\/AWSLogs\//)
    await expect(open({ bucket: 'no-such-bucket' })).rejects.toThrow(/The bucket "no-such-bucket" does not exist/)
  })
})
