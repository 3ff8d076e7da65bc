// Command-line glue for S3 inputs: s3://bucket/prefix URLs and the AWS-CLI-like options
// (--profile --region --endpoint-url --from --to --concurrency). Pure: the CLI calls these and
// prints the usage error they return; nothing here exits or reads the environment.

import { checkEndpoint } from './endpoint-policy'
import { DAY_MS, normalizePrefix } from './trail-layout'
import { parseRangeTime } from '../../common/time'
import { isBucketName, isHttpUrl, isRegion } from '../../common/aws-names'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

export interface S3Url {
  bucket: string
  /** '' or ending in '/'. */
  prefix: string
}

export interface S3CliOptions {
  profile?: string
  region?: string
  endpointUrl?: string
  /** --allow-plain-http: a plain http:// endpoint on another host may carry the signed requests. */
  allowPlainHttp?: boolean
  /** ms since the epoch; from inclusive, to exclusive. */
  from?: number
  to?: number
  concurrency?: number
}

export const S3_CLI_USAGE = `S3 inputs: s3://BUCKET[/PREFIX] (the trail's bucket, and its key prefix or a path under AWSLogs/)
  --profile NAME        AWS profile from ~/.aws/config or ~/.aws/credentials (default: AWS_PROFILE or "default")
  --region REGION       region to start from (the bucket's own region is followed automatically)
  --endpoint-url URL    S3-compatible server or VPC endpoint (path-style addressing)
  --allow-plain-http    allow an http:// endpoint on another host (the signed requests cross the network in clear)
  --from TIME           first eventTime to include: 2024-03-10, 2024-03-10T12:00Z, or 7d / 12h / 30m ago
  --to TIME             end of the range, not included (default: now); a date alone is midnight UTC
  --concurrency N       downloads in flight (default 16)`

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

/** s3://bucket/prefix → bucket and prefix; a usage error for anything else. */
export function parseS3Url(url: string): Parsed<S3Url> {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(url.trim())
  if (!m) return fail(`Not an S3 URL: "${url}" (expected s3://bucket/prefix)`)
  const bucket = m[1]
  if (!isBucketName(bucket)) return fail(`Not a bucket name: "${bucket}"`)
  return ok({ bucket, prefix: normalizePrefix(m[2]) })
}

export const isS3Url = (s: string): boolean => /^s3:\/\//i.test(s)

/**
 * A time as the user typed it: an ISO date (midnight UTC), an ISO date-time (UTC unless it has an
 * offset: CloudTrail is in UTC), 'now', or an age such as 7d, 12h, 30m (that long before now).
 */
export function parseTime(text: string, now: number = Date.now()): number | undefined {
  const s = text.trim()
  if (s === 'now') return now
  const age = /^(\d+)([dhm])$/.exec(s)
  if (age) return now - Number(age[1]) * { d: DAY_MS, h: 3_600_000, m: 60_000 }[age[2] as 'd' | 'h' | 'm']
  return parseRangeTime(s)
}

const VALUE_FLAGS = ['--profile', '--region', '--endpoint-url', '--from', '--to', '--concurrency'] as const
type Flag = (typeof VALUE_FLAGS)[number]

/**
 * Picks the S3 options out of an argument list (as "--flag value" or "--flag=value"); everything
 * else is returned in `rest`, in order, for the CLI's own parsing.
 */
export function parseS3CliOptions(args: readonly string[], now: number = Date.now()): Parsed<{ options: S3CliOptions; rest: string[] }> {
  const raw = new Map<Flag, string>()
  const rest: string[] = []
  let allowPlainHttp = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const eq = arg.indexOf('=')
    const name = (eq > 0 ? arg.slice(0, eq) : arg) as Flag
    if (arg === '--allow-plain-http') {
      allowPlainHttp = true
      continue
    }
    if (!VALUE_FLAGS.includes(name)) {
      rest.push(arg)
      continue
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return fail(`${name} needs a value\n\n${S3_CLI_USAGE}`)
    if (raw.has(name)) return fail(`${name} is given twice`)
    raw.set(name, value)
  }
  const options: S3CliOptions = {}
  const profile = raw.get('--profile')
  if (profile !== undefined) options.profile = profile
  const region = raw.get('--region')
  if (region !== undefined) {
    if (!isRegion(region)) return fail(`Not an AWS region: "${region}" (for example us-east-1)`)
    options.region = region
  }
  const endpoint = raw.get('--endpoint-url')
  if (endpoint !== undefined) {
    if (!isHttpUrl(endpoint)) return fail(`--endpoint-url must be an http:// or https:// URL, not "${endpoint}"`)
    options.endpointUrl = endpoint
    if (allowPlainHttp) options.allowPlainHttp = true
    try {
      checkEndpoint(options)
    } catch (error) {
      return fail((error as Error).message)
    }
  }
  for (const flag of ['--from', '--to'] as const) {
    const text = raw.get(flag)
    if (text === undefined) continue
    const t = parseTime(text, now)
    if (t === undefined) return fail(`${flag}: cannot read "${text}" as a time (2024-03-10, 2024-03-10T12:00Z, 7d, 12h, now)`)
    options[flag === '--from' ? 'from' : 'to'] = t
  }
  if (options.from !== undefined && options.to !== undefined && options.to <= options.from) return fail('--to must be after --from')
  const conc = raw.get('--concurrency')
  if (conc !== undefined) {
    if (!/^\d+$/.test(conc) || +conc < 1 || +conc > 512) return fail(`--concurrency must be a whole number from 1 to 512, not "${conc}"`)
    options.concurrency = +conc
  }
  return ok({ options, rest })
}

/** The range to open: --to defaults to now, --from to a day before --to. */
export function resolveTimeRange(options: Pick<S3CliOptions, 'from' | 'to'>, now: number = Date.now()): Parsed<{ from: number; to: number }> {
  const to = options.to ?? now
  const from = options.from ?? to - DAY_MS
  return to > from ? ok({ from, to }) : fail('--to must be after --from')
}
