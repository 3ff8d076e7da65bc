// Opens a CloudTrail trail straight from its bucket: finds the layout with delimiter listings,
// lists only the day folders of the date range (plus the day after, for late deliveries), and
// downloads with bounded concurrency into the on-disk cache, handing each finished object to the
// loader as a local path named s3://bucket/key. Failures are per object and say what to do; when
// S3 cannot be reached, the day folders already in the cache are used instead, and the summary
// says so. Events outside [from, to) are still in the files: the loader drops them (timeRange).

import { createWriteStream, existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { InputPath } from '../services/service-types'
import type { S3OpenRequest } from '../../common/ipc-contract'
import { BucketClient, type ClientFactory, type ListedObject, type S3Connection } from './s3-bucket'
import { DEFAULT_CACHE_MAX_BYTES, S3Cache, SIGNATURE_SUFFIX } from './s3-cache'
import { describeS3Error, isAbortError, S3OpenError, type S3Action } from './s3-errors'
import { createLimiter, mapLimit, withRetry } from './task-pool'
import { dayPrefixes, endsBeforeRange, splitPrefix, walkLayout, type TrailLayout } from './trail-layout'
import { createProgress, type S3Progress } from './trail-progress'
import { isBucketName } from '../../common/aws-names'

// The whole S3 API from one module: the dialog needs profiles, buckets, layout, open and clear.
export type { S3Progress } from './trail-progress'
export { eventTimeInRange, type TrailLayout } from './trail-layout'
export { listBuckets, type BucketInfo, type ClientFactory, type S3Connection } from './s3-bucket'
export { listProfiles, defaultConfigPaths, type AwsProfileInfo } from './aws-profiles'
export { clearCache, DEFAULT_CACHE_MAX_BYTES } from './s3-cache'
export { S3OpenError } from './s3-errors'

export const DEFAULT_CONCURRENCY = 16

/** An open of a trail is the contract's request: what the S3 dialog sends, checked by its schema. */
export type S3TrailRequest = S3OpenRequest

export interface S3Tuning {
  /** MaxKeys per list page (S3 caps it at 1000). */
  pageSize?: number
  /** Listings in flight (default: the download concurrency, at most 32): an organization has many day folders. */
  listConcurrency?: number
  /** Tries per request, the first included (default 4), and the first backoff (default 250 ms). */
  attempts?: number
  retryBaseMs?: number
  cacheMaxBytes?: number
  progressIntervalMs?: number
}

export interface OpenTrailDeps {
  cacheDir: string
  onObject(input: InputPath): void
  onProgress?(progress: S3Progress): void
  onError?(error: { file: string; reason: string }): void
  signal?: AbortSignal
  clientFactory?: ClientFactory
  tuning?: S3Tuning
}

export interface S3Summary {
  bucket: string
  /** The region the bucket answered from (after following a redirect). */
  region: string
  layout: TrailLayout
  /** The day folders listed (or read from the cache when offline). */
  dayPrefixes: string[]
  /** Pass this to the loader: the files also hold events outside it. */
  timeRange: { from: number; to: number }
  /** Objects handed to onObject: downloaded + fromCache. */
  objects: number
  downloaded: number
  fromCache: number
  failed: number
  /** Files named as written over an hour before `from`: they cannot hold an event in range. */
  skippedBeforeRange: number
  bytesDownloaded: number
  /** S3 could not be listed; what the cache holds was used instead. */
  offline: boolean
  /** Something the user should read (offline, nothing in range). */
  notice?: string
  cancelled: boolean
  evicted: { objects: number; bytes: number }
  elapsedMs: number
}

function validate(req: S3TrailRequest): void {
  if (!isBucketName(req.bucket)) throw new S3OpenError(`Not a bucket name: "${req.bucket}"`, 'invalid')
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to) || req.to <= req.from) throw new S3OpenError('The date range is empty: "to" must be after "from"', 'invalid')
  if (req.concurrency !== undefined && !(Number.isInteger(req.concurrency) && req.concurrency >= 1)) throw new S3OpenError('Concurrency must be a whole number of at least 1', 'invalid')
}

/** The folders of a bucket's CloudTrail layout, found with delimiter listings. */
export async function discoverLayout(
  req: S3Connection & { bucket: string; prefix?: string },
  deps: { clientFactory?: ClientFactory; signal?: AbortSignal; tuning?: S3Tuning } = {},
): Promise<TrailLayout> {
  const s3 = await BucketClient.connect(req.bucket, { ...req, maxSockets: 8 }, deps.clientFactory)
  const t = deps.tuning ?? {}
  const ctx = (key?: string) => ({ action: 's3:ListBucket' as const, bucket: req.bucket, key, profile: req.profile })
  try {
    return await walkLayout((prefix) => retrying(() => s3.listDirs(prefix, deps.signal), ctx(prefix), t, deps.signal), req.prefix, t.listConcurrency ?? 8)
  } catch (err) {
    const failure = describeS3Error(err, ctx((err as { prefix?: string }).prefix))
    throw new S3OpenError(failure.reason, failure.kind)
  } finally {
    s3.close()
  }
}

function retrying<T>(fn: () => Promise<T>, ctx: { action: S3Action; bucket: string; key?: string; profile?: string }, t: S3Tuning, signal?: AbortSignal): Promise<T> {
  return withRetry(fn, { attempts: t.attempts ?? 4, baseDelayMs: t.retryBaseMs ?? 250, signal, isRetryable: (e) => describeS3Error(e, ctx).retryable }).catch((err) => {
    if (err && typeof err === 'object' && ctx.key !== undefined) (err as { prefix?: string }).prefix = ctx.key
    throw err
  })
}

export async function openTrail(req: S3TrailRequest, deps: OpenTrailDeps): Promise<S3Summary> {
  validate(req)
  const started = performance.now()
  const { bucket, profile } = req
  const t = deps.tuning ?? {}
  const signal = deps.signal
  const concurrency = req.concurrency ?? DEFAULT_CONCURRENCY
  const listConcurrency = t.listConcurrency ?? Math.min(32, concurrency)
  const cache = await S3Cache.open(deps.cacheDir)
  const s3 = await BucketClient.connect(bucket, { ...req, maxSockets: concurrency + listConcurrency }, deps.clientFactory)
  const progress = createProgress(deps.onProgress, t.progressIntervalMs ?? 100)
  const report = (key: string, reason: string) => deps.onError?.({ file: `s3://${bucket}/${key}`, reason })
  const s3Error = (err: unknown, action: S3Action, key: string) => describeS3Error(err, { action, bucket, key, profile })
  const aborted = () => signal?.aborted === true
  const root = splitPrefix(req.prefix).root

  const summary: S3Summary = {
    bucket, region: s3.region, layout: { orgIds: [], accounts: [], regions: [], hasInsight: false, hasDigest: false, basePrefixes: [], folders: [] },
    dayPrefixes: [], timeRange: { from: req.from, to: req.to }, objects: 0, downloaded: 0, fromCache: 0, failed: 0,
    skippedBeforeRange: 0, bytesDownloaded: 0, offline: false, cancelled: false, evicted: { objects: 0, bytes: 0 }, elapsedMs: 0,
  }
  const handed = new Set<string>()
  const seen = new Set<string>()
  // After a cancel nothing more is handed over; an object that finished at that instant stays cached.
  const hand = (key: string, path: string) => {
    if (aborted()) return
    handed.add(`${bucket}/${key}`)
    summary.objects++
    deps.onObject({ path, displayName: `s3://${bucket}/${key}` })
  }

  const handSignature = (key: string, path: string) => {
    if (!aborted()) deps.onObject({ path: `${path}${SIGNATURE_SUFFIX}`, displayName: `s3://${bucket}/${key}${SIGNATURE_SUFFIX}` })
  }

  // A sub-folder that cannot be listed is reported, and the cache's copy of it is used instead;
  // only the AWSLogs/ folder itself failing stops discovery (and then the cache is walked whole).
  const listChildren = async (prefix: string): Promise<string[]> => {
    try {
      return await retrying(() => s3.listDirs(prefix, signal), { action: 's3:ListBucket', bucket, key: prefix, profile }, t, signal)
    } catch (err) {
      if (prefix === root || aborted()) throw err
      report(prefix, s3Error(err, 's3:ListBucket', prefix).reason)
      return cache.dirs(bucket, prefix)
    }
  }

  const download = createLimiter(concurrency, signal)
  const pending: Promise<void>[] = []
  const fetchOne = async (obj: ListedObject): Promise<void> => {
    const cached = await cache.lookup(bucket, obj.key, obj.etag, obj.size)
    if (cached) {
      summary.fromCache++
      progress.objectDone(obj.size, true)
      hand(obj.key, cached)
      if (req.includeDigests && existsSync(`${cached}${SIGNATURE_SUFFIX}`)) handSignature(obj.key, cached)
      return
    }
    let signature: string | undefined
    const path = await retrying(
      async () => {
        let got = 0
        try {
          return await cache.put(bucket, obj.key, obj.etag, async (tmp) => {
            const res = await s3.getObject(obj.key, signal)
            signature = res.signature
            const count = new Transform({
              transform(chunk: Buffer, _enc, done) {
                got += chunk.length
                progress.bytes(chunk.length)
                done(null, chunk)
              },
            })
            await pipeline(res.body, count, createWriteStream(tmp), { signal })
            // A connection cut mid-body can end the stream "cleanly": check the length we were promised.
            if (res.size !== undefined && got !== res.size) throw Object.assign(new Error(`got ${got} of ${res.size} bytes`), { name: 'TruncatedBody' })
            return got
          })
        } catch (err) {
          progress.bytes(-got)
          throw err
        }
      },
      { action: 's3:GetObject', bucket, key: obj.key, profile }, t, signal,
    )
    summary.downloaded++
    summary.bytesDownloaded += obj.size
    progress.objectDone(0, false)
    hand(obj.key, path)
    // The newest digest's signature exists only in its object's metadata: kept beside the copy.
    if (req.includeDigests && signature && /^[0-9a-fA-F]{2,8192}$/.test(signature)) {
      await writeFile(`${path}${SIGNATURE_SUFFIX}`, signature)
      handSignature(obj.key, path)
    }
    await cache.saveSoon()
  }
  const enqueue = (obj: ListedObject) => {
    if (seen.has(obj.key) || obj.key.endsWith('/')) return
    seen.add(obj.key)
    if (endsBeforeRange(obj.key, req.from)) {
      summary.skippedBeforeRange++
      return
    }
    progress.objectListed(obj.size)
    const task = download(() => fetchOne(obj)).catch((err) => {
      if (aborted() || isAbortError(err)) return
      summary.failed++
      progress.failed()
      report(obj.key, s3Error(err, 's3:GetObject', obj.key).reason)
    })
    pending.push(task)
  }
  // Cached files of a day folder that cannot be listed: handed over as they are, unchecked.
  const useCachedDay = async (prefix: string): Promise<number> => {
    const files = (await cache.files(bucket, prefix)).filter((f) => !seen.has(f.key) && !endsBeforeRange(f.key, req.from))
    for (const f of files) {
      seen.add(f.key)
      progress.objectListed(f.size)
      summary.fromCache++
      progress.objectDone(f.size, true)
      cache.touch(bucket, f.key)
      hand(f.key, f.path)
    }
    return files.length
  }
  const listDay = async (prefix: string): Promise<void> => {
    if (aborted()) return
    try {
      if (summary.offline) {
        await useCachedDay(prefix)
      } else {
        let token: string | undefined
        do {
          const page = await retrying(() => s3.listPage(prefix, { token, maxKeys: t.pageSize, signal }), { action: 's3:ListBucket', bucket, key: prefix, profile }, t, signal)
          page.objects.forEach(enqueue)
          token = page.next
        } while (token && !aborted())
      }
    } catch (err) {
      if (aborted() || isAbortError(err)) return
      const n = await useCachedDay(prefix)
      report(prefix, s3Error(err, 's3:ListBucket', prefix).reason + (n ? `; using the ${n} cached objects of this folder` : ''))
    }
    progress.prefixDone()
  }

  try {
    progress.phase('discovering')
    try {
      summary.layout = await walkLayout(listChildren, req.prefix, listConcurrency, req.includeDigests)
    } catch (err) {
      if (aborted() || isAbortError(err)) throw err
      // S3 cannot be listed at all (offline, expired session, denied): fall back on the cache's copy.
      const failure = s3Error(err, 's3:ListBucket', (err as { prefix?: string }).prefix ?? root)
      summary.layout = await walkLayout((prefix) => cache.dirs(bucket, prefix), req.prefix, 8, req.includeDigests)
      if (summary.layout.folders.length === 0) throw new S3OpenError(failure.reason, failure.kind)
      summary.offline = true
      summary.notice = `${failure.reason}. Showing the objects already in the cache for this range; objects not cached before are missing.`
      progress.state.offline = true
      report(root, summary.notice)
    }
    if (summary.layout.folders.length === 0) {
      throw new S3OpenError(`No CloudTrail logs found under s3://${bucket}/${root} (expected ${root}[o-ORGID/]ACCOUNT/CloudTrail/REGION/...)`, 'empty')
    }
    summary.dayPrefixes = dayPrefixes(summary.layout, req)
    progress.state.prefixesTotal = summary.dayPrefixes.length
    progress.phase('listing')
    await mapLimit(summary.dayPrefixes, listConcurrency, listDay)
    progress.phase('downloading')
    await Promise.all(pending)
    if (summary.objects === 0 && !summary.failed && !aborted()) summary.notice ??= 'No log files in this date range for the selected accounts and regions.'
  } catch (err) {
    if (!(aborted() || isAbortError(err))) throw err
  } finally {
    summary.cancelled = aborted()
    summary.region = s3.region
    s3.close()
    summary.evicted = await cache.evict(t.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES, handed)
    await cache.save()
    summary.elapsedMs = Math.round(performance.now() - started)
    progress.finish(summary.cancelled)
  }
  return summary
}
