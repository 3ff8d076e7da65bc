// The S3 side of the services: profiles, buckets, layout discovery, opening a trail as a stream
// of local files, and the download cache. AshiatoService loads this module lazily (the AWS SDK
// costs start-up time) and turns its results into loads and pushes. Credentials never leave
// here: callers get profile names, bucket names and sentences about what went wrong.

import type { S3BucketInfo, S3Connection, S3Layout, S3Location, S3OpenRequest, S3ProfileInfo } from '../../common/ipc-contract'
import { clearCache, discoverLayout, listBuckets, listProfiles, S3OpenError, type ClientFactory, type S3Progress, type S3Tuning } from '../s3/open-trail'
import { checkEndpoint } from '../s3/endpoint-policy'
import { describeS3Error, s3CallError } from '../s3/s3-errors'
import { streamTrail, type TrailStream } from '../s3/trail-stream'

export interface S3ServiceOptions {
  /** Where downloaded objects are kept (the shell decides: see main/s3/cache-dir.ts). */
  cacheDir: string
  /** Tests and benchmarks: another S3 client, other retry and progress timings. */
  clientFactory?: ClientFactory
  tuning?: S3Tuning
}

export interface S3OpenHooks {
  signal?: AbortSignal
  onProgress?(progress: S3Progress): void
  onError?(error: { file: string; reason: string }): void
}

/** The SDK warns on Node 20 about its releases of 2027: nothing a user of the app can act on. */
function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
}

/**
 * Only the names of the connection, copied: nothing else reaches the SDK. Refuses (before any
 * request) plain http to a non-loopback endpoint without the opt-in.
 */
function connection(c: S3Connection): S3Connection {
  checkEndpoint(c)
  return { profile: c.profile || undefined, region: c.region || undefined, endpointUrl: c.endpointUrl || undefined, allowPlainHttp: c.allowPlainHttp === true }
}

export class S3Service {
  constructor(private readonly options: S3ServiceOptions) {
    quietSdk()
  }

  get cacheDir(): string {
    return this.options.cacheDir
  }

  async profiles(): Promise<S3ProfileInfo[]> {
    const profiles = await listProfiles()
    return profiles.map((p) => ({ name: p.name, ...(p.region ? { region: p.region } : {}), sso: p.sso }))
  }

  async buckets(conn: S3Connection): Promise<S3BucketInfo[]> {
    const c = connection(conn) // throws its own CallError, not wrapped below
    try {
      const buckets = await listBuckets(c, { clientFactory: this.options.clientFactory })
      return buckets.map((b) => ({ name: b.name, ...(b.region ? { region: b.region } : {}) }))
    } catch (error) {
      const failure = describeS3Error(error, { action: 's3:ListAllMyBuckets', bucket: '', profile: c.profile })
      if (failure.kind === 'access-denied') {
        const who = c.profile ? `The profile "${c.profile}"` : 'The current credentials'
        throw new Error(`${who} may not list buckets (s3:ListAllMyBuckets): type the bucket name instead`, { cause: error })
      }
      // Messages name "s3://" + bucket; there is no bucket yet.
      const reason = failure.reason.replace(/ on s3:\/\/(?=\W|$)/, '').replace(/ s3:\/\/(?=[\s:]|$)/, '')
      throw s3CallError(failure.kind, reason, { action: 's3:ListAllMyBuckets', bucket: '', profile: c.profile }, error)
    }
  }

  async discover(location: S3Location): Promise<S3Layout> {
    const c = connection(location)
    const layout = await discoverLayout({ ...c, bucket: location.bucket, prefix: location.prefix }, { clientFactory: this.options.clientFactory, tuning: this.options.tuning }).catch((error: unknown) => {
      // A whole-open failure says what to do; the ones the user can fix also get a code.
      throw error instanceof S3OpenError ? s3CallError(error.kind, error.message, { action: 's3:ListBucket', bucket: location.bucket, profile: c.profile }, error) : error
    })
    return { orgIds: layout.orgIds, accounts: layout.accounts, regions: layout.regions, hasInsight: layout.hasInsight, hasDigest: layout.hasDigest }
  }

  /** Starts the download; its objects arrive on `inputs` as they finish. */
  open(request: S3OpenRequest, hooks: S3OpenHooks = {}): TrailStream {
    return streamTrail(
      {
        ...connection(request),
        bucket: request.bucket,
        prefix: request.prefix,
        accounts: request.accounts,
        regions: request.regions,
        includeInsight: request.includeInsight,
        includeDigests: request.includeDigests,
        from: request.from,
        to: request.to,
        concurrency: request.concurrency,
      },
      { cacheDir: this.options.cacheDir, signal: hooks.signal, onProgress: hooks.onProgress, onError: hooks.onError, clientFactory: this.options.clientFactory, tuning: this.options.tuning },
    )
  }

  clearCache(): Promise<{ objects: number; bytes: number }> {
    return clearCache(this.options.cacheDir)
  }
}

/** The message of an open that failed as a whole (S3OpenError says what to do; anything else is shown as it is). */
export function openFailureMessage(error: unknown): string {
  if (error instanceof S3OpenError) return error.message
  return error instanceof Error ? error.message : String(error)
}
