// openTrail's harder paths against a real S3 endpoint (s3rver behind a logging proxy): a day
// folder larger than one 1000-key page, bounded concurrency, cancelling on a slow server, a bucket
// in another region, an expired SSO session, and the cache's size limit and clearing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openTrail, S3OpenError, type OpenTrailDeps, type S3Progress, type S3TrailRequest } from '../../main/s3/open-trail'
import { clearCache } from '../../main/s3/s3-cache'
import type { InputPath } from '../../main/services/service-types'
import {
  seed, seedClient, startProxy, startS3rver, TEST_CONFIG, TEST_CREDENTIALS, trailFile, trailKey, useTemporaryAwsConfig, writeSsoToken,
  type LoggingProxy, type S3rverProcess,
} from './s3-harness'

const DAY = '2024-03-11'
const FROM = Date.parse(`${DAY}T00:00:00Z`)
const TO = Date.parse('2024-03-12T00:00:00Z')
const BASE = 'AWSLogs/111111111111/'

/** n files delivered through the day in one day folder, one event each. */
function dayOfFiles(n: number, region = 'us-east-1'): { key: string; body: Buffer }[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(FROM + 60_000 + Math.floor((i * (86_400_000 - 120_000)) / n))
    const body = trailFile([{ eventID: `e${i}`, eventTime: new Date(at.getTime() - 60_000).toISOString() }])
    return { key: trailKey(BASE, 'CloudTrail', '111111111111', region, at, `f${String(i).padStart(5, '0')}`), body }
  })
}
const BIG = dayOfFiles(1050)
const SLOW = dayOfFiles(40)
const EU = dayOfFiles(3, 'eu-west-1')

let s3rver: S3rverProcess
let proxy: LoggingProxy
let aws: ReturnType<typeof useTemporaryAwsConfig>
const tuning = { retryBaseMs: 5, progressIntervalMs: 10 }

beforeAll(async () => {
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
  s3rver = await startS3rver(['big-trail', 'slow-trail', 'eu-trail'])
  const client = seedClient(s3rver.url)
  await seed(client, 'big-trail', BIG)
  await seed(client, 'slow-trail', SLOW)
  await seed(client, 'eu-trail', EU)
  proxy = await startProxy(s3rver.port)
})
afterAll(async () => {
  await proxy?.close()
  await s3rver?.stop()
  aws?.restore()
})

const newCache = () => mkdtempSync(path.join(tmpdir(), 'ashiato-s3cache-'))
async function open(req: Partial<S3TrailRequest> & { bucket: string }, deps: Partial<OpenTrailDeps> & { cacheDir: string }, onEach?: (inputs: InputPath[]) => void) {
  const inputs: InputPath[] = []
  const errors: { file: string; reason: string }[] = []
  const progress: S3Progress[] = []
  const summary = await openTrail(
    { from: FROM, to: TO, profile: 'ashiato-test', endpointUrl: proxy.url, ...req },
    { onObject: (i) => (inputs.push(i), onEach?.(inputs)), onError: (e) => errors.push(e), onProgress: (p) => progress.push(p), tuning, ...deps },
  )
  return { inputs, errors, progress, summary }
}
const partials = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.partial-'))

describe('openTrail at scale and under stress', () => {
  const bigCache = newCache()

  it('follows pagination past 1000 keys with bounded concurrency', async () => {
    proxy.requests.length = 0
    proxy.maxGetsInFlight = 0
    const { inputs, summary, errors } = await open({ bucket: 'big-trail', concurrency: 8 }, { cacheDir: bigCache })
    const dayPrefix = `${BASE}CloudTrail/us-east-1/2024/03/11/`
    const pages = proxy.lists().filter((l) => l.query.get('prefix') === dayPrefix)
    expect(pages).toHaveLength(2)
    expect(pages[1].query.has('continuation-token')).toBe(true)
    expect(errors).toEqual([])
    expect(inputs).toHaveLength(1050)
    expect(new Set(proxy.gets()).size).toBe(1050)
    expect(summary).toMatchObject({ objects: 1050, downloaded: 1050 })
    expect(proxy.maxGetsInFlight).toBe(8)
  })

  it('cancel stops at once on a slow server and keeps what arrived', async () => {
    const dir = newCache()
    proxy.requests.length = 0
    proxy.rules.getDelayMs = 300
    const controller = new AbortController()
    const got = await open({ bucket: 'slow-trail', concurrency: 2 }, { cacheDir: dir, signal: controller.signal }, (inputs) => inputs.length === 3 && controller.abort())
    proxy.rules.getDelayMs = 0
    expect(got.summary.cancelled).toBe(true)
    // Nothing is handed over after the abort (a download finishing at that instant stays in the cache).
    expect(got.summary.objects).toBe(3)
    expect(got.inputs).toHaveLength(3)
    expect(got.summary.elapsedMs).toBeLessThan(3_000) // 40 objects at 300 ms, 2 at a time, would take 6 s
    expect(got.errors).toEqual([])
    expect(got.progress.at(-1)).toMatchObject({ done: true, cancelled: true, objectsDone: got.summary.downloaded })
    expect(partials(dir)).toEqual([])
    for (const input of got.inputs) expect(readFileSync(input.path).equals(SLOW.find((o) => `s3://slow-trail/${o.key}` === input.displayName)!.body)).toBe(true)

    // Reopening fetches only the rest: what arrived is in the cache.
    proxy.requests.length = 0
    const rest = await open({ bucket: 'slow-trail' }, { cacheDir: dir })
    const kept = got.inputs.map((i) => i.displayName!.slice('s3://slow-trail/'.length))
    expect(proxy.gets()).toHaveLength(40 - got.summary.downloaded)
    expect(proxy.gets().some((k) => kept.includes(k))).toBe(false)
    expect(rest.summary).toMatchObject({ objects: 40, fromCache: got.summary.downloaded, downloaded: 40 - got.summary.downloaded })
  })

  it('follows a bucket to its region, from the redirect or from GetBucketLocation', async () => {
    proxy.rules.bucketRegion.set('eu-trail', 'eu-west-1')
    for (const withoutRegion of [false, true]) {
      proxy.rules.redirectWithoutRegion = withoutRegion
      proxy.requests.length = 0
      const { inputs, summary, errors } = await open({ bucket: 'eu-trail', region: 'us-east-1' }, { cacheDir: newCache() })
      expect(errors).toEqual([])
      expect(summary.region).toBe('eu-west-1')
      expect(inputs).toHaveLength(3)
      const [first, ...later] = proxy.requests.filter((r) => !r.query.has('location'))
      expect(first).toMatchObject({ signedRegion: 'us-east-1', status: 301 })
      expect(later.every((r) => r.signedRegion === 'eu-west-1' && r.status === 200)).toBe(true)
      expect(proxy.requests.some((r) => r.query.has('location'))).toBe(withoutRegion)
    }
    // Without --region, the profile's region is where it starts: no redirect at all.
    proxy.requests.length = 0
    const { summary } = await open({ bucket: 'eu-trail', profile: 'eu-reader' }, { cacheDir: newCache() })
    expect(summary).toMatchObject({ region: 'eu-west-1', objects: 3 })
    expect(proxy.requests.every((r) => r.signedRegion === 'eu-west-1' && r.status === 200)).toBe(true)
  })

  it('says how to renew an expired SSO session, and uses the cache meanwhile', async () => {
    writeSsoToken(aws.home, 'https://example.awsapps.com/start', new Date(Date.now() - 3_600_000))
    const err = await open({ bucket: 'big-trail', profile: 'expired-sso' }, { cacheDir: newCache() }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(S3OpenError)
    expect((err as S3OpenError).kind).toBe('sso-expired')
    expect((err as S3OpenError).message).toMatch(/SSO session of the profile "expired-sso" has expired.*run `aws sso login --profile expired-sso`/)

    const cached = await open({ bucket: 'big-trail', profile: 'expired-sso' }, { cacheDir: bigCache })
    expect(cached.summary.offline).toBe(true)
    expect(cached.summary.notice).toMatch(/aws sso login --profile expired-sso.*already in the cache/)
    expect(cached.inputs).toHaveLength(1050)
  })

  it('keeps the cache under its size limit, evicting objects not in use, and clears it', async () => {
    const { summary, inputs } = await open({ bucket: 'eu-trail', region: 'eu-west-1' }, { cacheDir: bigCache, tuning: { ...tuning, cacheMaxBytes: 1 } })
    // The 1050 big-trail objects go; the three just handed to the loader stay, whatever the limit.
    expect(summary.evicted.objects).toBe(1050)
    expect(existsSync(path.join(bigCache, 'big-trail', BIG[0].key))).toBe(false)
    for (const i of inputs) expect(existsSync(i.path)).toBe(true)

    const cleared = await clearCache(bigCache)
    expect(cleared.objects).toBe(3)
    expect(readdirSync(bigCache)).toEqual([])
    const notACache = newCache()
    writeFileSync(path.join(notACache, 'precious.txt'), 'keep me')
    await expect(clearCache(notACache)).rejects.toThrow(/not an Ashiato S3 cache folder/)
    expect(existsSync(path.join(notACache, 'precious.txt'))).toBe(true)
  })
})
