// Offline validation of a set of loaded trail files against the digests among them, following
// AWS's "custom implementation of CloudTrail log file integrity validation": each digest's
// signature (found in the next digest's previousDigestSignature, or for the newest one in its
// S3 object's x-amz-meta-signature, kept beside it as NAME.signature), the chain of digests
// (previousDigestHashValue, no gap between one's end and the next one's start), and every log
// file's SHA-256 over its uncompressed content against the digest that lists it.

import { parseDigestOf, type DigestFile } from '../../common/cloudtrail-digest'
import { FAILED_STATUSES, type DigestStatus, type IntegrityEntry, type IntegrityReport, type IntegritySummary, type LoadedTrailFile, type LogStatus } from './integrity-types'
import { loadedLocation, matchKey, recordedLocation, type TrailLocation } from './locations'
import type { KeySet } from './public-keys'
import { signingString, verifySignature } from './signature'

/** A log is delivered up to a minute after the minute its name gives. */
const NAME_SLACK_MS = 60_000

interface LoadedDigest {
  file: LoadedTrailFile
  location: TrailLocation | null
  digest: DigestFile | null
  reason: string
  chain: string
}

export interface ValidateInput {
  files: readonly LoadedTrailFile[]
  /** Hex signatures kept beside digests (NAME.signature), by the digest's loaded name. */
  signatures: ReadonlyMap<string, string>
  keys: KeySet
}

/** The digests of one trail in one account and region: same folder, same name up to its time. */
function chainOf(location: TrailLocation | null, name: string): string {
  if (!location) return `?${name}`
  const stem = location.fileName.replace(/_\d{8}T\d{4,6}Z\.json(?:\.gz)?$/, '')
  return `${location.orgId}/${location.account}/${location.region}/${stem}`
}

function s3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`
}

export function validateTrail(input: ValidateInput): IntegrityReport {
  const entries: IntegrityEntry[] = []
  const digests = new Map<string, LoadedDigest>()
  const logs = new Map<string, { file: LoadedTrailFile; location: TrailLocation }>()
  const unplaced: LoadedTrailFile[] = []

  for (const file of input.files) {
    const location = loadedLocation(file.name)
    if (file.kind === 'digest') {
      const parsed = parseDigestOf(file)
      const d: LoadedDigest = { file, location, digest: parsed.ok ? parsed.digest : null, reason: parsed.ok ? '' : parsed.reason, chain: chainOf(location, file.name) }
      digests.set(location ? matchKey(location) : `?${file.name}`, d)
    } else if (location) {
      logs.set(matchKey(location), { file, location })
    } else {
      unplaced.push(file)
    }
  }

  // The signature of a digest is carried by the next one.
  const nextSignature = new Map<string, string>()
  for (const d of digests.values()) {
    const prev = d.digest?.previousDigestS3Object
    const previous = prev ? recordedLocation(d.digest?.previousDigestS3Bucket ?? '', prev) : null
    if (previous && d.digest?.previousDigestSignature) nextSignature.set(matchKey(previous), d.digest.previousDigestSignature)
  }
  // Oldest start per chain: a previous digest older than that is outside what was loaded, not missing.
  const chainStart = new Map<string, number>()
  for (const d of digests.values()) {
    if (!d.digest) continue
    const start = Date.parse(d.digest.digestStartTime)
    chainStart.set(d.chain, Math.min(chainStart.get(d.chain) ?? Infinity, start))
  }

  const missingDigests = new Map<string, IntegrityEntry>()
  const digestStatus = new Map<LoadedDigest, DigestStatus>()
  for (const [key, d] of digests) {
    const problems: { status: DigestStatus; detail: string }[] = []
    const digest = d.digest
    if (!digest) {
      problems.push({ status: 'invalid-signature', detail: d.reason })
    } else {
      const recorded = recordedLocation(digest.digestS3Bucket, digest.digestS3Object)
      if (!recorded || !d.location || matchKey(recorded) !== matchKey(d.location) || (d.location.bucket !== '' && d.location.bucket !== recorded.bucket)) {
        problems.push({ status: 'invalid-signature', detail: `moved: the digest says it was delivered to ${s3Url(digest.digestS3Bucket, digest.digestS3Object)}` })
      }
      const signature = nextSignature.get(key) ?? input.signatures.get(d.file.name)
      const fingerprint = digest.digestPublicKeyFingerprint ?? ''
      if (digest.digestSignatureAlgorithm && digest.digestSignatureAlgorithm !== 'SHA256withRSA') {
        problems.push({ status: 'key-unknown', detail: `unsupported signature algorithm ${digest.digestSignatureAlgorithm}` })
      } else if (signature === undefined) {
        problems.push({ status: 'signature-unavailable', detail: 'no later digest loaded and no x-amz-meta-signature kept beside it (NAME.signature)' })
      } else {
        const keyObject = input.keys.key(fingerprint)
        if (keyObject === undefined) {
          problems.push({ status: 'key-unknown', detail: input.keys.size === 0 ? `no public keys given (fingerprint ${fingerprint})` : `no public key with fingerprint ${fingerprint}` })
        } else if (keyObject === null) {
          problems.push({ status: 'key-unknown', detail: `the public key with fingerprint ${fingerprint} is not an RSA public key` })
        } else {
          const ok = verifySignature(keyObject, signingString(digest, d.file.sha256), signature)
          if (ok !== true) problems.push({ status: 'invalid-signature', detail: ok === 'malformed' ? 'the signature is not hex' : 'the signature does not match its content' })
        }
      }
      // The chain back to the previous digest.
      const prevKey = digest.previousDigestS3Object
      if (prevKey) {
        const prevLocation = recordedLocation(digest.previousDigestS3Bucket ?? '', prevKey)
        const previous = prevLocation ? digests.get(matchKey(prevLocation)) : undefined
        if (previous) {
          if (digest.previousDigestHashValue && previous.file.sha256 !== digest.previousDigestHashValue.toLowerCase()) {
            problems.push({ status: 'chain-break', detail: `the previous digest ${previous.file.name} does not have the hash this one records for it` })
          }
          if (previous.digest && Date.parse(previous.digest.digestEndTime) !== Date.parse(digest.digestStartTime)) {
            problems.push({ status: 'chain-break', detail: `gap: the previous digest ends at ${previous.digest.digestEndTime}, this one starts at ${digest.digestStartTime}` })
          }
        } else if (prevLocation && Date.parse(digest.digestStartTime) > (chainStart.get(d.chain) ?? Infinity)) {
          const url = s3Url(digest.previousDigestS3Bucket ?? '', prevKey)
          problems.push({ status: 'chain-break', detail: `the previous digest ${url} is missing` })
          missingDigests.set(matchKey(prevLocation), { kind: 'digest', path: url, account: prevLocation.account, region: prevLocation.region, status: 'missing', detail: `referenced by ${d.file.name}` })
        }
      }
    }
    const order: DigestStatus[] = ['invalid-signature', 'chain-break', 'key-unknown', 'signature-unavailable']
    const status = order.find((s) => problems.some((p) => p.status === s)) ?? 'valid'
    digestStatus.set(d, status)
    entries.push({
      kind: 'digest', path: d.file.name, account: d.location?.account ?? '', region: d.location?.region ?? '', status,
      detail: problems.map((p) => p.detail).join('; '),
    })
  }
  for (const [key, entry] of missingDigests) if (!digests.has(key)) entries.push(entry)

  // Log files listed by the digests.
  const listed = new Set<string>()
  for (const d of digests.values()) {
    if (!d.digest) continue
    const trust = digestStatus.get(d) === 'valid' ? '' : ` (whose own status is ${digestStatus.get(d)})`
    for (const record of d.digest.logFiles) {
      const location = recordedLocation(record.s3Bucket, record.s3Object)
      if (!location) continue
      const key = matchKey(location)
      listed.add(key)
      const log = logs.get(key)
      const base = { kind: 'log' as const, account: location.account, region: location.region }
      if (!log) {
        entries.push({ ...base, path: s3Url(record.s3Bucket, record.s3Object), status: 'missing', detail: `listed by ${d.file.name}${trust}` })
        continue
      }
      const same = log.file.sha256 !== '' && log.file.sha256 === record.hashValue.toLowerCase()
      const status: LogStatus = same ? 'valid' : 'modified'
      const detail = same ? `matches ${d.file.name}${trust}` : `SHA-256 ${log.file.sha256 || '(unreadable)'} differs from ${record.hashValue} in ${d.file.name}`
      entries.push({ ...base, path: log.file.name, status, detail })
    }
  }

  // Loaded logs no digest lists: inserted when a loaded digest of their account and region covers their time.
  const windows = new Map<string, [number, number, string][]>()
  for (const d of digests.values()) {
    if (!d.digest || !d.location) continue
    const id = `${d.location.orgId}/${d.location.account}/${d.location.region}`
    const list = windows.get(id) ?? []
    list.push([Date.parse(d.digest.digestStartTime), Date.parse(d.digest.digestEndTime), d.file.name])
    windows.set(id, list)
  }
  for (const [key, log] of logs) {
    if (listed.has(key)) continue
    const loc = log.location
    const t = loc.namedTime
    const cover = (windows.get(`${loc.orgId}/${loc.account}/${loc.region}`) ?? []).find(([start, end]) => t > start - NAME_SLACK_MS && t <= end)
    const base = { kind: 'log' as const, path: log.file.name, account: loc.account, region: loc.region }
    if (cover) entries.push({ ...base, status: 'not-in-digest', detail: `delivered in the period of ${cover[2]}, which does not list it` })
    else entries.push({ ...base, status: 'not-covered', detail: 'no loaded digest covers its delivery time' })
  }
  for (const file of unplaced) {
    entries.push({ kind: 'log', path: file.name, account: '', region: '', status: 'not-covered', detail: 'not under an AWSLogs/ folder layout: cannot be matched to a digest' })
  }
  return { entries, summary: summarize(entries, digests) }
}

function summarize(entries: IntegrityEntry[], digests: Map<string, LoadedDigest>): IntegrityReport['summary'] {
  const counts: Record<string, number> = {}
  let digestCount = 0
  let digestsValid = 0
  let logCount = 0
  let logsValid = 0
  let failed = false
  for (const e of entries) {
    counts[`${e.kind}:${e.status}`] = (counts[`${e.kind}:${e.status}`] ?? 0) + 1
    if (e.kind === 'digest') {
      digestCount++
      if (e.status === 'valid') digestsValid++
    } else {
      logCount++
      if (e.status === 'valid') logsValid++
    }
    if (FAILED_STATUSES.has(e.status)) failed = true
  }
  let from = Infinity
  let to = -Infinity
  for (const d of digests.values()) {
    if (!d.digest) continue
    from = Math.min(from, Date.parse(d.digest.digestStartTime))
    to = Math.max(to, Date.parse(d.digest.digestEndTime))
  }
  const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : '')
  return { digests: digestCount, digestsValid, logs: logCount, logsValid, counts, failed, from: iso(from), to: iso(to) }
}

/** The AWS CLI's kind of summary: "3/4 digest files valid, 10/12 log files valid, 1 log file modified, ...". */
export function summaryLine(summary: IntegritySummary): string {
  const parts = [`${summary.digestsValid}/${summary.digests} digest files valid`, `${summary.logsValid}/${summary.logs} log files valid`]
  const names: Record<string, string> = {
    'digest:invalid-signature': 'with an invalid signature', 'digest:chain-break': 'breaking the chain', 'digest:missing': 'missing',
    'digest:key-unknown': 'with an unknown public key', 'digest:signature-unavailable': 'without a signature available',
    'log:modified': 'modified', 'log:missing': 'missing', 'log:not-in-digest': 'not in any digest', 'log:not-covered': 'not covered by a loaded digest',
  }
  for (const [key, words] of Object.entries(names)) {
    const n = summary.counts[key] ?? 0
    if (n === 0) continue
    const noun = key.startsWith('digest') ? 'digest file' : 'log file'
    parts.push(`${n} ${noun}${n === 1 ? '' : 's'} ${words}`)
  }
  return parts.join(', ')
}

/** Per signing region, the fingerprints the loaded digests name and their time range: what to ask ListPublicKeys for. */
export function keysNeeded(files: readonly LoadedTrailFile[]): Map<string, { fingerprints: Set<string>; from: number; to: number }> {
  const out = new Map<string, { fingerprints: Set<string>; from: number; to: number }>()
  for (const file of files) {
    if (file.kind !== 'digest') continue
    const parsed = parseDigestOf(file)
    const location = loadedLocation(file.name)
    if (!parsed.ok || !location || !parsed.digest.digestPublicKeyFingerprint) continue
    const want = out.get(location.region) ?? { fingerprints: new Set<string>(), from: Infinity, to: -Infinity }
    want.fingerprints.add(parsed.digest.digestPublicKeyFingerprint.toLowerCase())
    want.from = Math.min(want.from, Date.parse(parsed.digest.digestStartTime))
    want.to = Math.max(want.to, Date.parse(parsed.digest.digestEndTime))
    out.set(location.region, want)
  }
  return out
}
