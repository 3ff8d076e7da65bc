// Opening a trail straight from its S3 bucket. AWS credentials stay in main (the SDK's default
// chain for the chosen profile): the renderer only ever sees and sends profile names (part of the
// contract, see common/ipc-contract.ts).

import * as v from 'valibot'
import { answer, arg, boundedList, call, timeMs, wholeNumber } from './define-call'
import type { LoadStarted } from './loading'
import type { CallErrorCode } from '../call-errors'
import { isAccountId, isBucketName, isHttpUrl, isRegion } from '../aws-names'

export const S3_LIMITS = {
  /** Characters in a profile, region, bucket or prefix. */
  nameLength: 1_024,
  /** Characters in an endpoint URL. */
  urlLength: 2_048,
  /** Accounts or regions picked. */
  listItems: 10_000,
  /** Downloads in flight. */
  concurrency: 512,
  /** An S3 range lists every day folder of every account and region: ten years is plenty. */
  rangeDays: 3_660,
} as const

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** A name the user typed: absent, null and '' all mean "not set" (undefined); a set one passes `valid`. */
function optionalName(valid: (name: string) => boolean = () => true, invalid = '') {
  const name = v.pipe(v.string(), v.maxLength(S3_LIMITS.nameLength), v.check((s) => !CONTROL.test(s), 'contains a control character'))
  return v.optional(
    v.pipe(
      v.nullable(name),
      v.transform((s): string | undefined => s || undefined),
      v.check((s) => s === undefined || valid(s), invalid),
    ),
  )
}

/** Where and as whom, as in the AWS CLI (--profile, --region, --endpoint-url). All optional. */
export const S3ConnectionSchema = v.object({
  /** A profile from ~/.aws/config or ~/.aws/credentials; absent = the default credential chain. */
  profile: optionalName(),
  /** The region to start from; the bucket's own region is followed automatically. */
  region: optionalName(isRegion, 'must be an AWS region such as us-east-1'),
  /** An S3-compatible server or a VPC endpoint (http:// or https://), addressed path-style. */
  endpointUrl: optionalName((url) => url.length <= S3_LIMITS.urlLength && isHttpUrl(url), `must be an http:// or https:// URL of at most ${S3_LIMITS.urlLength} characters`),
  /**
   * Plain http:// to a host other than loopback sends the signed request (access key ID, session
   * token) across the network in clear: refused unless this is set (the S3 dialog's confirmation).
   */
  allowPlainHttp: v.optional(v.boolean()),
})
export type S3Connection = v.InferOutput<typeof S3ConnectionSchema>

/** A profile the user can pick: its name and what it says, never a secret. */
export interface S3ProfileInfo {
  name: string
  region?: string
  /** An IAM Identity Center profile: `aws sso login --profile NAME` renews its session. */
  sso: boolean
}

export interface S3BucketInfo {
  name: string
  region?: string
}

/** Where to look for the trail: a bucket and the trail's key prefix (or a path under AWSLogs/). */
export const S3LocationSchema = v.object({
  ...S3ConnectionSchema.entries,
  bucket: v.pipe(v.string(), v.check(isBucketName, 'is not a bucket name')),
  /** The trail's S3 key prefix (before AWSLogs/), or a deeper path such as 'AWSLogs/o-x/111122223333/'. */
  prefix: optionalName(),
})
export type S3Location = v.InferOutput<typeof S3LocationSchema>

/** What a bucket's CloudTrail layout holds, found with delimiter listings (never the whole bucket). */
export interface S3Layout {
  orgIds: string[]
  accounts: string[]
  regions: string[]
  /** CloudTrail-Insight folders exist (loaded only when asked). */
  hasInsight: boolean
  /** CloudTrail-Digest folders exist (integrity files: never loaded as events). */
  hasDigest: boolean
}

const DAY_MS = 86_400_000

/** An optional list where null also means "all" (left out). */
function nullAsAbsent<T>(list: v.GenericSchema<unknown, T[]>) {
  return v.optional(v.pipe(v.nullable(list), v.transform((l): T[] | undefined => l ?? undefined)))
}

/** An open of a trail: what the S3 dialog sends is what main/s3 opens (open-trail.ts). */
export const S3OpenRequestSchema = v.pipe(
  v.object({
    ...S3LocationSchema.entries,
    /** Only these accounts / regions; empty or absent means all that were found. */
    accounts: nullAsAbsent(boundedList(v.pipe(v.string(), v.check(isAccountId, 'is not an account ID (12 digits)')), S3_LIMITS.listItems)),
    regions: nullAsAbsent(boundedList(v.pipe(v.string(), v.check(isRegion, 'is not an AWS region')), S3_LIMITS.listItems)),
    includeInsight: v.optional(v.boolean()),
    /** Also download the range's CloudTrail-Digest files (and the newest ones' signatures) for the Integrity panel. */
    includeDigests: v.optional(v.boolean()),
    /** eventTime range, ms since the epoch: from inclusive, to exclusive. Events outside it are dropped. */
    from: timeMs,
    to: timeMs,
    /** Downloads in flight (default 16). */
    concurrency: v.optional(v.pipe(wholeNumber(S3_LIMITS.concurrency), v.minValue(1))),
  }),
  v.forward(v.check((r) => r.to > r.from, 'must be after from (the date range is empty)'), ['to']),
  v.forward(v.check((r) => r.to - r.from <= S3_LIMITS.rangeDays * DAY_MS, `must be at most ${S3_LIMITS.rangeDays} days after from`), ['to']),
)
export type S3OpenRequest = v.InferOutput<typeof S3OpenRequestSchema>

/** Progress of an S3 open (throttled), from discovery to the last object parsed. */
/** An S3 open's download, as main/s3 counts it and the s3Progress push carries it. */
export interface S3DownloadCounts {
  /** Objects downloaded or found in the cache, of those listed so far; objectsDone + failed reaches objectsTotal. */
  objectsDone: number
  objectsTotal: number
  bytesDone: number
  bytesTotal: number
  fromCache: number
  /** Objects that could not be fetched (each also comes as a fileReport named s3://bucket/key). */
  failed: number
  /** Every day folder has been listed: the totals are final. */
  listingDone: boolean
  /** S3 could not be reached: objects come from the cache. */
  offline: boolean
  /** True once, on the last update of this open. */
  done: boolean
  cancelled: boolean
}

/** Progress of an S3 open (the s3Progress push): the download's counts and the load's events. */
export interface S3OpenProgress extends S3DownloadCounts {
  /** The load the objects join (openS3Trail's answer). */
  loadId: number
  /** 'loading': every object is downloaded and the last ones are being read. */
  phase: 'discovering' | 'listing' | 'downloading' | 'loading' | 'done'
  /** Events read from the objects so far (inside the range). */
  events: number
  /** The open failed as a whole (no such bucket, denied, expired session...): what to do. */
  error?: string
  /** That failure's code and values when it has one, so the UI says it in its language (`error` is the fallback). */
  errorCode?: CallErrorCode
  errorValues?: Record<string, string | number>
}

export const S3_CALLS = {
  /** The AWS profiles of the shared config files (names and regions only). */
  s3Profiles: call({ args: [], returns: answer<S3ProfileInfo[]>(), scope: 'session', by: 'service' }),
  /** The buckets the credentials can list (s3:ListAllMyBuckets). */
  s3Buckets: call({ args: [arg('connection', S3ConnectionSchema)], returns: answer<S3BucketInfo[]>(), scope: 's3', by: 'service' }),
  /** The organizations, accounts, regions and kinds of a bucket's CloudTrail layout. */
  s3Discover: call({ args: [arg('location', S3LocationSchema)], returns: answer<S3Layout>(), scope: 's3', by: 'service' }),
  /**
   * Download the range's objects into the cache and load them as they arrive; returns at once.
   * Progress comes as s3Progress (and loadProgress), failed objects as fileReport. cancelLoad
   * stops the download; what arrived is still read.
   */
  openS3Trail: call({ args: [arg('request', S3OpenRequestSchema)], returns: answer<LoadStarted>(), scope: 's3', by: 'service' }),
  /** Empty the S3 download cache. */
  clearS3Cache: call({ args: [], returns: answer<{ objects: number; bytes: number }>(), scope: 'session', by: 'service' }),
}
