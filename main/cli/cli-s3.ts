// s3:// inputs for the CLI: opens each trail with main/s3 (listing only the days of the range,
// downloading into the on-disk cache) and hands the objects to the loader as local paths while
// the download goes on (as the app does), together with the time range the loader must keep
// (the day folders also hold events just outside it).
// Loaded lazily by cli-run so that local-only runs never initialise the AWS SDK.

import { S3OpenError } from '../s3/open-trail'
import { parseS3Url, resolveTimeRange, type S3CliOptions } from '../s3/cli-options'
import { defaultS3CacheDir, resolveS3CacheDir } from '../s3/cache-dir'
import { streamTrail } from '../s3/trail-stream'
import type { InputPath } from '../services/service-types'

export interface S3Inputs {
  /** The objects as local files named s3://bucket/key, as they arrive; ends with the download. */
  inputs: AsyncIterable<InputPath>
  timeRange: { from: number; to: number }
  /** Resolves when the download has ended; null when the whole open failed (already reported via onError). */
  finished: Promise<S3Outcome | null>
}

export interface S3Outcome {
  /** A line for the user (offline, nothing in range), if any. */
  notice?: string
  /** S3 could not be listed and the cache was used; the notice was already reported as an error. */
  offline: boolean
  downloaded: number
  fromCache: number
}

/** The user's cache folder, as each platform names it (main/s3/cache-dir.ts; shared with web mode). */
export { defaultS3CacheDir }

export interface OpenS3Options {
  s3: Omit<S3CliOptions, 'from' | 'to'>
  from?: number
  to?: number
  /** --cache-dir; else ASHIATO_CACHE_DIR; else the user's cache folder. */
  cacheDir?: string
  signal?: AbortSignal
  /** `ashiato validate`: the digests too. */
  includeDigests?: boolean
  /** Each object that failed, and failures of the whole open: `ashiato: FILE: REASON`. */
  onError(file: string, reason: string): void
}

/** Starts opening one s3:// URL: read `inputs` while it downloads, then await `finished`. */
export function openS3Input(url: string, options: OpenS3Options): S3Inputs {
  // The SDK warns on Node 20 that its releases after January 2027 will need Node 22: nothing a
  // CLI user can act on, and a script reading stderr would take it for a problem with the logs.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const parsed = parseS3Url(url)
  // parseCliArgs has checked every URL already; this is the programmer-error guard.
  if (!parsed.ok) throw new Error(parsed.error)
  const range = resolveTimeRange({ from: options.from, to: options.to })
  if (!range.ok) throw new Error(range.error)
  const stream = streamTrail(
    { bucket: parsed.value.bucket, prefix: parsed.value.prefix, ...options.s3, ...range.value, includeDigests: options.includeDigests },
    {
      cacheDir: resolveS3CacheDir(options.cacheDir),
      onError: (error) => options.onError(error.file, error.reason),
      signal: options.signal,
    },
  )
  const finished = stream.summary.then(
    (summary): S3Outcome => ({ notice: summary.notice, offline: summary.offline, downloaded: summary.downloaded, fromCache: summary.fromCache }),
    (error: unknown) => {
      if (!(error instanceof S3OpenError)) throw error
      options.onError(url, error.message)
      return null
    },
  )
  return { inputs: stream.inputs, timeRange: stream.timeRange, finished }
}
