// The app fetching public keys for the loaded digests: cloudtrail:ListPublicKeys per region of
// the digests, for their time range, from a local server speaking the CloudTrail JSON protocol
// (reached through AWS_ENDPOINT_URL_CLOUDTRAIL, as the SDK documents), and the keys cached.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AshiatoService } from '../../main/services/ashiato-service'
import { KEY_CACHE_FILE } from '../../main/integrity/fetch-public-keys'
import { buildSignedTrail, type SignedTrail } from './helpers/signed-trail'

let dir: string
let trail: SignedTrail
let server: http.Server
const seen: { target: string; authorization: string; body: Record<string, number> }[] = []
const saved = { ...process.env }

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-service-keys-'))
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1', 'eu-west-1'], hours: 2 })
  const key = JSON.parse(trail.keyJson) as { PublicKeyList: { Value: string; Fingerprint: string }[] }
  server = http.createServer((req, res) => {
    let text = ''
    req.on('data', (c: Buffer) => (text += c.toString()))
    req.on('end', () => {
      seen.push({ target: String(req.headers['x-amz-target']), authorization: String(req.headers.authorization), body: JSON.parse(text) as Record<string, number> })
      res.setHeader('content-type', 'application/x-amz-json-1.1')
      res.end(JSON.stringify({ PublicKeyList: key.PublicKeyList.map((k) => ({ Value: k.Value, Fingerprint: k.Fingerprint, ValidityStartTime: 1700000000, ValidityEndTime: 1800000000 })) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.AWS_ACCESS_KEY_ID = 'AKIDSERVICETEST'
  process.env.AWS_SECRET_ACCESS_KEY = 'secret'
  process.env.AWS_CONFIG_FILE = path.join(dir, 'none')
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'none')
  delete process.env.AWS_PROFILE
})

afterAll(async () => {
  process.env = saved
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('fetchPublicKeys in the app', () => {
  it('asks a digest region for its time range, then the signatures verify; keys are cached', async () => {
    const cacheDir = path.join(dir, 'cache')
    const service = new AshiatoService({ workers: 1, s3: { cacheDir } })
    await service.loadPaths([trail.root])
    await service.whenLoadDone()
    expect((await service.integrityReport()).summary.digestsValid).toBe(0)
    expect(await service.fetchPublicKeys({ profile: '' })).toEqual({ keys: 1 })
    // One call: this trail's regions share one key (real regions do not), and a region whose
    // fingerprints are all known after the first answer is not asked.
    expect(seen).toHaveLength(1)
    expect(['eu-west-1', 'us-east-1']).toContain(seen[0].authorization.match(/Credential=AKIDSERVICETEST\/\d{8}\/([a-z0-9-]+)\/cloudtrail\//)?.[1])
    for (const r of seen) {
      expect(r.target).toMatch(/CloudTrail_20131101\.ListPublicKeys$/)
      expect(r.body).toEqual({ StartTime: Date.parse('2024-03-05T10:00:00Z') / 1000, EndTime: Date.parse('2024-03-05T12:00:00Z') / 1000 })
    }
    const info = await service.integrityReport()
    expect(info.summary).toMatchObject({ digests: 4, digestsValid: 4, failed: false })
    expect(existsSync(path.join(cacheDir, KEY_CACHE_FILE))).toBe(true)

    // A new session finds the keys in the cache, without a call.
    const before = seen.length
    const again = new AshiatoService({ workers: 1, s3: { cacheDir } })
    await again.loadPaths([trail.root])
    await again.whenLoadDone()
    expect((await again.integrityReport()).summary.digestsValid).toBe(4)
    expect(seen.length).toBe(before)
  })
})
