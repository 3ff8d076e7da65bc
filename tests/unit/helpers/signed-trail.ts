// Builds a small CloudTrail organisation trail on disk with digests signed by a key pair made
// here, laid out exactly as CloudTrail delivers it:
//   AWSLogs/o-ORG/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHMMZ_ID.json.gz
//   AWSLogs/o-ORG/ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOME_YYYYMMDDTHHMMSSZ.json.gz
// plus the newest digest's x-amz-meta-signature beside it as NAME.signature, and the public key
// in the JSON `aws cloudtrail list-public-keys` prints. Tests then damage it one way at a time.

import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export const ORG = 'o-abcde12345'
export const BUCKET = 'org-trail-bucket'
export const TRAIL = 'org-trail'
export const HOME = 'us-east-1'

export interface SignedTrailOptions {
  accounts?: string[]
  regions?: string[]
  /** First digest period start (a whole hour), and how many hourly digests per account and region. */
  start?: string
  hours?: number
  /** Log files per hour per account and region. */
  filesPerHour?: number
}

export interface SignedTrail {
  /** The folder that holds AWSLogs/. */
  root: string
  /** Relative paths (from root, / separated) of log files and digests, oldest first per chain. */
  logs: string[]
  digests: string[]
  /** Beside the root, not in it: a keys file is not part of the trail. */
  keyFile: string
  /** The list-public-keys JSON of the key that signed. */
  keyJson: string
  privateKey: KeyObject
  fingerprint: string
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const stamp = (t: Date, seconds: boolean): string =>
  `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${seconds ? pad(t.getUTCSeconds()) : ''}Z`
const day = (t: Date): string => `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}`
const iso = (t: Date): string => t.toISOString().replace('.000Z', 'Z')
export const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex')

export function makeKeyPair(): { publicKey: KeyObject; privateKey: KeyObject; fingerprint: string; value: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const der = publicKey.export({ format: 'der', type: 'pkcs1' })
  return { publicKey, privateKey, fingerprint: createHash('md5').update(der).digest('hex'), value: der.toString('base64') }
}

export function keyFileJson(keys: { value: string; fingerprint: string }[], from = '2024-01-01T00:00:00Z', to = '2025-01-01T00:00:00Z'): string {
  return JSON.stringify({ PublicKeyList: keys.map((k) => ({ Value: k.value, ValidityStartTime: from, ValidityEndTime: to, Fingerprint: k.fingerprint })) }, null, 4)
}

/** The CloudTrail signature of a digest: SHA256withRSA over the data signing string, hex. */
export function signDigest(privateKey: KeyObject, digest: Record<string, unknown>, digestText: string): string {
  const data = [digest.digestEndTime, `${digest.digestS3Bucket}/${digest.digestS3Object}`, sha256(digestText), digest.previousDigestSignature ?? 'null'].join('\n')
  return createSign('RSA-SHA256').update(data).sign(privateKey, 'hex')
}

function logFile(account: string, region: string, at: Date, n: number): string {
  const records = [0, 1].map((k) => ({
    eventVersion: '1.09',
    userIdentity: { type: 'AssumedRole', accountId: account, arn: `arn:aws:sts::${account}:assumed-role/Admin/alice` },
    eventTime: iso(new Date(at.getTime() - 120_000 - k * 1000)),
    eventSource: 's3.amazonaws.com',
    eventName: k === 0 ? 'GetObject' : 'ListBuckets',
    awsRegion: region,
    sourceIPAddress: '203.0.113.7',
    eventID: `${account}-${region}-${stamp(at, false)}-${n}-${k}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    recipientAccountId: account,
  }))
  return JSON.stringify({ Records: records })
}

export function buildSignedTrail(root: string, options: SignedTrailOptions = {}): SignedTrail {
  const accounts = options.accounts ?? ['111122223333', '444455556666']
  const regions = options.regions ?? ['us-east-1', 'eu-west-1']
  const hours = options.hours ?? 3
  const filesPerHour = options.filesPerHour ?? 2
  const start = Date.parse(options.start ?? '2024-03-05T10:00:00Z')
  const key = makeKeyPair()
  const out: SignedTrail = { root, logs: [], digests: [], keyFile: `${root}.public-keys.json`, keyJson: '', privateKey: key.privateKey, fingerprint: key.fingerprint }
  const write = (rel: string, bytes: Uint8Array | string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), bytes)
  }
  for (const account of accounts) {
    for (const region of regions) {
      let previous: { key: string; hash: string; signature: string } | null = null
      for (let h = 0; h < hours; h++) {
        const periodStart = new Date(start + h * 3_600_000)
        const periodEnd = new Date(start + (h + 1) * 3_600_000)
        const logFiles = []
        for (let f = 0; f < filesPerHour; f++) {
          const at = new Date(periodStart.getTime() + (10 + f * 20) * 60_000)
          const rel = `AWSLogs/${ORG}/${account}/CloudTrail/${region}/${day(at)}/${account}_CloudTrail_${region}_${stamp(at, false)}_Ab${h}${f}cd.json.gz`
          const text = logFile(account, region, at, f)
          write(rel, gzipSync(text))
          out.logs.push(rel)
          logFiles.push({ s3Bucket: BUCKET, s3Object: rel, hashValue: sha256(text), hashAlgorithm: 'SHA-256', newestEventTime: iso(new Date(at.getTime() - 120_000)), oldestEventTime: iso(new Date(at.getTime() - 121_000)) })
        }
        const digestKey = `AWSLogs/${ORG}/${account}/CloudTrail-Digest/${region}/${day(periodEnd)}/${account}_CloudTrail-Digest_${region}_${TRAIL}_${HOME}_${stamp(periodEnd, true)}.json.gz`
        const digest: Record<string, unknown> = {
          awsAccountId: account,
          digestStartTime: iso(periodStart),
          digestEndTime: iso(periodEnd),
          digestS3Bucket: BUCKET,
          digestS3Object: digestKey,
          digestPublicKeyFingerprint: key.fingerprint,
          digestSignatureAlgorithm: 'SHA256withRSA',
          newestEventTime: logFiles.at(-1)?.newestEventTime ?? null,
          oldestEventTime: logFiles[0]?.oldestEventTime ?? null,
          previousDigestS3Bucket: previous ? BUCKET : null,
          previousDigestS3Object: previous?.key ?? null,
          previousDigestHashValue: previous?.hash ?? null,
          previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
          previousDigestSignature: previous?.signature ?? null,
          logFiles,
        }
        const text = JSON.stringify(digest)
        const signature = signDigest(key.privateKey, digest, text)
        write(digestKey, gzipSync(text))
        out.digests.push(digestKey)
        previous = { key: digestKey, hash: sha256(text), signature }
      }
      // The newest digest's signature lives in its S3 metadata; a copy keeps it beside the file.
      if (previous) write(`${previous.key}.signature`, previous.signature)
    }
  }
  out.keyJson = keyFileJson([key])
  writeFileSync(out.keyFile, out.keyJson)
  return out
}
