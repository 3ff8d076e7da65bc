// Where a file sits in a trail. Digests name files by S3 bucket and key; a copy on disk keeps
// the key's tail from AWSLogs/ on (a prefix before it, and the bucket, are lost), so files are
// matched on that tail, and on the bucket too when the file came from S3 itself.
//   [prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail|CloudTrail-Digest|CloudTrail-Insight/REGION/YYYY/MM/DD/NAME

const TRAIL_TAIL = /(?:^|\/)(AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/(CloudTrail(?:-Digest|-Insight)?)\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+))$/
/** The delivery time in a file name: ..._20240305T1405Z_... (logs) or ..._20240305T140531Z.json.gz (digests). */
const NAME_TIME = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z/

export interface TrailLocation {
  /** The S3 bucket when known (a file read from S3, or a digest's record), else ''. */
  bucket: string
  /** The key from AWSLogs/ on: what a local copy and the digest's record share. */
  tail: string
  orgId: string
  account: string
  kind: string
  region: string
  fileName: string
  /** The delivery time in the file name, ms; NaN when it has none. */
  namedTime: number
}

function parseTail(bucket: string, key: string): TrailLocation | null {
  const m = TRAIL_TAIL.exec(key)
  if (!m) return null
  const t = NAME_TIME.exec(m[9])
  const namedTime = t ? Date.UTC(+t[1], +t[2] - 1, +t[3], +t[4], +t[5], t[6] ? +t[6] : 0) : NaN
  return { bucket, tail: m[1], orgId: m[2] ?? '', account: m[3], kind: m[4], region: m[5], fileName: m[9], namedTime }
}

/** A digest's record of an object. */
export function recordedLocation(bucket: string, key: string): TrailLocation | null {
  return parseTail(bucket, key)
}

/** Where a loaded file came from, from the name it was loaded under (s3://bucket/key or a path). */
export function loadedLocation(displayName: string): TrailLocation | null {
  if (displayName.startsWith('s3://')) {
    const rest = displayName.slice(5)
    const slash = rest.indexOf('/')
    if (slash < 0) return null
    return parseTail(rest.slice(0, slash), rest.slice(slash + 1))
  }
  return parseTail('', displayName.replace(/\\/g, '/'))
}

/** The key files are matched on: bucket-free, so a local copy matches the digest's record. */
export function matchKey(location: TrailLocation): string {
  return location.tail
}
