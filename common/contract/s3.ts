// Opening a trail straight from its S3 bucket. AWS credentials stay in main (the SDK's default
// chain for the chosen profile): the renderer only ever sees and sends profile names.

/** Where and as whom, as in the AWS CLI (--profile, --region, --endpoint-url). All optional. */
export interface S3Connection {
  /** A profile from ~/.aws/config or ~/.aws/credentials; absent = the default credential chain. */
  profile?: string
  /** The region to start from; the bucket's own region is followed automatically. */
  region?: string
  /** An S3-compatible server or a VPC endpoint (http:// or https://), addressed path-style. */
  endpointUrl?: string
  /**
   * Plain http:// to a host other than loopback sends the signed request (access key ID, session
   * token) across the network in clear: refused unless this is set (the S3 dialog's confirmation).
   */
  allowPlainHttp?: boolean
}

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
export interface S3Location extends S3Connection {
  bucket: string
  prefix?: string
}

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

export interface S3OpenRequest extends S3Location {
  /** Only these accounts / regions; empty or absent means all that were found. */
  accounts?: string[]
  regions?: string[]
  includeInsight?: boolean
  /** Also download the range's CloudTrail-Digest files (and the newest ones' signatures) for the Integrity panel. */
  includeDigests?: boolean
  /** eventTime range, ms since the epoch: from inclusive, to exclusive. Events outside it are dropped. */
  from: number
  to: number
  /** Downloads in flight (default 16). */
  concurrency?: number
}

/** Progress of an S3 open (throttled), from discovery to the last object parsed. */
export interface S3OpenProgress {
  /** The load the objects join (openS3Trail's answer). */
  loadId: number
  /** 'loading': every object is downloaded and the last ones are being read. */
  phase: 'discovering' | 'listing' | 'downloading' | 'loading' | 'done'
  /** Objects downloaded or found in the cache, of those listed so far. */
  objectsDone: number
  objectsTotal: number
  bytesDone: number
  bytesTotal: number
  fromCache: number
  /** Objects that could not be fetched (each also comes as a fileReport named s3://bucket/key). */
  failed: number
  /** Every day folder has been listed: the totals are final. */
  listingDone: boolean
  /** Events read from the objects so far (inside the range). */
  events: number
  /** S3 could not be reached: objects come from the cache. */
  offline: boolean
  /** True once, on the last push of this open. */
  done: boolean
  cancelled: boolean
  /** Something to read (offline, nothing in the range). */
  notice?: string
  /** The open failed as a whole (no such bucket, denied, expired session...): what to do. */
  error?: string
}
