// AshiatoService's S3 calls against a real S3-shaped endpoint (s3rver behind the harness's proxy),
// with credentials from temporary AWS config files: profiles and buckets as the dialog sees them,
// layout discovery, and opening a range into the store (only the range's events, failed objects
// reported by their s3:// name, progress pushed to the end), then cancelling mid-download.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { validateArgs } from '../../main/services/validate-args'
import type { AshiatoPushes, FileReport, PushName, S3OpenProgress } from '../../common/ipc-contract'
import { seed, seedClient, startProxy, startS3rver, TEST_CONFIG, TEST_CREDENTIALS, useTemporaryAwsConfig, type LoggingProxy, type S3rverProcess } from './s3-harness'
import { eventIdsInRange, ORG_ACCOUNTS, ORG_ID, orgTrail } from './s3-org-trail'

const BUCKET = 'svc-trail'
const PREFIX = 'org/'
const FROM = Date.parse('2024-03-10T06:00:00Z')
const TO = Date.parse('2024-03-11T12:00:00Z')
const objects = orgTrail(PREFIX)
// One object in the range that IAM denies, and one that is not a log at all.
const DENIED = objects.find((o) => o.kind === 'CloudTrail' && o.account === ORG_ACCOUNTS[1] && o.key.includes('eu-west-1_20240311T0610Z'))!.key
const NOTES = `${PREFIX}AWSLogs/${ORG_ID}/${ORG_ACCOUNTS[0]}/CloudTrail/us-east-1/2024/03/10/notes.txt`

let s3rver: S3rverProcess
let proxy: LoggingProxy
let aws: ReturnType<typeof useTemporaryAwsConfig>
const tuning = { retryBaseMs: 5, attempts: 2, progressIntervalMs: 10 }

beforeAll(async () => {
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
  s3rver = await startS3rver([BUCKET])
  await seed(seedClient(s3rver.url), BUCKET, [...objects, { key: NOTES, body: Buffer.from('not a log\n') }])
  proxy = await startProxy(s3rver.port)
  proxy.rules.denyGet.add(DENIED)
})
afterAll(async () => {
  await proxy?.close()
  await s3rver?.stop()
  aws?.restore()
})

function newService(cacheDir = mkdtempSync(path.join(tmpdir(), 'ashiato-svc-cache-'))) {
  const service = new AshiatoService({ s3: { cacheDir, tuning } })
  const pushes: { name: PushName; payload: unknown }[] = []
  service.onPush((name, payload) => void pushes.push({ name, payload }))
  const of = <K extends PushName>(name: K) => pushes.filter((p) => p.name === name).map((p) => p.payload as AshiatoPushes[K])
  const finished = (loadId: number) =>
    new Promise<S3OpenProgress>((resolve) => {
      const stop = service.onPush((name, payload) => {
        const p = payload as S3OpenProgress
        if (name === 's3Progress' && p.loadId === loadId && p.done) {
          stop()
          resolve(p)
        }
      })
    })
  return { service, cacheDir, pushes: of, finished }
}

const storeIds = (service: AshiatoService) => Array.from({ length: service.store.size }, (_, i) => (JSON.parse(service.store.text(i)) as { eventID: string }).eventID).sort()
const connection = () => ({ profile: 'ashiato-test', endpointUrl: proxy.url })
const request = (extra: object = {}) => ({ ...connection(), bucket: BUCKET, prefix: PREFIX, from: FROM, to: TO, ...extra })

describe('AshiatoService S3 calls', () => {
  it('lists profiles by name and region, never a secret', async () => {
    const { service } = newService()
    const profiles = await service.s3Profiles()
    expect(profiles.map((p) => p.name)).toEqual(['ashiato-test', 'eu-reader', 'expired-sso'])
    expect(profiles.find((p) => p.name === 'expired-sso')).toEqual({ name: 'expired-sso', region: 'eu-west-1', sso: true })
    expect(JSON.stringify(profiles)).not.toContain('S3RVER')
    await service.dispose()
  })

  it('lists buckets and discovers the layout of the trail', async () => {
    const { service } = newService()
    expect((await service.s3Buckets(connection())).map((b) => b.name)).toContain(BUCKET)
    const layout = await service.s3Discover({ ...connection(), bucket: BUCKET, prefix: PREFIX })
    expect(layout).toEqual({ orgIds: [ORG_ID], accounts: [...ORG_ACCOUNTS], regions: ['eu-west-1', 'us-east-1'], hasInsight: true, hasDigest: true })
    // Coded, so the UI says it in the user's language; the English reason stays the message.
    await expect(service.s3Discover({ ...connection(), bucket: 'no-such-bucket' })).rejects.toMatchObject({
      message: expect.stringMatching(/bucket "no-such-bucket" does not exist/),
      code: 's3-not-found',
      values: { bucket: 'no-such-bucket' },
    })
    await service.dispose()
  })

  it('opens a range: the store holds exactly the events in [from, to), and a denied object is reported by its s3:// name', async () => {
    const { service, pushes, finished } = newService()
    const started = await service.openS3Trail(request())
    const last = await finished(started.loadId)
    await service.whenLoadDone()

    const want = eventIdsInRange(objects, FROM, TO, { except: new Set([DENIED]) })
    expect(want.length).toBeGreaterThan(50)
    expect(storeIds(service)).toEqual(want)
    // Events are named after the object they came from.
    expect(new Set(Array.from({ length: service.store.size }, (_, i) => service.store.fileOfEvent(i).slice(0, `s3://${BUCKET}/${PREFIX}AWSLogs/`.length)))).toEqual(new Set([`s3://${BUCKET}/${PREFIX}AWSLogs/`]))

    const problems = new Map(pushes('fileReport').map((r) => [r.file, r]))
    expect(problems.get(`s3://${BUCKET}/${DENIED}`)).toMatchObject({ kind: 'error', events: 0 })
    expect(problems.get(`s3://${BUCKET}/${DENIED}`)!.reason).toMatch(/Access denied: s3:GetObject on s3:\/\/svc-trail\/.*profile "ashiato-test" lacks s3:GetObject/)
    expect(problems.get(`s3://${BUCKET}/${NOTES}`)).toMatchObject({ kind: 'error' })
    // The list the problems panel reads has them too.
    const reports: FileReport[] = await service.fileReports()
    expect(reports.map((r) => r.file)).toEqual(expect.arrayContaining([`s3://${BUCKET}/${DENIED}`, `s3://${BUCKET}/${NOTES}`]))

    expect(last).toMatchObject({ loadId: started.loadId, phase: 'done', done: true, cancelled: false, failed: 1, listingDone: true, events: want.length })
    expect(last.objectsDone).toBe(last.objectsTotal - 1)
    expect(last.bytesDone).toBeGreaterThan(0)
    const progress = pushes('s3Progress')
    expect(progress.filter((p) => p.done)).toHaveLength(1)
    expect(progress.some((p) => p.phase === 'downloading' || p.phase === 'listing')).toBe(true)
    expect(pushes('eventsChanged').at(-1)).toEqual({ total: want.length })
    await service.dispose()
  })

  it('opens only the chosen accounts and regions, Insight events when asked; a reopen reads the cache', async () => {
    const { service, cacheDir, finished } = newService()
    const pick = { accounts: [ORG_ACCOUNTS[0]], regions: ['us-east-1'], includeInsight: true }
    await finished((await service.openS3Trail(request(pick))).loadId)
    await service.whenLoadDone()
    expect(storeIds(service)).toEqual(eventIdsInRange(objects, FROM, TO, { ...pick, insight: true }))
    expect(storeIds(service)).toContain('insight-0')
    await service.clearAll()

    proxy.requests.length = 0
    const again = await finished((await service.openS3Trail(request(pick))).loadId)
    await service.whenLoadDone()
    expect(proxy.gets()).toEqual([])
    expect(again.fromCache).toBe(again.objectsDone)
    expect(storeIds(service)).toEqual(eventIdsInRange(objects, FROM, TO, { ...pick, insight: true }))

    expect(readdirSync(cacheDir)).toContain(BUCKET)
    const cleared = await service.clearS3Cache()
    expect(cleared.objects).toBe(again.objectsDone)
    expect(existsSync(path.join(cacheDir, BUCKET))).toBe(false)
    await service.dispose()
  })

  it('a bucket that does not exist ends the open with one clear error', async () => {
    const { service, pushes, finished } = newService()
    const last = await finished((await service.openS3Trail({ ...request(), bucket: 'no-such-bucket' })).loadId)
    await service.whenLoadDone()
    expect(last).toMatchObject({ done: true, cancelled: false })
    expect(last.error).toMatch(/bucket "no-such-bucket" does not exist/)
    // The dialog says it in the user's language from the code.
    expect(last).toMatchObject({ errorCode: 's3-not-found', errorValues: { bucket: 'no-such-bucket' } })
    expect(pushes('fileReport')).toEqual([expect.objectContaining({ file: `s3://no-such-bucket/${PREFIX}`, kind: 'error' })])
    expect(service.store.size).toBe(0)
    await service.dispose()
  })

  it('cancel stops the download and keeps what arrived: every object fetched by then is loaded', async () => {
    const { service, cacheDir, pushes, finished } = newService()
    proxy.rules.getDelayMs = 150
    try {
      const started = await service.openS3Trail(request({ concurrency: 2, prefix: `${PREFIX}AWSLogs/${ORG_ID}/${ORG_ACCOUNTS[0]}/` }))
      const done = finished(started.loadId)
      await expect.poll(() => pushes('s3Progress').at(-1)?.objectsDone ?? 0, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(4)
      const arrived = pushes('s3Progress').at(-1)!.objectsDone
      await service.cancelLoad()
      const last = await done
      await service.whenLoadDone()

      expect(last).toMatchObject({ done: true, cancelled: true })
      expect(last.objectsDone).toBeLessThan(last.objectsTotal)
      // Every object that arrived was read, completely, and only in-range events were kept.
      const read = (await service.fileReports()).filter((r) => r.kind === 'events')
      expect(read.length).toBeGreaterThanOrEqual(arrived)
      expect(read.length).toBeLessThan(eventIdsInRange(objects, FROM, TO, { accounts: [ORG_ACCOUNTS[0]] }).length / 2)
      const byFile = new Map(read.map((r) => [r.file.slice(`s3://${BUCKET}/`.length), r.events]))
      const want = objects
        .filter((o) => byFile.has(o.key))
        .flatMap((o) => o.events)
        .filter((e) => Date.parse(e.eventTime) >= FROM && Date.parse(e.eventTime) < TO)
        .map((e) => e.eventID)
        .sort()
      expect(storeIds(service)).toEqual(want)
      expect(last.events).toBe(want.length)
      // What arrived stays in the cache for the next open.
      expect(existsSync(path.join(cacheDir, BUCKET))).toBe(true)
    } finally {
      proxy.rules.getDelayMs = 0
      await service.dispose()
    }
  })
})

describe('S3 call arguments', () => {
  it('keeps only the known fields, and treats empty strings as not set', () => {
    const [req] = validateArgs('openS3Trail', [{ bucket: 'b-1', prefix: '', profile: '', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:9000', from: 1, to: 2, accounts: ['111111111111'], concurrency: 4, secret: 'x' }])
    expect(req).toEqual({ bucket: 'b-1', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:9000', from: 1, to: 2, accounts: ['111111111111'], concurrency: 4 })
    expect(validateArgs('s3Buckets', [{ profile: 'p' }])).toEqual([{ profile: 'p' }])
    expect(validateArgs('s3Discover', [{ bucket: 'b-1', prefix: 'AWSLogs/' }])).toEqual([{ bucket: 'b-1', prefix: 'AWSLogs/' }])
    expect(validateArgs('clearS3Cache', [])).toEqual([])
  })

  it('refuses what cannot be a bucket, region, endpoint, range or concurrency', () => {
    const ok = { bucket: 'b-1', from: 1, to: 2 }
    expect(() => validateArgs('openS3Trail', [{ ...ok, bucket: 'a/b' }])).toThrow('openS3Trail: request.bucket is not a bucket name: "a/b"')
    expect(() => validateArgs('openS3Trail', [{ ...ok, region: 'mars' }])).toThrow('request.region must be an AWS region such as us-east-1')
    expect(() => validateArgs('openS3Trail', [{ ...ok, endpointUrl: 'file:///etc/passwd' }])).toThrow('http:// or https://')
    expect(() => validateArgs('openS3Trail', [{ ...ok, to: 1 }])).toThrow('request.to must be after from (the date range is empty)')
    expect(() => validateArgs('openS3Trail', [{ ...ok, from: Number.NaN }])).toThrow('request.from must be a number, not NaN')
    expect(() => validateArgs('openS3Trail', [{ ...ok, concurrency: 0 }])).toThrow('request.concurrency must be at least 1, not 0')
    expect(() => validateArgs('openS3Trail', [{ ...ok, accounts: ['12'] }])).toThrow('request.accounts[0] is not an account ID (12 digits): "12"')
    expect(() => validateArgs('openS3Trail', [{ ...ok, profile: 'a\nb' }])).toThrow('request.profile contains a control character')
    expect(() => validateArgs('s3Buckets', [])).toThrow('expected 1 argument')
  })
})
