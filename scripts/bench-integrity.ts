// The integrity figure of `npm run bench`: 10,000 files of the bench corpus loaded as the app
// loads them, without the integrity hash (the reference) and with it plus digests for those
// files (signed with a key made here) and the validation itself; runs alternate, medians shown.
// Printed, never asserted.

import { createHash, createSign, generateKeyPairSync } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { EventStore } from '../main/store/event-store'
import { loadInto } from '../main/loader/load-files'
import { TrailCollector } from '../main/integrity/trail-collector'
import { KeySet } from '../main/integrity/public-keys'
import { validateTrail, summaryLine } from '../main/integrity/validate-trail'
import { loadedLocation } from '../main/integrity/locations'

const FILES = 10_000
const RUNS = 3

function listFiles(dir: string, out: string[], limit: number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (out.length >= limit) return
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) listFiles(full, out, limit)
    else if (entry.name.endsWith('.json.gz')) out.push(full)
  }
}

/** Hourly digests for the files, as CloudTrail would write them, in their own AWSLogs/ tree. */
function writeDigests(files: string[], out: string): { keys: KeySet; digests: number } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const der = publicKey.export({ format: 'der', type: 'pkcs1' })
  const fingerprint = createHash('md5').update(der).digest('hex')
  const keys = new KeySet([{ fingerprint, value: der.toString('base64'), validityStart: NaN, validityEnd: NaN }])
  const hours = new Map<string, { files: string[]; hour: number; loc: NonNullable<ReturnType<typeof loadedLocation>> }>()
  for (const file of files) {
    const loc = loadedLocation(file)!
    const hour = Math.floor((loc.namedTime - 1) / 3_600_000) * 3_600_000
    const id = `${loc.orgId}/${loc.account}/${loc.region}/${hour}`
    const group = hours.get(id) ?? { files: [], hour, loc }
    group.files.push(file)
    hours.set(id, group)
  }
  const previous = new Map<string, { key: string; hash: string; signature: string }>()
  const sorted = [...hours.values()].sort((a, b) => a.hour - b.hour)
  for (const { files: group, hour, loc } of sorted) {
    const chain = `${loc.account}/${loc.region}`
    const end = new Date(hour + 3_600_000)
    const stamp = end.toISOString().replace(/[-:]/g, '').slice(0, 15)
    const key = `AWSLogs/${loc.orgId}/${loc.account}/CloudTrail-Digest/${loc.region}/${end.toISOString().slice(0, 10).replace(/-/g, '/')}/${loc.account}_CloudTrail-Digest_${loc.region}_bench_us-east-1_${stamp}Z.json.gz`
    const prev = previous.get(chain)
    const digest = {
      digestStartTime: new Date(hour).toISOString().replace('.000Z', 'Z'), digestEndTime: end.toISOString().replace('.000Z', 'Z'),
      digestS3Bucket: 'bench', digestS3Object: key, digestPublicKeyFingerprint: fingerprint, digestSignatureAlgorithm: 'SHA256withRSA',
      previousDigestS3Bucket: prev ? 'bench' : null, previousDigestS3Object: prev?.key ?? null, previousDigestHashValue: prev?.hash ?? null,
      previousDigestHashAlgorithm: prev ? 'SHA-256' : null, previousDigestSignature: prev?.signature ?? null,
      logFiles: group.map((f) => ({ s3Bucket: 'bench', s3Object: loadedLocation(f)!.tail, hashValue: createHash('sha256').update(gunzipSync(readFileSync(f))).digest('hex'), hashAlgorithm: 'SHA-256' })),
    }
    const text = JSON.stringify(digest)
    const hash = createHash('sha256').update(text).digest('hex')
    const signature = createSign('RSA-SHA256').update([digest.digestEndTime, `bench/${key}`, hash, digest.previousDigestSignature ?? 'null'].join('\n')).sign(privateKey, 'hex')
    mkdirSync(path.dirname(path.join(out, key)), { recursive: true })
    writeFileSync(path.join(out, key), gzipSync(text))
    previous.set(chain, { key, hash, signature })
  }
  for (const v of previous.values()) writeFileSync(path.join(out, `${v.key}.signature`), v.signature)
  return { keys, digests: sorted.length }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function benchIntegrity(corpusDir: string, line: (label: string, value: string) => void): Promise<void> {
  const files: string[] = []
  listFiles(path.join(corpusDir, 'AWSLogs'), files, FILES)
  const digestDir = path.join(corpusDir, '..', `integrity-digests-${path.basename(corpusDir)}-${files.length}`)
  // Written each run: the signing key is made here and not kept.
  const made = writeDigests(files, digestDir)
  const inputs = files.map((f) => ({ path: f }))
  const plain: number[] = []
  const checked: number[] = []
  let summary = ''
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now()
    await loadInto(new EventStore(), inputs, { hashContent: false })
    plain.push(performance.now() - t)
    t = performance.now()
    const collector = new TrailCollector()
    await loadInto(new EventStore(), [...inputs, { path: path.join(digestDir, 'AWSLogs') }], {}, collector.callbacks())
    const report = validateTrail({ files: collector.files, signatures: await collector.signatures(), keys: made.keys })
    checked.push(performance.now() - t)
    summary = summaryLine(report.summary)
  }
  const a = median(plain)
  const b = median(checked)
  console.log(`\nIntegrity validation (${files.length.toLocaleString('en')} files of the corpus, ${made.digests} digests; median of ${RUNS} alternating runs)`)
  line('load without hashing (reference)', `${(a / 1000).toFixed(2)} s`)
  line('load + SHA-256 + validation', `${(b / 1000).toFixed(2)} s  (+${(((b - a) / a) * 100).toFixed(1)}%)  ${summary}`)
}
