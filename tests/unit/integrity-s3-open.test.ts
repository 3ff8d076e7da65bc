// The app opening a signed trail from S3 (s3rver) with "Download digest files": the digests of
// the range come down with the logs, the newest one's signature comes from its object's
// x-amz-meta-signature (the bucket holds no .signature object), and the Integrity panel's report
// says everything is valid once the test key is given. Without the option nothing changes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { AshiatoService } from '../../main/services/ashiato-service'
import { validateArgs } from '../../main/services/validate-args'
import type { S3OpenRequest } from '../../common/ipc-contract'
import { BUCKET, buildSignedTrail, type SignedTrail } from './helpers/signed-trail'
import { seedClient, startS3rver, TEST_CONFIG, TEST_CREDENTIALS, useTemporaryAwsConfig, type S3rverProcess } from './s3-harness'

let dir: string
let trail: SignedTrail
let s3rver: S3rverProcess
let aws: ReturnType<typeof useTemporaryAwsConfig>
const FROM = Date.parse('2024-03-05T00:00:00Z')
const TO = Date.parse('2024-03-06T00:00:00Z')

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-integrity-s3-'))
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1'] })
  s3rver = await startS3rver([BUCKET])
  const client = seedClient(s3rver.url)
  for (const rel of [...trail.logs, ...trail.digests]) {
    const signature = trail.digests.includes(rel) ? signatureOf(rel) : undefined
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: rel, Body: readFileSync(path.join(trail.root, rel)), Metadata: signature ? { signature, 'signature-algorithm': 'SHA256withRSA' } : undefined }))
  }
}, 120_000)

afterAll(async () => {
  await s3rver?.stop()
  aws?.restore()
  rmSync(dir, { recursive: true, force: true })
})

/** As CloudTrail does: every digest's signature in its metadata (the next digest's previousDigestSignature, or the kept one for the newest). */
function signatureOf(rel: string): string {
  for (const other of trail.digests) {
    const d = JSON.parse(gunzipSync(readFileSync(path.join(trail.root, other))).toString()) as { previousDigestS3Object: string | null; previousDigestSignature: string }
    if (d.previousDigestS3Object === rel) return d.previousDigestSignature
  }
  return readFileSync(path.join(trail.root, `${rel}.signature`), 'utf8')
}

async function open(extra: Partial<S3OpenRequest>) {
  const cacheDir = mkdtempSync(path.join(dir, 'cache-'))
  const service = new AshiatoService({ workers: 1, s3: { cacheDir, tuning: { retryBaseMs: 5, attempts: 2, progressIntervalMs: 10 } } })
  // Through the contract's validation, as the dialog's call arrives.
  const [request] = validateArgs('openS3Trail', [{ bucket: BUCKET, prefix: '', profile: 'ashiato-test', endpointUrl: s3rver.url, from: FROM, to: TO, ...extra }])
  await service.openS3Trail(request as S3OpenRequest)
  await service.whenLoadDone()
  return { service, cacheDir }
}

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))

describe('opening an S3 trail with its digests', () => {
  it('validates the digests and log files of the range, the newest signature from object metadata', async () => {
    const { service, cacheDir } = await open({ includeDigests: true })
    expect((await service.setView({ query: '' })).matched).toBeGreaterThan(0)
    let info = await service.integrityReport()
    expect(info.digests).toBe(3)
    expect(info.entries.filter((e) => e.kind === 'digest').map((e) => e.status)).toEqual(['key-unknown', 'key-unknown', 'key-unknown'])
    expect(await service.addPublicKeys(trail.keyJson)).toEqual({ keys: 1 })
    info = await service.integrityReport()
    expect(info.entries.filter((e) => e.status !== 'valid')).toEqual([])
    expect(info.summary.line).toBe('3/3 digest files valid, 6/6 log files valid')
    const newest = trail.digests[2]
    expect(info.entries.find((e) => e.path === `s3://${BUCKET}/${newest}`)?.status).toBe('valid')
    // That signature exists only as x-amz-meta-signature: it was kept beside the cached copy.
    expect(readFileSync(path.join(cacheDir, BUCKET, `${newest}.signature`), 'utf8')).toBe(signatureOf(newest))
    await service.clearAll()
  })

  it('reads the kept signature back from the cache on a second open', async () => {
    const first = await open({ includeDigests: true })
    await first.service.clearAll()
    const service = new AshiatoService({ workers: 1, s3: { cacheDir: first.cacheDir, tuning: { retryBaseMs: 5, attempts: 2, progressIntervalMs: 10 } } })
    await service.openS3Trail({ bucket: BUCKET, profile: 'ashiato-test', endpointUrl: s3rver.url, from: FROM, to: TO, includeDigests: true })
    await service.whenLoadDone()
    await service.addPublicKeys(trail.keyJson)
    expect((await service.integrityReport()).summary.line).toBe('3/3 digest files valid, 6/6 log files valid')
    await service.clearAll()
  })

  it('does not download digests without the option', async () => {
    for (const extra of [{}, { includeDigests: false }]) {
      const { service, cacheDir } = await open(extra)
      expect((await service.setView({ query: '' })).matched).toBeGreaterThan(0)
      expect((await service.integrityReport()).digests).toBe(0)
      const cached = filesUnder(cacheDir)
      expect(cached.some((f) => f.includes('CloudTrail-Digest'))).toBe(false)
      expect(cached.some((f) => f.includes(`${path.sep}CloudTrail${path.sep}`))).toBe(true)
      expect(existsSync(path.join(cacheDir, BUCKET, `${trail.digests[2]}.signature`))).toBe(false)
      await service.clearAll()
    }
  })

  it('refuses an includeDigests that is not a boolean', () => {
    expect(() => validateArgs('openS3Trail', [{ bucket: BUCKET, from: FROM, to: TO, includeDigests: 'yes' }])).toThrow(/request.includeDigests must be true or false/)
  })
})
