// Download-to-cache throughput of openTrail against a local S3 server (s3rver, in a child process).
//   npx tsx scripts/bench-s3.ts [--objects 10000] [--events 100] [--concurrency 16[,64,...]]
// With --mode load (build first: node scripts/build.mjs --node-only), the app's whole path instead:
// AshiatoService.openS3Trail (download + parse into the EventStore, as the app opens a bucket)
// against AshiatoService.loadPaths on the same files on local disk, and their ratio (target <= 3x).
//   npx tsx scripts/bench-s3.ts --mode load [--objects 2000] [--events 100] [--concurrency 16]
// Seeds an organization trail (accounts x regions x days of gzipped {"Records":[...]} files with
// realistic ~1 KB events), then opens the whole range into a fresh cache and reports objects/s and
// MB/s, and the time to reopen it from the cache. Localhost has no network latency, so this
// measures our pipeline plus s3rver itself (a Koa server reading files: likely the bottleneck).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { openTrail } from '../main/s3/open-trail'
import { defaultClientFactory } from '../main/s3/s3-bucket'
import { seed, seedClient, startS3rver, trailKey } from '../tests/unit/s3-harness'
import { AshiatoService } from '../main/services/ashiato-service'
import type { S3OpenProgress } from '../common/ipc-contract'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const MODE = arg('mode', 'download')
if (MODE !== 'download' && MODE !== 'load') throw new Error(`--mode must be download or load, not ${MODE}`)
// Generating and seeding dominate a load run's wall time: it starts smaller.
const OBJECTS = Number(arg('objects', MODE === 'load' ? '2000' : '10000'))
const EVENTS = Number(arg('events', '100'))
const CONCURRENCIES = arg('concurrency', '16').split(',').map(Number)
const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555']
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1']
const DAYS = 5
const FROM = Date.parse('2024-03-10T00:00:00Z')
const TO = FROM + DAYS * 86_400_000
const BUCKET = 'bench-trail'
const ORG = 'o-bench12345a'

function event(at: number, account: string, region: string, i: number) {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'AssumedRole', principalId: `AROA${randomBytes(8).toString('hex').toUpperCase()}:session-${i % 50}`, arn: `arn:aws:sts::${account}:assumed-role/Role${i % 7}/session-${i % 50}`, accountId: account, accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}` },
    eventTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: ['s3.amazonaws.com', 'ec2.amazonaws.com', 'iam.amazonaws.com', 'sts.amazonaws.com'][i % 4],
    eventName: ['GetObject', 'DescribeInstances', 'ListRoles', 'AssumeRole', 'PutObject'][i % 5],
    awsRegion: region,
    sourceIPAddress: `10.${i % 256}.${(i >> 8) % 256}.${(i * 7) % 256}`,
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023 prompt/off command/s3.cp',
    requestParameters: { bucketName: `data-${i % 13}`, key: `prefix/${randomBytes(6).toString('hex')}/object.parquet` },
    responseElements: null,
    requestID: randomBytes(8).toString('hex').toUpperCase(),
    eventID: `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`,
    readOnly: i % 5 !== 4,
    eventType: 'AwsApiCall',
    managementEvent: i % 4 !== 0,
    recipientAccountId: account,
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${region}.amazonaws.com` },
  }
}

function makeObjects(): { key: string; body: Buffer }[] {
  const folders = ACCOUNTS.length * REGIONS.length * DAYS
  const perFolder = Math.ceil(OBJECTS / folders)
  const objects: { key: string; body: Buffer }[] = []
  for (let f = 0; objects.length < OBJECTS; f++) {
    const account = ACCOUNTS[f % ACCOUNTS.length]
    const region = REGIONS[Math.floor(f / ACCOUNTS.length) % REGIONS.length]
    const day = Math.floor(f / (ACCOUNTS.length * REGIONS.length)) % DAYS
    for (let n = 0; n < perFolder && objects.length < OBJECTS; n++) {
      const at = FROM + day * 86_400_000 + Math.floor(((n + 0.5) * 86_400_000) / perFolder)
      const records = Array.from({ length: EVENTS }, (_, i) => event(at - 60_000 - i * 100, account, region, objects.length * EVENTS + i))
      const body = gzipSync(JSON.stringify({ Records: records }))
      objects.push({ key: trailKey(`AWSLogs/${ORG}/${account}/`, 'CloudTrail', account, region, new Date(at), `${objects.length}`), body })
    }
  }
  return objects
}

/** The app's path: files from local disk vs. the same objects from the S3 server, into an EventStore. */
async function loadBench(objects: { key: string; body: Buffer }[], endpointUrl: string): Promise<void> {
  const concurrency = CONCURRENCIES[0]
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-bench-local-'))
  for (const o of objects) {
    mkdirSync(path.dirname(path.join(dir, o.key)), { recursive: true })
    writeFileSync(path.join(dir, o.key), o.body)
  }
  const mb = objects.reduce((n, o) => n + o.body.length, 0) / 1024 / 1024
  const local = async () => {
    const service = new AshiatoService()
    const s = performance.now()
    await service.loadPaths([dir])
    await service.whenLoadDone()
    const ms = performance.now() - s
    const events = service.store.size
    await service.dispose()
    return { ms, events }
  }
  const fromS3 = async (cacheDir: string) => {
    const service = new AshiatoService({ s3: { cacheDir } })
    let last: S3OpenProgress | undefined
    const s = performance.now()
    const done = new Promise<void>((resolve) => service.onPush((name, payload) => name === 's3Progress' && (last = payload as S3OpenProgress).done && resolve()))
    await service.openS3Trail({ bucket: BUCKET, from: FROM, to: TO, region: 'us-east-1', endpointUrl, concurrency })
    await done
    await service.whenLoadDone()
    const ms = performance.now() - s
    const events = service.store.size
    await service.dispose()
    return { ms, events, last: last! }
  }
  // One run of each first: the worker bundle, the SDK and the page cache warm up.
  await local()
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'ashiato-bench-s3-'))
  await fromS3(cacheDir)
  rmSync(cacheDir, { recursive: true, force: true })

  const a = await local()
  const coldDir = mkdtempSync(path.join(tmpdir(), 'ashiato-bench-s3-'))
  const cold = await fromS3(coldDir)
  const warm = await fromS3(coldDir)
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`load mode: ${objects.length} objects, ${mb.toFixed(1)} MB gzipped; S3 concurrency ${concurrency}`)
  console.log(`  local disk  AshiatoService.loadPaths       ${s(a.ms)}  ${a.events} events`)
  console.log(`  S3 (cold)   AshiatoService.openS3Trail     ${s(cold.ms)}  ${cold.events} events, ${cold.last.objectsDone} objects downloaded, ${cold.last.failed} failed`)
  console.log(`  S3 (cache)  AshiatoService.openS3Trail     ${s(warm.ms)}  ${warm.events} events, ${warm.last.fromCache} objects from the cache`)
  console.log(`  ratio S3 cold / local disk: ${(cold.ms / a.ms).toFixed(2)}x (target <= 3x); from the cache: ${(warm.ms / a.ms).toFixed(2)}x`)
  if (cold.events !== a.events || warm.events !== a.events) console.log(`  WARNING: event counts differ (${a.events} local, ${cold.events} / ${warm.events} from S3)`)
  rmSync(coldDir, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true })
}

async function main() {
  const t0 = performance.now()
  const objects = makeObjects()
  const bytes = objects.reduce((n, o) => n + o.body.length, 0)
  const t1 = performance.now()
  const server = await startS3rver([BUCKET])
  await seed(seedClient(server.url), BUCKET, objects, 64)
  const t2 = performance.now()
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  console.log(`generated ${OBJECTS} objects, ${OBJECTS * EVENTS} events, ${mb(bytes)} MB gzipped in ${((t1 - t0) / 1000).toFixed(1)} s; seeded s3rver in ${((t2 - t1) / 1000).toFixed(1)} s`)
  // Static keys for s3rver, through the SDK's own environment provider (no profile files needed).
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
  delete process.env.AWS_PROFILE
  try {
    if (MODE === 'load') return await loadBench(objects, server.url)
    for (const concurrency of CONCURRENCIES) {
      // The server's own ceiling: the same GETs with the bare SDK, bodies read into memory, no listing, no disk.
      const client = defaultClientFactory({ region: 'us-east-1', endpointUrl: server.url, maxSockets: concurrency })
      let next = 0
      const s = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < objects.length) {
            const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: objects[next++].key }))
            await res.Body!.transformToByteArray()
          }
        }),
      )
      const bareS = (performance.now() - s) / 1000
      client.destroy()
      console.log(`concurrency ${String(concurrency).padStart(3)}: bare SDK GetObject baseline ${(objects.length / bareS).toFixed(0)} objects/s, ${(bytes / 1024 / 1024 / bareS).toFixed(1)} MB/s`)

      const cacheDir = mkdtempSync(path.join(tmpdir(), 'ashiato-bench-s3-'))
      const run = () => openTrail({ bucket: BUCKET, from: FROM, to: TO, region: 'us-east-1', endpointUrl: server.url, concurrency }, { cacheDir, onObject: () => undefined, onError: (e) => console.error(e.file, e.reason) })
      const a = performance.now()
      const cold = await run()
      const coldS = (performance.now() - a) / 1000
      const b = performance.now()
      const warm = await run()
      const warmS = (performance.now() - b) / 1000
      console.log(
        `concurrency ${String(concurrency).padStart(3)}: downloaded ${cold.downloaded} objects (${mb(cold.bytesDownloaded)} MB) in ${coldS.toFixed(2)} s = ${(cold.downloaded / coldS).toFixed(0)} objects/s, ${(cold.bytesDownloaded / 1024 / 1024 / coldS).toFixed(1)} MB/s` +
          ` (${cold.failed} failed); reopened from cache: ${warm.fromCache} objects in ${warmS.toFixed(2)} s = ${(warm.fromCache / warmS).toFixed(0)} objects/s`,
      )
      rmSync(cacheDir, { recursive: true, force: true })
    }
  } finally {
    await server.stop()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
