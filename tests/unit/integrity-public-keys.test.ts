// Public keys from a local server speaking CloudTrail's JSON protocol (application/x-amz-json-1.1,
// X-Amz-Target ...ListPublicKeys), through the real SDK: the requests are recorded and their
// target, signature and parameters asserted; never a mocked SDK. Plus the list-public-keys file
// format, read back after export.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureKeys, fetchPublicKeys, readKeyCache } from '../../main/integrity/fetch-public-keys'
import { KeySet, keyFileText, parseKeyFile } from '../../main/integrity/public-keys'
import { makeKeyPair } from './helpers/signed-trail'

interface Recorded {
  target: string
  contentType: string
  authorization: string
  body: Record<string, unknown>
}

const requests: Recorded[] = []
const keyA = makeKeyPair()
const keyB = makeKeyPair()
let server: http.Server
let endpoint: string
let dir: string
const saved = { ...process.env }

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-keys-'))
  // The test's own credentials, reached through a profile as a user would.
  writeFileSync(path.join(dir, 'credentials'), '[integrity-test]\naws_access_key_id = AKIDINTEGRITYTEST\naws_secret_access_key = test-secret\n')
  writeFileSync(path.join(dir, 'config'), '[profile integrity-test]\nregion = eu-west-1\n')
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials')
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config')
  delete process.env.AWS_ACCESS_KEY_ID
  delete process.env.AWS_SECRET_ACCESS_KEY
  delete process.env.AWS_SESSION_TOKEN
  delete process.env.AWS_PROFILE
  server = http.createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString()))
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>
      requests.push({ target: String(req.headers['x-amz-target']), contentType: String(req.headers['content-type']), authorization: String(req.headers.authorization), body })
      res.setHeader('content-type', 'application/x-amz-json-1.1')
      // Two pages: the SDK must follow NextToken.
      const key = body.NextToken ? keyB : keyA
      const page = { PublicKeyList: [{ Value: key.value, ValidityStartTime: 1704067200, ValidityEndTime: 1735689600, Fingerprint: key.fingerprint }], ...(body.NextToken ? {} : { NextToken: 'page-2' }) }
      res.end(JSON.stringify(page))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  process.env = saved
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('cloudtrail:ListPublicKeys', () => {
  it('asks for the range with the profile\'s credentials, follows pages and returns the keys', async () => {
    requests.length = 0
    const from = Date.parse('2024-03-05T10:00:00Z')
    const to = Date.parse('2024-03-05T13:00:00Z')
    const keys = await fetchPublicKeys({ region: 'ap-northeast-1', from, to }, { profile: 'integrity-test', endpointUrl: endpoint })
    expect(keys.map((k) => k.fingerprint)).toEqual([keyA.fingerprint, keyB.fingerprint])
    expect(keys[0]).toMatchObject({ value: keyA.value, validityStart: 1704067200000, validityEnd: 1735689600000 })
    expect(requests).toHaveLength(2)
    for (const r of requests) {
      // This SDK sends the short target; botocore (the AWS CLI) prefixes com.amazonaws.cloudtrail.v20131101.
      expect(r.target).toMatch(/^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.ListPublicKeys$/)
      expect(r.contentType).toBe('application/x-amz-json-1.1')
      expect(r.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDINTEGRITYTEST\/\d{8}\/ap-northeast-1\/cloudtrail\/aws4_request, /)
      expect(r.body).toMatchObject({ StartTime: from / 1000, EndTime: to / 1000 })
    }
    expect(requests[0].body.NextToken).toBeUndefined()
    expect(requests[1].body.NextToken).toBe('page-2')
    // The keys are usable RSA public keys.
    expect(new KeySet(keys).key(keyB.fingerprint)).toBeTruthy()
  })

  it('caches what it fetched, and does not call again for fingerprints it knows', async () => {
    requests.length = 0
    const cacheDir = path.join(dir, 'cache')
    const needed = new Map([['us-east-1', { fingerprints: new Set([keyA.fingerprint]), from: 0, to: 3_600_000 }]])
    const first = new KeySet()
    await ensureKeys(first, needed, cacheDir, { profile: 'integrity-test', endpointUrl: endpoint })
    expect(requests).toHaveLength(2)
    expect((await readKeyCache(cacheDir)).map((k) => k.fingerprint).sort()).toEqual([keyA.fingerprint, keyB.fingerprint].sort())
    const second = new KeySet()
    await ensureKeys(second, needed, cacheDir, { profile: 'integrity-test', endpointUrl: endpoint })
    expect(requests).toHaveLength(2)
    expect(second.key(keyA.fingerprint)).toBeTruthy()
  })

  it('names a server error instead of hanging or guessing', async () => {
    await expect(fetchPublicKeys({ region: 'us-east-1', from: 0, to: 1 }, { profile: 'no-such-profile', endpointUrl: endpoint })).rejects.toThrow()
  })
})

describe('list-public-keys files', () => {
  it('reads what it writes, in the AWS CLI format', () => {
    const text = keyFileText([{ fingerprint: keyA.fingerprint, value: keyA.value, validityStart: Date.parse('2024-01-01T00:00:00Z'), validityEnd: NaN }])
    expect(JSON.parse(text)).toEqual({ PublicKeyList: [{ Value: keyA.value, ValidityStartTime: '2024-01-01T00:00:00Z', Fingerprint: keyA.fingerprint }] })
    expect(parseKeyFile(text)[0]).toMatchObject({ fingerprint: keyA.fingerprint, value: keyA.value })
  })

  it('refuses a file that is not list-public-keys output, saying where', () => {
    expect(() => parseKeyFile('{"Keys":[]}')).toThrow(/list-public-keys.*PublicKeyList/)
    expect(() => parseKeyFile('nope')).toThrow(/not JSON/)
  })

  it('treats a Value that is not an RSA key as unusable, not as a crash', () => {
    const keys = new KeySet(parseKeyFile(JSON.stringify({ PublicKeyList: [{ Value: 'AAAA', Fingerprint: 'ab' }] })))
    expect(keys.key('AB')).toBeNull()
    expect(keys.key('cd')).toBeUndefined()
  })
})

describe('KeySet', () => {
  it('replaces a key given again under the same fingerprint, including the key object already made', () => {
    const keys = new KeySet([{ fingerprint: 'ab', value: keyA.value, validityStart: NaN, validityEnd: NaN }])
    const first = keys.key('ab')
    keys.add({ fingerprint: 'AB', value: keyB.value, validityStart: NaN, validityEnd: NaN })
    const second = keys.key('ab')
    expect(second?.export({ format: 'der', type: 'pkcs1' }).toString('base64')).toBe(keyB.value)
    expect(second).not.toBe(first)
  })
})
