// Issue #12 §3: an S3 range is a source like a dropped folder: listed as s3://bucket/prefix, and
// read again (from the download cache) when a new investigation is started without another source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { AshiatoService } from '../../main/services/ashiato-service'
import { validateArgs } from '../../main/services/validate-args'
import type { S3OpenRequest } from '../../common/ipc-contract'
import { BUCKET, buildSignedTrail, type SignedTrail } from './helpers/signed-trail'
import { seedClient, startS3rver, TEST_CONFIG, TEST_CREDENTIALS, useTemporaryAwsConfig, type S3rverProcess } from './s3-harness'
import { makeEvent, seededRandom } from '../support/cloudtrail-events'

let dir: string
let trail: SignedTrail
let s3rver: S3rverProcess
let aws: ReturnType<typeof useTemporaryAwsConfig>
let local: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-sources-s3-'))
  aws = useTemporaryAwsConfig(TEST_CONFIG, TEST_CREDENTIALS)
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1'] })
  s3rver = await startS3rver([BUCKET])
  const client = seedClient(s3rver.url)
  for (const rel of trail.logs) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: rel, Body: readFileSync(path.join(trail.root, rel)) }))
  const random = seededRandom(5)
  local = path.join(dir, 'local.json')
  writeFileSync(local, JSON.stringify({ Records: Array.from({ length: 12 }, (_, i) => makeEvent(random, { account: '999999999999', time: new Date(Date.UTC(2024, 2, 5, 3, i)) })) }))
}, 120_000)

afterAll(async () => {
  await s3rver?.stop()
  aws?.restore()
  rmSync(dir, { recursive: true, force: true })
})

describe('an S3 range as a source', () => {
  it('is listed, and opened again for a new investigation without the local file', async () => {
    const service = new AshiatoService({ workers: 1, s3: { cacheDir: mkdtempSync(path.join(dir, 'cache-')), tuning: { retryBaseMs: 5, attempts: 2, progressIntervalMs: 10 } } })
    try {
      const [request] = validateArgs('openS3Trail', [{ bucket: BUCKET, prefix: '', profile: 'ashiato-test', endpointUrl: s3rver.url, from: Date.parse('2024-03-05T00:00:00Z'), to: Date.parse('2024-03-06T00:00:00Z') }])
      await service.openS3Trail(request as S3OpenRequest)
      await service.whenLoadDone()
      await service.loadPaths([local])
      await service.whenLoadDone()
      const [s3, file] = await service.listSources()
      expect(s3).toMatchObject({ kind: 's3', label: `s3://${BUCKET}/`, reloadable: true, loading: false, files: trail.logs.length })
      expect(s3.events).toBeGreaterThan(0)
      expect(file).toMatchObject({ kind: 'paths', events: 12 })
      expect(service.store.size).toBe(s3.events + 12)

      await service.startWithout(file.sourceId)
      await service.whenLoadDone()
      const after = await service.listSources()
      expect(after).toHaveLength(1)
      expect(after[0]).toMatchObject({ kind: 's3', events: s3.events })
      expect(service.store.size).toBe(s3.events)
    } finally {
      await service.dispose()
    }
  })
})
