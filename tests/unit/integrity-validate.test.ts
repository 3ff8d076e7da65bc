// Offline validation of a signed organisation trail built here (tests/unit/helpers/signed-trail.ts),
// damaged one way at a time; each damage must be reported exactly, and nothing else.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { loadAndValidate } from '../../main/integrity/validate-load'
import { KeySet, parseKeyFile } from '../../main/integrity/public-keys'
import { summaryLine } from '../../main/integrity/validate-trail'
import type { IntegrityEntry } from '../../main/integrity/integrity-types'
import { buildSignedTrail, keyFileJson, makeKeyPair, type SignedTrail } from './helpers/signed-trail'

let dir: string
let trail: SignedTrail

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ashiato-integrity-'))
  trail = buildSignedTrail(path.join(dir, 'copy'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function validate(keys = new KeySet(parseKeyFile(trail.keyJson))) {
  return loadAndValidate([{ path: path.join(trail.root, 'AWSLogs'), displayName: 'AWSLogs' }], keys, { workers: 1 })
}

const abs = (rel: string): string => path.join(trail.root, rel)
const shown = (rel: string): string => rel
const notValid = (entries: IntegrityEntry[]): IntegrityEntry[] => entries.filter((e) => e.status !== 'valid').sort((a, b) => (a.path < b.path ? -1 : 1))

describe('offline integrity validation', () => {
  it('finds every digest and log file of an untouched trail valid', async () => {
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([])
    // 2 accounts × 2 regions × 3 hours; 2 log files each hour.
    expect(report.summary).toMatchObject({ digests: 12, digestsValid: 12, logs: 24, logsValid: 24, failed: false })
    expect(summaryLine(report.summary)).toBe('12/12 digest files valid, 24/24 log files valid')
    const log = report.entries.find((e) => e.path === shown(trail.logs[0]))
    expect(log).toMatchObject({ kind: 'log', account: '111122223333', region: 'us-east-1', status: 'valid' })
  })

  it('reports a log file changed by one byte of its content as modified, and only it', async () => {
    const rel = trail.logs[5]
    const text = gunzipSync(readFileSync(abs(rel)))
    text[text.indexOf('203.0.113.7') + 10] = '8'.charCodeAt(0)
    writeFileSync(abs(rel), gzipSync(text))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ kind: 'log', path: shown(rel), status: 'modified' })])
    expect(report.summary.failed).toBe(true)
  })

  it('hashes the uncompressed content: recompressing the same bytes differently stays valid', async () => {
    const rel = trail.logs[3]
    writeFileSync(abs(rel), gzipSync(gunzipSync(readFileSync(abs(rel))), { level: 1 }))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([])
  })

  it('reports a deleted log file as missing, named by its S3 location', async () => {
    const rel = trail.logs[7]
    unlinkSync(abs(rel))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ kind: 'log', path: `s3://org-trail-bucket/${rel}`, status: 'missing' })])
  })

  it('reports an inserted log file in a digested hour as not in any digest', async () => {
    const rel = trail.logs[1].replace('_Ab01cd', '_Zz99zz')
    writeFileSync(abs(rel), readFileSync(abs(trail.logs[1])))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ kind: 'log', path: shown(rel), status: 'not-in-digest' })])
  })

  it('reports a log file in an hour no digest covers as not covered, which is not a failure', async () => {
    const rel = trail.logs[0].replace('T1010Z', 'T2330Z')
    writeFileSync(abs(rel), readFileSync(abs(trail.logs[0])))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ path: shown(rel), status: 'not-covered' })])
    expect(report.summary.failed).toBe(false)
  })

  it('reports a modified digest as invalid, and the next one as a chain break', async () => {
    const [first, second] = trail.digests
    const digest = JSON.parse(gunzipSync(readFileSync(abs(first))).toString()) as { newestEventTime: string }
    digest.newestEventTime = '2024-03-05T10:59:59Z'
    writeFileSync(abs(first), gzipSync(JSON.stringify(digest)))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([
      expect.objectContaining({ kind: 'digest', path: shown(first), status: 'invalid-signature' }),
      expect.objectContaining({ kind: 'digest', path: shown(second), status: 'chain-break' }),
    ])
  })

  it('names the size limit when a digest is over it, instead of "could not be read"', async () => {
    // Every digest of the built trail is over 1 KiB of JSON.
    const limit = 1024
    for (const rel of trail.digests) expect(gunzipSync(readFileSync(abs(rel))).length).toBeGreaterThan(limit)
    const { report } = await loadAndValidate([{ path: path.join(trail.root, 'AWSLogs'), displayName: 'AWSLogs' }], new KeySet(parseKeyFile(trail.keyJson)), { workers: 1, maxDigestBytes: limit })
    const digests = report.entries.filter((e) => e.kind === 'digest')
    expect(digests).toHaveLength(trail.digests.length)
    for (const entry of digests) expect(entry.detail).toContain('larger than the 1 KiB limit for a digest file (MAX_DIGEST_TEXT_BYTES)')
  })

  it('reports a deleted digest as missing, the next as a chain break, and its log files as not covered', async () => {
    const [first, second, third] = trail.digests
    unlinkSync(abs(second))
    const { report } = await validate()
    const bad = notValid(report.entries)
    expect(bad.filter((e) => e.kind === 'digest')).toEqual([
      // Its signature was carried by the deleted one.
      expect.objectContaining({ path: shown(first), status: 'signature-unavailable' }),
      expect.objectContaining({ path: shown(third), status: 'chain-break', detail: expect.stringContaining('is missing') }),
      expect.objectContaining({ path: `s3://org-trail-bucket/${second}`, status: 'missing' }),
    ])
    // The two log files of the lost hour can no longer be checked.
    expect(bad.filter((e) => e.kind === 'log').map((e) => e.status)).toEqual(['not-covered', 'not-covered'])
    expect(bad.filter((e) => e.kind === 'log').map((e) => e.path)).toEqual([trail.logs[2], trail.logs[3]])
  })

  it('reports signatures checked against the wrong key as invalid', async () => {
    const other = makeKeyPair()
    const wrong = new KeySet(parseKeyFile(keyFileJson([{ value: other.value, fingerprint: trail.fingerprint }])))
    const { report } = await validate(wrong)
    const digests = report.entries.filter((e) => e.kind === 'digest')
    expect(digests.map((e) => e.status)).toEqual(Array(12).fill('invalid-signature'))
    expect(report.entries.filter((e) => e.kind === 'log').every((e) => e.status === 'valid')).toBe(true)
  })

  it('says which signatures could not be checked without keys, and still checks hashes', async () => {
    const { report } = await validate(new KeySet())
    expect(new Set(report.entries.filter((e) => e.kind === 'digest').map((e) => e.status))).toEqual(new Set(['key-unknown']))
    expect(report.summary.failed).toBe(false)
    expect(report.summary.logsValid).toBe(24)
  })

  it('reports the newest digest without its kept signature as signature unavailable', async () => {
    const newest = trail.digests[2]
    unlinkSync(abs(`${newest}.signature`))
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ kind: 'digest', path: shown(newest), status: 'signature-unavailable' })])
  })

  it('reports a kept signature that was altered as invalid', async () => {
    const newest = trail.digests[2]
    const sig = readFileSync(abs(`${newest}.signature`), 'utf8')
    writeFileSync(abs(`${newest}.signature`), (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1))
    appendFileSync(abs(`${newest}.signature`), '\n')
    const { report } = await validate()
    expect(notValid(report.entries)).toEqual([expect.objectContaining({ path: shown(newest), status: 'invalid-signature' })])
  })

  it('reports a digest moved away from where it says it was delivered', async () => {
    const rel = trail.digests[4]
    const moved = rel.replace('/2024/03/05/', '/2024/03/06/')
    mkdirSync(path.dirname(abs(moved)), { recursive: true })
    writeFileSync(abs(moved), readFileSync(abs(rel)))
    unlinkSync(abs(rel))
    const { report } = await validate()
    const entry = report.entries.find((e) => e.path === moved)
    expect(entry).toMatchObject({ status: 'invalid-signature', detail: expect.stringContaining('moved') })
  })
})
