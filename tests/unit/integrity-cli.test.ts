// `ashiato validate` as a script runs it (the built CLI, a child process): on a local copy of a
// signed organisation trail, on the same trail in S3 (s3rver, digests carrying
// x-amz-meta-signature), and --export-keys against a local CloudTrail-protocol server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { runCli } from './helpers/run-cli'
import { BUCKET, buildSignedTrail, makeKeyPair, type SignedTrail } from './helpers/signed-trail'
import { seedClient, startS3rver, type S3rverProcess } from './s3-harness'

let dir: string
let trail: SignedTrail
let s3rver: S3rverProcess
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-validate-cli-'))
  trail = buildSignedTrail(path.join(dir, 'copy'), { accounts: ['111122223333'], regions: ['us-east-1', 'ap-northeast-1'] })
  writeFileSync(path.join(dir, 'empty'), '')
  // No real AWS configuration may leak in.
  env = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'empty'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'empty'), AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_PROFILE: '', ASHIATO_CACHE_DIR: path.join(dir, 'cache') }
  s3rver = await startS3rver([BUCKET])
  const client = seedClient(s3rver.url)
  for (const rel of [...trail.logs, ...trail.digests]) {
    const sigPath = path.join(trail.root, `${rel}.signature`)
    const isDigest = trail.digests.includes(rel)
    // CloudTrail puts every digest's signature in its metadata; the copy kept only the newest's.
    const signature = isDigest ? signatureOf(rel, sigPath) : undefined
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: rel, Body: readFileSync(path.join(trail.root, rel)), Metadata: signature ? { signature, 'signature-algorithm': 'SHA256withRSA' } : undefined }))
  }
}, 120_000)

afterAll(async () => {
  await s3rver?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** A digest's signature: the next digest's previousDigestSignature, or the kept file for the newest. */
function signatureOf(rel: string, sigPath: string): string {
  for (const other of trail.digests) {
    const d = JSON.parse(gunzipSync(readFileSync(path.join(trail.root, other))).toString()) as { previousDigestS3Object: string | null; previousDigestSignature: string }
    if (d.previousDigestS3Object === rel) return d.previousDigestSignature
  }
  return readFileSync(sigPath, 'utf8')
}

const validate = (...args: string[]) => runCli(['validate', ...args], { env })

describe('ashiato validate', () => {
  it('says everything is valid, one line per file and the summary, exit 0', () => {
    const { code, stdout, stderr } = validate('--public-keys', trail.keyFile, path.join(trail.root, 'AWSLogs'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('valid ')).length).toBe(6 + 12)
    expect(lines.at(-1)).toBe('Results for 2024-03-05T10:00:00Z to 2024-03-05T13:00:00Z: 6/6 digest files valid, 12/12 log files valid')
  })

  it('prints JSON Lines with the documented fields, and exits 1 on a modified log file', () => {
    const rel = trail.logs[2]
    const original = readFileSync(path.join(trail.root, rel))
    const text = gunzipSync(original)
    text[text.length - 3] = 0x20
    writeFileSync(path.join(trail.root, rel), gzipSync(text))
    try {
      const { code, stdout, stderr } = validate('--format', 'jsonl', '--public-keys', trail.keyFile, trail.root)
      expect(code).toBe(1)
      const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>)
      expect(Object.keys(rows[0])).toEqual(['kind', 'path', 'account', 'region', 'status', 'detail'])
      expect(rows.filter((r) => r.status !== 'valid')).toEqual([
        { kind: 'log', path: path.join(trail.root, rel), account: '111122223333', region: 'us-east-1', status: 'modified', detail: expect.stringMatching(/^SHA-256 [0-9a-f]{64} differs from [0-9a-f]{64} in /) },
      ])
      expect(stderr).toContain('1 log file modified')
    } finally {
      writeFileSync(path.join(trail.root, rel), original)
    }
  })

  it('without keys says which signatures were not verified and why, exit 0', () => {
    const { code, stdout } = validate(path.join(trail.root, 'AWSLogs'))
    expect(code).toBe(0)
    expect(stdout).toMatch(/^key-unknown +digest .*\(no public keys given \(fingerprint [0-9a-f]{32}\)\)$/m)
    expect(stdout.trim().split('\n').at(-1)).toContain('0/6 digest files valid, 12/12 log files valid, 6 digest files with an unknown public key')
  })

  it('exits 2 on usage errors', () => {
    expect(validate().code).toBe(2)
    expect(validate('--format', 'xml', trail.root).code).toBe(2)
    expect(validate('--export-keys', path.join(dir, 'k.json'), '--region', 'us-east-1').code).toBe(2)
    expect(validate('--public-keys', path.join(dir, 'empty'), trail.root)).toMatchObject({ code: 2, stderr: expect.stringContaining('not JSON') })
  })

  it('validates the trail in S3, keeping the newest digests\' x-amz-meta-signature beside the cached copies', () => {
    const { code, stdout, stderr } = validate('--endpoint-url', s3rver.url, '--region', 'us-east-1', '--from', '2024-03-05', '--to', '2024-03-06', '--public-keys', trail.keyFile, `s3://${BUCKET}/`)
    expect(stderr).toBe('')
    expect(stdout.trim().split('\n').at(-1)).toContain('6/6 digest files valid, 12/12 log files valid')
    expect(code).toBe(0)
    expect(stdout).toContain(`valid                 digest s3://${BUCKET}/${trail.digests[2]}`)
    const kept = path.join(dir, 'cache', BUCKET, `${trail.digests[2]}.signature`)
    expect(readFileSync(kept, 'utf8')).toBe(readFileSync(path.join(trail.root, `${trail.digests[2]}.signature`), 'utf8'))
    // A second run reads the cache, kept signatures included.
    expect(validate('--endpoint-url', s3rver.url, '--region', 'us-east-1', '--from', '2024-03-05', '--to', '2024-03-06', '--public-keys', trail.keyFile, `s3://${BUCKET}/`).stdout).toContain('6/6 digest files valid')
  })

  it('--export-keys saves what cloudtrail:ListPublicKeys returns, in the list-public-keys format', async () => {
    const key = makeKeyPair()
    const seen: { target: string; body: string }[] = []
    const server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push({ target: String(req.headers['x-amz-target']), body })
        res.setHeader('content-type', 'application/x-amz-json-1.1')
        res.end(JSON.stringify({ PublicKeyList: [{ Value: key.value, ValidityStartTime: 1709600000, ValidityEndTime: 1709700000, Fingerprint: key.fingerprint }] }))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const out = path.join(dir, 'exported.json')
      const { spawn } = await import('node:child_process')
      const { CLI } = await import('./helpers/run-cli')
      // Asynchronously: the server runs in this process.
      const child = spawn(process.execPath, [CLI, 'validate', '--export-keys', out, '--region', 'eu-west-1', '--from', '2024-03-05', '--to', '2024-03-06'], {
        env: { ...process.env, ...env, AWS_ENDPOINT_URL_CLOUDTRAIL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      })
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
      expect(stderr).toContain('saved 1 public key of eu-west-1')
      expect(code).toBe(0)
      expect(seen).toHaveLength(1)
      expect(seen[0].target).toMatch(/CloudTrail_20131101\.ListPublicKeys$/)
      expect(JSON.parse(seen[0].body)).toEqual({ StartTime: Date.parse('2024-03-05') / 1000, EndTime: Date.parse('2024-03-06') / 1000 })
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ PublicKeyList: [{ Value: key.value, ValidityStartTime: '2024-03-05T00:53:20Z', ValidityEndTime: '2024-03-06T04:40:00Z', Fingerprint: key.fingerprint }] })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
