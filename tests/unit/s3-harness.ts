// A real S3-shaped endpoint for the S3 tests: s3rver in a child process (its continuation tokens
// use DES, which Node 20's OpenSSL only offers with --openssl-legacy-provider), fronted by a small
// HTTP proxy that logs every request and can answer like S3 does when IAM, KMS, throttling, a
// dropped connection, another region or a slow network gets in the way. Nothing in the SDK is mocked.

import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import http from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

const REPO = fileURLToPath(new URL('../..', import.meta.url))

// s3rver 3.7.1 prunes its directory walk at folders past the next delimiter before reaching their
// objects, so a delimiter listing misses every common prefix whose objects lie deeper than one
// level (all of CloudTrail's). The child adds those folders back; the rest is s3rver unchanged.
const CHILD = `
const fs = require('fs')
const path = require('path')
const S3rver = require('s3rver')
const FilesystemStore = require('s3rver/lib/stores/filesystem')
const listObjects = FilesystemStore.prototype.listObjects
const hasObject = (dir) => fs.readdirSync(dir, { withFileTypes: true }).some((d) => (d.isDirectory() ? hasObject(path.join(dir, d.name)) : d.name.endsWith('._S3rver_object')))
FilesystemStore.prototype.listObjects = async function (bucket, options) {
  const result = await listObjects.call(this, bucket, options)
  if (options.delimiter !== '/') return result
  const prefix = options.prefix || ''
  const parent = prefix.slice(0, prefix.lastIndexOf('/') + 1)
  const start = prefix.slice(parent.length)
  const dir = path.join(this.getBucketPath(bucket), parent)
  const found = new Set(result.commonPrefixes)
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []
  for (const d of entries) if (d.isDirectory() && d.name.startsWith(start) && hasObject(path.join(dir, d.name))) found.add(parent + d.name + '/')
  result.commonPrefixes = [...found].filter((p) => !options.startAfter || p > options.startAfter).sort()
  return result
}
const [dir, buckets] = process.argv.slice(1)
new S3rver({ address: '127.0.0.1', port: 0, directory: dir, silent: true, configureBuckets: buckets.split(',').map((name) => ({ name })) })
  .run().then((a) => console.log(JSON.stringify(a)), (e) => { console.error(e); process.exit(1) })
`

export interface S3rverProcess {
  port: number
  url: string
  stop(): Promise<void>
}

export async function startS3rver(buckets: string[]): Promise<S3rverProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-s3rver-'))
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, dir, buckets.join(',')], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve((JSON.parse(d.toString()) as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}): ${err}`)))
  })
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill()))),
  }
}

/** A client straight to s3rver, for seeding (s3rver's fixed key pair). */
export function seedClient(s3rverUrl: string): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: s3rverUrl, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
}

export async function seed(client: S3Client, bucket: string, objects: { key: string; body: Buffer }[], concurrency = 32): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < objects.length) {
      const o = objects[next++]
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: o.key, Body: o.body }))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export interface LoggedRequest {
  method: string
  bucket: string
  key: string
  query: URLSearchParams
  signedRegion?: string
  status?: number
}

export interface ProxyRules {
  /** GetObject answered 403 AccessDenied. */
  denyGet: Set<string>
  /** GetObject answered 403 with S3's KMS wording (no kms:Decrypt on the object's key). */
  kmsDeny: Set<string>
  /** ListObjectsV2 with this exact prefix answered 403 AccessDenied. */
  denyListPrefix: Set<string>
  /** GetObject answered 503 SlowDown this many more times. */
  throttle: Map<string, number>
  /** GetObject cut off after half the body, once. */
  truncateOnce: Set<string>
  /** Delay before each GetObject is forwarded. */
  getDelayMs: number
  /** Requests for the bucket signed for any other region get 301 PermanentRedirect (GetBucketLocation excepted, as in S3). */
  bucketRegion: Map<string, string>
  /** Leave the region out of those redirects (no x-amz-bucket-region, no Endpoint). */
  redirectWithoutRegion: boolean
}

export interface LoggingProxy {
  url: string
  requests: LoggedRequest[]
  rules: ProxyRules
  gets(): string[]
  lists(): LoggedRequest[]
  /** The most GetObject requests that were open at once. */
  maxGetsInFlight: number
  close(): Promise<void>
}

const xmlError = (code: string, message: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>TEST</RequestId></Error>`

export async function startProxy(targetPort: number): Promise<LoggingProxy> {
  const rules: ProxyRules = { denyGet: new Set(), kmsDeny: new Set(), denyListPrefix: new Set(), throttle: new Map(), truncateOnce: new Set(), getDelayMs: 0, bucketRegion: new Map(), redirectWithoutRegion: false }
  const requests: LoggedRequest[] = []
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  let getsInFlight = 0
  const counters = { maxGetsInFlight: 0 }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy')
    const [, bucket = '', ...rest] = url.pathname.split('/')
    const key = rest.map(decodeURIComponent).join('/')
    const signedRegion = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1]
    const entry: LoggedRequest = { method: req.method ?? '', bucket, key, query: url.searchParams, signedRegion }
    requests.push(entry)
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      entry.status = status
      res.writeHead(status, { 'content-type': 'application/xml', ...headers })
      res.end(body)
    }
    const isGet = req.method === 'GET' && key !== ''
    if (isGet) {
      counters.maxGetsInFlight = Math.max(counters.maxGetsInFlight, ++getsInFlight)
      res.once('close', () => getsInFlight--)
    }
    const wanted = rules.bucketRegion.get(bucket)
    if (wanted && url.searchParams.has('location')) {
      return reply(200, `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${wanted}</LocationConstraint>`)
    }
    if (wanted && signedRegion !== wanted) {
      const message = 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.'
      if (rules.redirectWithoutRegion) return reply(301, xmlError('PermanentRedirect', message, `<Bucket>${bucket}</Bucket>`))
      return reply(301, xmlError('PermanentRedirect', message, `<Bucket>${bucket}</Bucket><Endpoint>${bucket}.s3.${wanted}.amazonaws.com</Endpoint>`), { 'x-amz-bucket-region': wanted })
    }
    if (!isGet && rules.denyListPrefix.has(url.searchParams.get('prefix') ?? '')) return reply(403, xmlError('AccessDenied', 'Access Denied'))
    if (isGet && rules.denyGet.has(key)) return reply(403, xmlError('AccessDenied', 'Access Denied'))
    if (isGet && rules.kmsDeny.has(key)) {
      return reply(403, xmlError('AccessDenied', 'User: arn:aws:iam::111111111111:user/reader is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111111111111:key/1234abcd because no identity-based policy allows the kms:Decrypt action'))
    }
    const throttles = rules.throttle.get(key) ?? 0
    if (isGet && throttles > 0) {
      rules.throttle.set(key, throttles - 1)
      return reply(503, xmlError('SlowDown', 'Please reduce your request rate.'))
    }
    const truncate = isGet && rules.truncateOnce.delete(key)
    const forward = () => {
      if (res.destroyed) return
      const up = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent }, (upRes) => {
        entry.status = upRes.statusCode
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        if (!truncate) return upRes.pipe(res)
        const chunks: Buffer[] = []
        upRes.on('data', (c: Buffer) => chunks.push(c))
        upRes.on('end', () => {
          const body = Buffer.concat(chunks)
          res.write(body.subarray(0, body.length >> 1), () => res.destroy())
        })
      })
      up.on('error', () => res.destroy())
      req.pipe(up)
    }
    if (isGet && rules.getDelayMs > 0) setTimeout(forward, rules.getDelayMs)
    else forward()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rules,
    get maxGetsInFlight() {
      return counters.maxGetsInFlight
    },
    set maxGetsInFlight(n: number) {
      counters.maxGetsInFlight = n
    },
    gets: () => requests.filter((r) => r.method === 'GET' && r.key !== '').map((r) => r.key),
    lists: () => requests.filter((r) => r.method === 'GET' && r.key === '' && r.query.get('list-type') === '2'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
        agent.destroy()
      }),
  }
}

/**
 * Credentials for the test process only: temporary shared config/credentials files, a temporary
 * HOME (for the SSO token cache), and no AWS_* variables from the machine.
 */
export function useTemporaryAwsConfig(config: string, credentials: string): { home: string; restore(): void } {
  const saved = { ...process.env }
  const home = mkdtempSync(path.join(tmpdir(), 'ashiato-aws-home-'))
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k]
  mkdirSync(path.join(home, '.aws'), { recursive: true })
  writeFileSync(path.join(home, '.aws', 'config'), config)
  writeFileSync(path.join(home, '.aws', 'credentials'), credentials)
  process.env.HOME = home
  process.env.AWS_CONFIG_FILE = path.join(home, '.aws', 'config')
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, '.aws', 'credentials')
  process.env.AWS_EC2_METADATA_DISABLED = 'true'
  return {
    home,
    restore() {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
      Object.assign(process.env, saved)
    },
  }
}

/** Writes the legacy-format SSO token cache entry for a start URL, as `aws sso login` does. */
export function writeSsoToken(home: string, startUrl: string, expiresAt: Date): void {
  const dir = path.join(home, '.aws', 'sso', 'cache')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, createHash('sha1').update(startUrl).digest('hex') + '.json')
  writeFileSync(file, JSON.stringify({ startUrl, region: 'us-east-1', accessToken: 'expired-token', expiresAt: expiresAt.toISOString() }))
}

export const TEST_CONFIG = `[profile ashiato-test]
region = us-east-1

[profile eu-reader]
region = eu-west-1

[profile expired-sso]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111111111111
sso_role_name = ReadOnly
region = eu-west-1
`
export const TEST_CREDENTIALS = `[ashiato-test]
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER

[eu-reader]
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
`

export interface FixtureEvent {
  eventID: string
  eventTime: string
}

/** A CloudTrail log file body: gzipped {"Records":[...]}. */
export function trailFile(events: FixtureEvent[]): Buffer {
  const records = events.map((e) => ({ eventVersion: '1.09', eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: 'us-east-1', ...e }))
  return gzipSync(JSON.stringify({ Records: records }))
}

/** The key CloudTrail writes a file under, delivered at `at`. */
export function trailKey(base: string, kind: string, account: string, region: string, at: Date, tag: string): string {
  const iso = at.toISOString()
  const day = iso.slice(0, 10).replaceAll('-', '/')
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`
  return `${base}${kind}/${region}/${day}/${account}_${kind}_${region}_${stamp}_${tag}.json.gz`
}
